import { createHash } from 'node:crypto';
import type { RejectedRecord, StreamKey, StreamState } from '../destination.js';
import type { JsonValue } from '@cf/core';
import { DestinationError } from '../errors.js';
import { cellDecoder, cellEncoder, clickhouseTypeFor, type ServerCapabilities } from './column-types.js';
import type { Connection } from './connection.js';
import { ident, literal, qualified } from './identifiers.js';
import { describeTable, VERSION_COLUMN } from './table-schema.js';

export const STATE_TABLE = '_cf_state';
export const REJECTS_TABLE = '_cf_rejects';

/**
 * `_cf_state`: one row per (connector, stream) once merged, the highest `_version` winning. `resetState` writes a
 * tombstone (`reset = 1`) rather than deleting: ClickHouse's deletes are asynchronous mutations. `checkpoint` is the
 * JSON text of the checkpoint (`null` included).
 */
function stateTableSql(database: string, timestampType: string): string {
  return (
    `CREATE TABLE IF NOT EXISTS ${qualified(database, STATE_TABLE)} (` +
    '`connector` String, `stream` String, `checkpoint` String, `complete` UInt8, `records` Int64, ' +
    `\`updated_at\` ${timestampType}, \`reset\` UInt8, ${ident(VERSION_COLUMN)} UInt64) ` +
    `ENGINE = ReplacingMergeTree(${ident(VERSION_COLUMN)}) ORDER BY (\`connector\`, \`stream\`)`
  );
}

/**
 * `_cf_rejects`: keyed by (connector, stream, reject_id), reject_id being a hash of the record and the error, so a
 * batch replayed after a crash replaces its own rejects instead of adding a second copy. `seq` keeps a batch's order.
 */
function rejectsTableSql(database: string, timestampType: string): string {
  return (
    `CREATE TABLE IF NOT EXISTS ${qualified(database, REJECTS_TABLE)} (` +
    '`connector` String, `stream` String, `reject_id` String, `record` String, `error` String, ' +
    `\`extracted_at\` ${timestampType}, \`seq\` UInt32, ${ident(VERSION_COLUMN)} UInt64) ` +
    `ENGINE = ReplacingMergeTree(${ident(VERSION_COLUMN)}) ORDER BY (\`connector\`, \`stream\`, \`reject_id\`)`
  );
}

/** A reject's identity: the same record refused for the same reason is the same reject. */
export function rejectId(record: string, error: string): string {
  return createHash('sha256').update(JSON.stringify([record, error])).digest('hex');
}

/** The two tables, with the actual types of their timestamp columns (a table created by an older server keeps its). */
export class InternalTables {
  private constructor(
    private readonly conn: Connection,
    private readonly label: string,
    private readonly database: string,
    private readonly updatedAtType: string,
    private readonly extractedAtType: string,
  ) {}

  /** Creates both tables when missing and reads their timestamp columns' types. */
  static async open(conn: Connection, label: string, database: string, capabilities: ServerCapabilities): Promise<InternalTables> {
    const timestampType = clickhouseTypeFor('timestamp', capabilities, false).type;
    await conn.run(stateTableSql(database, timestampType), `creating ${STATE_TABLE}`);
    await conn.run(rejectsTableSql(database, timestampType), `creating ${REJECTS_TABLE}`);
    const state = await describeTable(conn, database, STATE_TABLE);
    const rejects = await describeTable(conn, database, REJECTS_TABLE);
    const typeOf = (info: typeof state, column: string) => info?.columns.find((c) => c.name === column)?.clickhouseType ?? timestampType;
    return new InternalTables(conn, label, database, typeOf(state, 'updated_at'), typeOf(rejects, 'extracted_at'));
  }

  /** The highest `_version` in either table, as the server prints it. */
  async maxVersion(): Promise<string | number> {
    const rows = await this.conn.rows<{ s: string | number; r: string | number }>(
      `SELECT (SELECT max(${ident(VERSION_COLUMN)}) FROM ${qualified(this.database, STATE_TABLE)}) AS s, ` +
        `(SELECT max(${ident(VERSION_COLUMN)}) FROM ${qualified(this.database, REJECTS_TABLE)}) AS r`,
      'reading the versions of the state and rejects tables',
    );
    const row = rows[0];
    if (row === undefined) return 0;
    return Number(row.s) > Number(row.r) ? row.s : row.r;
  }

