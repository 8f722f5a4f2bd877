import type { JsonValue } from '@cf/core';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Column, RejectedRecord, StreamKey, StreamState } from '../destination.js';
import { text } from './catalog.js';
import type { DuckDBApi } from './driver.js';
import { ident, qualified } from './identifiers.js';
import { stageRows } from './stage.js';

export const STATE_TABLE = '_cf_state';
export const REJECTS_TABLE = '_cf_rejects';
const REJECTS_STAGE = '_cf_stage_rejects';

/** The bookkeeping tables, created when missing (`open()`). */
export function bookkeepingDdl(schema: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${ident(schema, 'schema')}`,
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, STATE_TABLE)} (
       connector TEXT NOT NULL, stream TEXT NOT NULL, checkpoint JSON, complete BOOLEAN NOT NULL,
       records BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (connector, stream))`,
    `CREATE TABLE IF NOT EXISTS ${qualified(schema, REJECTS_TABLE)} (
       connector TEXT NOT NULL, stream TEXT NOT NULL, record JSON, error TEXT, extracted_at TIMESTAMPTZ)`,
  ];
}

export async function readState(connection: DuckDBConnection, schema: string, key: StreamKey): Promise<StreamState | undefined> {
  const reader = await connection.runAndReadAll(
    `SELECT checkpoint::VARCHAR AS checkpoint, complete, records, updated_at FROM ${qualified(schema, STATE_TABLE)}
     WHERE connector = $1 AND stream = $2`,
    [key.connector, key.stream],
  );
  const row = reader.getRowObjectsJS()[0];
  if (row === undefined) return undefined;
  return {
    checkpoint: typeof row.checkpoint === 'string' ? (JSON.parse(row.checkpoint) as JsonValue) : null,
    complete: row.complete === true,
    records: Number(row.records),
    updatedAt: row.updated_at as Date,
  };
}

/** Inserts or replaces the stream's state row; run inside the batch's transaction. */
export async function writeState(api: DuckDBApi, connection: DuckDBConnection, schema: string, key: StreamKey, state: StreamState): Promise<void> {
  await connection.run(
    `INSERT INTO ${qualified(schema, STATE_TABLE)} (connector, stream, checkpoint, complete, records, updated_at)
     VALUES ($1, $2, $3::JSON, $4, $5, $6)
     ON CONFLICT (connector, stream) DO UPDATE SET checkpoint = excluded.checkpoint, complete = excluded.complete,
       records = excluded.records, updated_at = excluded.updated_at`,
    [
      key.connector,
      key.stream,
      state.checkpoint === null ? null : JSON.stringify(state.checkpoint),
      state.complete,
      BigInt(state.records),
      new api.DuckDBTimestampTZValue(BigInt(state.updatedAt.getTime()) * 1000n),
    ],
  );
}

export async function deleteState(connection: DuckDBConnection, schema: string, key: StreamKey): Promise<void> {
  await connection.run(`DELETE FROM ${qualified(schema, STATE_TABLE)} WHERE connector = $1 AND stream = $2`, [key.connector, key.stream]);
}

const REJECT_COLUMNS: readonly Column[] = [
  { name: 'record', type: 'json' },
  { name: 'error', type: 'text' },
  { name: 'extracted_at', type: 'timestamp' },
];

/** Appends the batch's rejects (staged in bulk like rows); run inside the batch's transaction. */
export async function appendRejects(
  api: DuckDBApi,
  connection: DuckDBConnection,
  schema: string,
  key: StreamKey,
  rejects: readonly RejectedRecord[],
): Promise<void> {
  if (rejects.length === 0) return;
  const rows = rejects.map((r) => [r.record, r.error, r.extractedAt]);
  await stageRows(api, connection, REJECTS_STAGE, REJECT_COLUMNS, rows);
  await connection.run(
    `INSERT INTO ${qualified(schema, REJECTS_TABLE)} (connector, stream, record, error, extracted_at)
     SELECT $1, $2, record, error, extracted_at FROM ${ident(REJECTS_STAGE, 'table')} ORDER BY rowid`,
    [key.connector, key.stream],
  );
  await connection.run(`DROP TABLE ${ident(REJECTS_STAGE, 'table')}`);
}

export async function readRejects(
  connection: DuckDBConnection,
  schema: string,
  key: StreamKey,
): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
  const reader = await connection.runAndReadAll(
    `SELECT record::VARCHAR AS record, error, extracted_at FROM ${qualified(schema, REJECTS_TABLE)}
     WHERE connector = $1 AND stream = $2 ORDER BY extracted_at, rowid`,
    [key.connector, key.stream],
  );
  return reader.getRowObjectsJS().map((row) => ({
    record: text(row.record),
    error: text(row.error),
    extractedAt: row.extracted_at as Date,
  }));
}
