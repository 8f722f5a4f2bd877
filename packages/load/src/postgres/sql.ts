import { createHash } from 'node:crypto';
import type { Column } from '../destination.js';
import { sqlType } from './column-types.js';
import { ident, qualified, REJECTS_TABLE, STAGING_TABLE, STATE_TABLE } from './identifiers.js';

/**
 * The statements the destination runs. Every identifier goes through `ident` (checked, then double-quoted); every
 * value is a bind parameter.
 */

/**
 * A transaction-level advisory lock key for DDL on one object (`schema`, or `schema.table`): two processes syncing
 * the same table serialize their CREATE/ALTER instead of racing on the catalog (where `IF NOT EXISTS` alone can still
 * fail with a duplicate-key error). Computed here, as a signed 64-bit integer, so no server function is needed.
 */
export function ddlLockKey(object: string): string {
  return createHash('sha256').update(`cf-load:ddl:${object}`).digest().readBigInt64BE(0).toString();
}

export const LOCK = 'SELECT pg_advisory_xact_lock($1::bigint)';

export const SCHEMA_EXISTS = 'SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1';

export function createSchema(schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${ident(schema, 'schema')}`;
}

/** Whether a relation exists in the schema: `to_regclass` of the quoted name (null when missing). */
export const TABLE_EXISTS = 'SELECT to_regclass($1) IS NOT NULL AS exists';

export function regclassName(schema: string, table: string): string {
  return qualified(schema, table);
}

export function createStateTable(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, STATE_TABLE)} (
  connector TEXT NOT NULL,
  stream TEXT NOT NULL,
  checkpoint JSONB,
  complete BOOLEAN NOT NULL DEFAULT false,
  records BIGINT NOT NULL DEFAULT 0,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (connector, stream)
)`;
}

export function createRejectsTable(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, REJECTS_TABLE)} (
  id BIGSERIAL PRIMARY KEY,
  connector TEXT NOT NULL,
  stream TEXT NOT NULL,
  record JSONB,
  error TEXT NOT NULL,
  extracted_at TIMESTAMPTZ NOT NULL
)`;
}

/** readRejects reads one stream's rejects in id order. */
export function createRejectsIndex(schema: string): string {
  return `CREATE INDEX IF NOT EXISTS "_cf_rejects_stream_idx" ON ${qualified(schema, REJECTS_TABLE)} (connector, stream, id)`;
}

export function createTable(schema: string, table: string, columns: readonly Column[], primaryKey: readonly string[]): string {
  const definitions = columns.map((c) => `  ${ident(c.name)} ${sqlType(c.type)}`);
  if (primaryKey.length > 0) definitions.push(`  PRIMARY KEY (${primaryKey.map((k) => ident(k)).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, table)} (\n${definitions.join(',\n')}\n)`;
}

export function addColumns(schema: string, table: string, columns: readonly Column[]): string {
  return `ALTER TABLE ${qualified(schema, table)} ${columns.map((c) => `ADD COLUMN IF NOT EXISTS ${ident(c.name)} ${sqlType(c.type)}`).join(', ')}`;
}

/** A table's columns in order, with their catalog type. */
export const COLUMNS = `SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`;

/** A table's primary key columns, in key order. */
export const PRIMARY_KEY = `SELECT a.attname AS name
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
WHERE i.indrelid = to_regclass($1) AND i.indisprimary
ORDER BY array_position(i.indkey::int2[], a.attnum)`;

/**
 * The staging table for one commit: the target's columns with the target's own types (so COPY parses every value
 * with the column's input function, whatever type the column really has), in `pg_temp`, dropped at COMMIT/ROLLBACK.
 */
export function createStaging(schema: string, table: string, columns: readonly Column[]): string {
  return `CREATE TEMP TABLE ${ident(STAGING_TABLE, 'table')} ON COMMIT DROP AS SELECT ${columnList(columns)} FROM ${qualified(schema, table)} WITH NO DATA`;
}

export function copyIntoStaging(columns: readonly Column[]): string {
  return `COPY pg_temp.${ident(STAGING_TABLE, 'table')} (${columnList(columns)}) FROM STDIN`;
}

/**
 * The upsert from staging: every non-key column of the batch takes the new version's value; columns the batch does
 * not carry keep theirs. Rows go in key order, so two transactions upserting overlapping keys lock them in the same
 * order (one waits for the other instead of deadlocking). Without a primary key, a plain append.
 */
export function upsertFromStaging(schema: string, table: string, columns: readonly Column[], primaryKey: readonly string[]): string {
  const list = columnList(columns);
  const insert = `INSERT INTO ${qualified(schema, table)} (${list}) SELECT ${list} FROM pg_temp.${ident(STAGING_TABLE, 'table')}`;
  if (primaryKey.length === 0) return insert;
  const keys = new Set(primaryKey);
  const updates = columns.filter((c) => !keys.has(c.name)).map((c) => `${ident(c.name)} = EXCLUDED.${ident(c.name)}`);
  const target = primaryKey.map((k) => ident(k)).join(', ');
  return `${insert} ORDER BY ${target} ON CONFLICT (${target}) ${updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.join(', ')}`}`;
}

/** The rejects of a batch in one statement, from parallel arrays, in batch order. */
export function insertRejects(schema: string): string {
  return `INSERT INTO ${qualified(schema, REJECTS_TABLE)} (connector, stream, record, error, extracted_at)
SELECT $1, $2, r.record, r.error, r.extracted_at
FROM unnest($3::jsonb[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS r(record, error, extracted_at, n)
ORDER BY r.n`;
}

export function upsertState(schema: string): string {
  return `INSERT INTO ${qualified(schema, STATE_TABLE)} (connector, stream, checkpoint, complete, records, updated_at)
VALUES ($1, $2, $3::jsonb, $4, $5, $6)
ON CONFLICT (connector, stream) DO UPDATE SET
  checkpoint = EXCLUDED.checkpoint, complete = EXCLUDED.complete, records = EXCLUDED.records, updated_at = EXCLUDED.updated_at`;
}

export function selectState(schema: string): string {
  return `SELECT checkpoint, complete, records, updated_at FROM ${qualified(schema, STATE_TABLE)} WHERE connector = $1 AND stream = $2`;
}

export function deleteState(schema: string): string {
  return `DELETE FROM ${qualified(schema, STATE_TABLE)} WHERE connector = $1 AND stream = $2`;
}

export function selectRejects(schema: string): string {
  return `SELECT record, error, extracted_at FROM ${qualified(schema, REJECTS_TABLE)} WHERE connector = $1 AND stream = $2 ORDER BY id`;
}

/**
 * A table's rows ordered by `orderBy` (its primary key; every column for a table without one), text columns
 * bytewise (`COLLATE "C"`) so the order does not depend on the database's collation; `$1` is the limit (NULL: all).
 */
export function selectRows(schema: string, table: string, orderBy: ReadonlyArray<{ name: string; bytewise: boolean }>): string {
  const order = orderBy.length > 0 ? orderBy.map((k) => `${ident(k.name)}${k.bytewise ? ' COLLATE "C"' : ''}`).join(', ') : '1';
  return `SELECT * FROM ${qualified(schema, table)} ORDER BY ${order} LIMIT $1`;
}

function columnList(columns: readonly Column[]): string {
  return columns.map((c) => ident(c.name)).join(', ');
}