  async readState(key: StreamKey): Promise<StreamState | undefined> {
    const rows = await this.conn.rows<{ checkpoint: string; complete: number; records: string | number; updated_at: unknown; reset: number }>(
      `SELECT checkpoint, complete, records, updated_at, reset FROM ${qualified(this.database, STATE_TABLE)} FINAL ` +
        `WHERE connector = ${literal(key.connector)} AND stream = ${literal(key.stream)}`,
      `reading the state of ${key.connector}/${key.stream}`,
    );
    const row = rows[0];
    if (row === undefined || Number(row.reset) === 1) return undefined;
    const updatedAt = cellDecoder('timestamp', this.updatedAtType)(row.updated_at);
    let checkpoint: JsonValue | null;
    try {
      checkpoint = JSON.parse(row.checkpoint) as JsonValue | null;
    } catch {
      throw new DestinationError(this.label, `the checkpoint of ${key.connector}/${key.stream} in ${STATE_TABLE} is not JSON`);
    }
    return {
      checkpoint,
      complete: Number(row.complete) === 1,
      records: Number(row.records),
      updatedAt: updatedAt instanceof Date ? updatedAt : new Date(Number.NaN),
    };
  }

  /** The state row of a commit (validated: an unserializable checkpoint fails before anything is written). */
  stateRow(label: string, key: StreamKey, state: StreamState, version: number): Record<string, unknown> {
    if (typeof state !== 'object' || state === null) throw new DestinationError(label, 'the batch has no state');
    let checkpoint: string | undefined;
    try {
      checkpoint = JSON.stringify(state.checkpoint ?? null);
    } catch (error) {
      throw new DestinationError(label, `the checkpoint is not serializable as JSON: ${(error as Error).message}`);
    }
    if (checkpoint === undefined) throw new DestinationError(label, 'the checkpoint is not serializable as JSON');
    if (typeof state.complete !== 'boolean') throw new DestinationError(label, 'state.complete must be a boolean');
    if (!Number.isSafeInteger(state.records) || state.records < 0) throw new DestinationError(label, 'state.records must be a non-negative integer');
    const updatedAt = cellEncoder('timestamp', this.updatedAtType)(state.updatedAt);
    if (typeof updatedAt === 'string') throw new DestinationError(label, `state.updatedAt: ${updatedAt}`);
    return { connector: key.connector, stream: key.stream, checkpoint, complete: state.complete ? 1 : 0, records: state.records, updated_at: updatedAt.value, reset: 0, [VERSION_COLUMN]: version };
  }

  /** The tombstone `resetState` writes. */
  resetRow(key: StreamKey, version: number, now: Date): Record<string, unknown> {
    const updatedAt = cellEncoder('timestamp', this.updatedAtType)(now);
    return { connector: key.connector, stream: key.stream, checkpoint: 'null', complete: 0, records: 0, updated_at: typeof updatedAt === 'string' ? null : updatedAt.value, reset: 1, [VERSION_COLUMN]: version };
  }

  async writeState(rows: ReadonlyArray<Record<string, unknown>>, doing: string): Promise<void> {
    await this.conn.insert(qualified(this.database, STATE_TABLE), ['connector', 'stream', 'checkpoint', 'complete', 'records', 'updated_at', 'reset', VERSION_COLUMN].map(ident), rows, doing);
  }

  /** The reject rows of a commit (validated before anything is written). */
  rejectRows(label: string, key: StreamKey, rejects: readonly RejectedRecord[], version: number): Array<Record<string, unknown>> {
    const list: unknown = rejects;
    if (!Array.isArray(list)) throw new DestinationError(label, 'batch.rejects must be an array');
    const encode = cellEncoder('timestamp', this.extractedAtType);
    return rejects.map((r, seq) => {
      if (typeof r !== 'object' || r === null || typeof r.record !== 'string' || typeof r.error !== 'string') {
        throw new DestinationError(label, `reject ${seq}: record and error must be strings`);
      }
      const extractedAt = encode(r.extractedAt);
      if (typeof extractedAt === 'string') throw new DestinationError(label, `reject ${seq}: extractedAt: ${extractedAt}`);
      return { connector: key.connector, stream: key.stream, reject_id: rejectId(r.record, r.error), record: r.record, error: r.error, extracted_at: extractedAt.value, seq, [VERSION_COLUMN]: version };
    });
  }

  async writeRejects(rows: ReadonlyArray<Record<string, unknown>>, doing: string): Promise<void> {
    await this.conn.insert(qualified(this.database, REJECTS_TABLE), ['connector', 'stream', 'reject_id', 'record', 'error', 'extracted_at', 'seq', VERSION_COLUMN].map(ident), rows, doing);
  }

  async readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
    const rows = await this.conn.rows<{ record: string; error: string; extracted_at: unknown }>(
      `SELECT record, error, extracted_at FROM ${qualified(this.database, REJECTS_TABLE)} FINAL ` +
        `WHERE connector = ${literal(key.connector)} AND stream = ${literal(key.stream)} ORDER BY extracted_at, ${ident(VERSION_COLUMN)}, seq`,
      `reading the rejects of ${key.connector}/${key.stream}`,
    );
    const decode = cellDecoder('timestamp', this.extractedAtType);
    return rows.map((r) => {
      const at = decode(r.extracted_at);
      return { record: r.record, error: r.error, extractedAt: at instanceof Date ? at : new Date(Number.NaN) };
    });
  }
}
