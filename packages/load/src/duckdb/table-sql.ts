import type { Column, TableSpec } from '../destination.js';
import { sqlType } from './column-types.js';
import { ident, qualified } from './identifiers.js';

/** `CREATE TABLE` for a stream's table: its columns (bookkeeping ones included) and its primary key. */
export function createTableSql(schema: string, spec: TableSpec): string {
  const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlType(c.type)}`);
  const key = spec.primaryKey.map((k) => ident(k)).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${qualified(schema, spec.name)} (${columns.join(', ')}, PRIMARY KEY (${key}))`;
}

export function addColumnSql(schema: string, table: string, column: Column): string {
  return `ALTER TABLE ${qualified(schema, table)} ADD COLUMN IF NOT EXISTS ${ident(column.name)} ${sqlType(column.type)}`;
}

/**
 * Moves the staged rows into the table: new keys are inserted, existing ones get every staged column (the latest
 * version of the record wins; columns the batch does not carry keep their values). Staged JSON text is cast to
 * the table's JSON columns here, which validates it.
 */
export function upsertSql(schema: string, table: string, columns: readonly Column[], primaryKey: readonly string[], stage: string): string {
  const names = columns.map((c) => ident(c.name)).join(', ');
  const key = new Set(primaryKey);
  const updates = columns.filter((c) => !key.has(c.name)).map((c) => `${ident(c.name)} = excluded.${ident(c.name)}`);
  const action = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  return `INSERT INTO ${qualified(schema, table)} (${names}) SELECT ${names} FROM ${ident(stage, 'table')} ON CONFLICT (${primaryKey.map((k) => ident(k)).join(', ')}) ${action}`;
}
