import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import {
  BOOKKEEPING_COLUMNS,
  type Batch,
  type Column,
  type Destination,
  type RejectedRecord,
  type StreamKey,
  type StreamState,
  type TableSpec,
} from '../destination.js';
import { DestinationError, InvalidArgumentError } from '../errors.js';
import { columnTypeOf, isColumnType } from './column-types.js';
import { copyTextChunks, sanitizeJsonText } from './copy-text.js';
import { loadDriver, type PostgresDriver } from './driver.js';
import { checkName, isName, qualified, REJECTS_TABLE, STATE_TABLE } from './identifiers.js';
import { resolveOptions, type PostgresDestinationOptions, type ResolvedPostgresOptions } from './options.js';
import { toLoadError } from './pg-errors.js';
import * as sql from './sql.js';

/** Postgres's BIGINT type OID: `pg` returns it as a string; this destination returns a number when it is exact. */
const INT8_OID = 20;

/** BIGINT as a number when it is a safe integer, else the exact decimal string. */
function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character']);

interface CatalogColumn extends Column {
  /** information_schema's data_type (`text`, `jsonb`, `timestamp with time zone`, …). */
  dataType: string;
}

/**
 * The Postgres destination (`postgres()`, `@cf/load/postgres`).
 *
 * - One connection (`pg.Client`): the engine commits one stream at a time, and every method here runs alone (calls
 *   made concurrently are queued). A connection lost between calls is reopened by the next call; a call that was
 *   running when it was lost fails with DestinationUnavailableError, its transaction rolled back by the server.
 *   `close()` does not wait for a call in progress.
 * - `commit()` is one transaction: COPY (text format) into a `pg_temp` staging table with the target's column types,
 *   `INSERT … SELECT … ON CONFLICT (primary key) DO UPDATE` every non-key column, the rejects, the `_cf_state` row,
 *   COMMIT; ROLLBACK on any error. Rows never go through row-by-row INSERTs.
 * - DDL (`open()`, `ensureTable()`) runs in a transaction holding an advisory lock per schema/table, so two processes
 *   syncing the same table wait for each other instead of failing on the catalog. Existing objects are detected
 *   first, so a role without CREATE on the database can use a schema that already exists.
 * - NUL characters are dropped (Postgres text and jsonb cannot hold them); see `copy-text.ts`.
 * - `readRows()` returns BIGINT as a number (as the exact decimal string past 2^53), TIMESTAMPTZ as a Date, JSONB
 *   parsed. Text keys are ordered bytewise (`COLLATE "C"`) whatever the database's collation.
 * - Error messages carry the label (the URL without its password) and never the password, nor row values.
 */
export class PostgresDestination implements Destination {
  readonly kind = 'postgres';
  readonly label: string;
  readonly #options: ResolvedPostgresOptions;
  readonly #schema: string;
  #driver: PostgresDriver | undefined;
  #client: Client | undefined;
  #opened = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: string | PostgresDestinationOptions) {
    this.#options = resolveOptions(options);
    this.#schema = this.#options.schema;
    this.label = this.#options.label;
  }

  /** The schema the tables go in. */
  get schema(): string {
    return this.#schema;
  }

  open(): Promise<void> {
    return this.#exclusive(async () => {
      if (this.#opened && this.#client !== undefined) return;
      this.#driver ??= await loadDriver();
      const client = await this.#connect(this.#driver);
      try {
        await this.#transaction(client, async () => {
          await client.query(sql.LOCK, [sql.ddlLockKey(this.#schema)]);
          const schema = await client.query(sql.SCHEMA_EXISTS, [this.#schema]);
          if (schema.rowCount === 0) await client.query(sql.createSchema(this.#schema));
          if (!(await this.#tableExists(client, STATE_TABLE))) await client.query(sql.createStateTable(this.#schema));
          if (!(await this.#tableExists(client, REJECTS_TABLE))) {
            await client.query(sql.createRejectsTable(this.#schema));
            await client.query(sql.createRejectsIndex(this.#schema));
          }
        });
      } catch (error) {
        this.#discard(client);
        throw toLoadError(error, this.label, this.#options.secrets, `creating schema ${this.#schema} with _cf_state and _cf_rejects`);
      }
      this.#client = client;
      this.#opened = true;
    });
  }

  async readState(key: StreamKey): Promise<StreamState | undefined> {
    checkKey(key);
    return this.#run(`reading the state of ${key.connector}/${key.stream}`, async (client) => {
      const result = await client.query<{ checkpoint: StreamState['checkpoint']; complete: boolean; records: number | string; updated_at: Date }>(
        sql.selectState(this.#schema),
        [key.connector, key.stream],
      );
      const row = result.rows[0];
      if (row === undefined) return undefined;
      return { checkpoint: row.checkpoint ?? null, complete: row.complete, records: Number(row.records), updatedAt: row.updated_at };
    });
  }

  async ensureTable(spec: TableSpec): Promise<Column[]> {
    const { name, primaryKey } = checkSpec(spec, true);
    // A name given twice (a column the caller re-declares with another type) keeps its first declaration.
    const columns: Column[] = [];
    for (const c of [...spec.columns, ...BOOKKEEPING_COLUMNS]) if (!columns.some((e) => e.name === c.name)) columns.push({ name: c.name, type: c.type });
    return this.#run(`ensuring table ${this.#schema}.${name}`, async (client) =>
      this.#transaction(client, async () => {
        await client.query(sql.LOCK, [sql.ddlLockKey(`${this.#schema}.${name}`)]);
        if (!(await this.#tableExists(client, name))) {
          await client.query(sql.createTable(this.#schema, name, columns, primaryKey));
        } else {
          const existingKey = await this.#primaryKeyOf(client, name);
          if (existingKey.join(',') !== primaryKey.join(',')) {
            const show = (k: readonly string[]) => (k.length === 0 ? 'none' : `(${k.join(', ')})`);
            throw new DestinationError(
              this.label,
              `table ${this.#schema}.${name} exists with primary key ${show(existingKey)}, but the stream's is ${show(primaryKey)}: ` +
                'drop or rename the table, or sync to another schema.',
            );
          }
          const existing = new Set((await this.#columnsOf(client, name)).map((c) => c.name));
          const missing = columns.filter((c) => !existing.has(c.name));
          if (missing.length > 0) await client.query(sql.addColumns(this.#schema, name, missing));
        }
        // A column added by hand under a name the planner never produces ("Notes") is left alone: not reported, so
        // batches never carry it and upserts never touch it.
        return (await this.#columnsOf(client, name)).filter((c) => isName(c.name)).map(({ name: column, type }) => ({ name: column, type }));
      }),
    );
  }

  async commit(batch: Batch): Promise<void> {
    if (typeof batch !== 'object' || batch === null) throw new InvalidArgumentError('commit(): expected a batch.');
    checkKey(batch.key);
    const { name, primaryKey } = checkSpec(batch.table, false);
    const { rows, rejects, state } = batch;
    if (!Array.isArray(rows)) throw new InvalidArgumentError('commit(): batch.rows must be an array.');
    if (!Array.isArray(rejects)) throw new InvalidArgumentError('commit(): batch.rejects must be an array.');
    const stateParams = stateParameters(batch.key, state);
    const rejectParams = rejects.length === 0 ? undefined : rejectParameters(batch.key, rejects);
    const columns = batch.table.columns;
    return this.#run(`commit of ${batch.key.connector}/${batch.key.stream} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'} into ${this.#schema}.${name})`, async (client) =>
      this.#transaction(client, async () => {
        if (rows.length > 0) {
          await client.query(sql.createStaging(this.#schema, name, columns));
          const copy = client.query(this.#driver!.copyFrom(sql.copyIntoStaging(columns)));
          await pipeline(Readable.from(copyTextChunks(this.label, columns, rows)), copy);
          await client.query(sql.upsertFromStaging(this.#schema, name, columns, primaryKey));
        }
        if (rejectParams !== undefined) await client.query(sql.insertRejects(this.#schema), rejectParams);
        await client.query(sql.upsertState(this.#schema), stateParams);
      }),
    );
  }

  async resetState(key: StreamKey): Promise<void> {
    checkKey(key);
    return this.#run(`resetting the state of ${key.connector}/${key.stream}`, async (client) => {
      await client.query(sql.deleteState(this.#schema), [key.connector, key.stream]);
    });
  }

  async readRows(table: string, options: { limit?: number } = {}): Promise<Array<Record<string, unknown>>> {
    checkName(table, 'table');
    const limit = options?.limit;
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0)) {
      throw new InvalidArgumentError(`readRows(): limit must be a non-negative integer, got ${String(limit)}.`);
    }
    return this.#run(`reading rows of ${this.#schema}.${table}`, async (client) => {
      if (!(await this.#tableExists(client, table))) throw new DestinationError(this.label, `table ${this.#schema}.${table} does not exist.`);
      const columns = await this.#columnsOf(client, table);
      const key = await this.#primaryKeyOf(client, table);
      const orderBy = (key.length > 0 ? key : columns.map((c) => c.name)).map((k) => {
        const column = columns.find((c) => c.name === k);
        return { name: k, bytewise: column !== undefined && TEXT_TYPES.has(column.dataType) };
      });
      const result = await client.query<Record<string, unknown>>(sql.selectRows(this.#schema, table, orderBy), [limit ?? null]);
      return result.rows;
    });
  }

  async readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
    checkKey(key);
    return this.#run(`reading the rejects of ${key.connector}/${key.stream}`, async (client) => {
      const result = await client.query<{ record: unknown; error: string; extracted_at: Date }>(sql.selectRejects(this.#schema), [key.connector, key.stream]);
      // jsonb keeps the document, not its text: the record comes back as compact JSON (keys in jsonb's order).
      return result.rows.map((r) => ({ record: JSON.stringify(r.record ?? null), error: r.error, extractedAt: r.extracted_at }));
    });
  }

  /**
   * Ends the connection now, without waiting for a call in progress (which then fails, its transaction rolled back
   * by the server): a sync being stopped must not hang on a server that stopped answering. Idempotent.
   */
  async close(): Promise<void> {
    this.#opened = false;
    const client = this.#client;
    this.#client = undefined;
    if (client !== undefined) await client.end().catch(() => undefined);
  }

  /** Runs `fn` after every call made before it has settled: one statement sequence at a time on the connection. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** `fn` with the open connection (reopened when it was lost); errors become LoadErrors without the password. */
  #run<T>(doing: string, fn: (client: Client) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      if (!this.#opened || this.#driver === undefined) throw new DestinationError(this.label, 'the destination is not open (call open() first).');
      this.#client ??= await this.#connect(this.#driver);
      try {
        return await fn(this.#client);
      } catch (error) {
        throw toLoadError(error, this.label, this.#options.secrets, doing);
      }
    });
  }

  async #connect(driver: PostgresDriver): Promise<Client> {
    let client: Client;
    try {
      client = new driver.Client({
        connectionString: this.#options.connectionString,
        ...(this.#options.ssl === undefined ? {} : { ssl: this.#options.ssl }),
        connectionTimeoutMillis: this.#options.connectTimeoutMs,
        // TCP keepalive: a server that vanished (network partition, VM gone) fails the call instead of hanging it.
        keepAlive: true,
        fallback_application_name: 'cf-load',
      });
    } catch (error) {
      throw toLoadError(error, this.label, this.#options.secrets, 'connecting', true);
    }
    // Without a listener, a connection the server drops while idle would crash the process ('error' event).
    const forget = () => {
      if (this.#client === client) this.#client = undefined;
    };
    client.on('error', forget);
    client.on('end', forget);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw toLoadError(error, this.label, this.#options.secrets, 'connecting', true);
    }
    client.setTypeParser(INT8_OID, parseInt8);
    return client;
  }

  /** Ends a connection whose state is unknown (a failed ROLLBACK); the next call opens a new one. */
  #discard(client: Client): void {
    if (this.#client === client) this.#client = undefined;
    client.end().catch(() => undefined);
  }

  async #transaction<T>(client: Client, fn: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        this.#discard(client);
      }
      throw error;
    }
  }

  async #tableExists(client: Client, table: string): Promise<boolean> {
    const result = await client.query<{ exists: boolean }>(sql.TABLE_EXISTS, [qualified(this.#schema, table)]);
    return result.rows[0]?.exists === true;
  }

  async #columnsOf(client: Client, table: string): Promise<CatalogColumn[]> {
    const result = await client.query<{ column_name: string; data_type: string }>(sql.COLUMNS, [this.#schema, table]);
    return result.rows.map((r) => ({ name: r.column_name, type: columnTypeOf(r.data_type), dataType: r.data_type }));
  }

  async #primaryKeyOf(client: Client, table: string): Promise<string[]> {
    const result = await client.query<{ name: string }>(sql.PRIMARY_KEY, [qualified(this.#schema, table)]);
    return result.rows.map((r) => r.name);
  }
}

function checkKey(key: StreamKey): void {
  if (typeof key !== 'object' || key === null || typeof key.connector !== 'string' || typeof key.stream !== 'string' || key.connector === '' || key.stream === '') {
    throw new InvalidArgumentError('expected a stream key { connector, stream } of two non-empty strings.');
  }
}

/**
 * Checks a table spec's names and types. For `ensureTable` (`creating`), this destination's own table names are
 * refused and a column named twice is allowed (the first declaration counts); a batch's columns must be distinct.
 */
function checkSpec(spec: TableSpec, creating: boolean): { name: string; primaryKey: readonly string[] } {
  if (typeof spec !== 'object' || spec === null) throw new InvalidArgumentError('expected a table spec { name, primaryKey, columns }.');
  const name = checkName(spec.name, 'table');
  if (creating && name.startsWith('_cf_')) throw new InvalidArgumentError(`Invalid table name "${name}": names starting with _cf_ are reserved for this destination's own tables.`);
  const columns: unknown = spec.columns;
  if (!Array.isArray(columns) || columns.length === 0) throw new InvalidArgumentError(`table ${name}: columns must be a non-empty array.`);
  const seen = new Set<string>();
  for (const column of columns as Array<Partial<Column> | null>) {
    const columnName = checkName(column?.name, 'column');
    if (!isColumnType(column?.type)) throw new InvalidArgumentError(`table ${name}, column ${columnName}: unknown type ${JSON.stringify(column?.type)}.`);
    if (seen.has(columnName) && !creating) throw new InvalidArgumentError(`table ${name}: column ${columnName} appears twice.`);
    seen.add(columnName);
  }
  const primaryKey: unknown = spec.primaryKey;
  if (!Array.isArray(primaryKey)) throw new InvalidArgumentError(`table ${name}: primaryKey must be an array of column names.`);
  const keys = new Set<string>();
  for (const entry of primaryKey as unknown[]) {
    const key = checkName(entry, 'primary key column');
    if (!seen.has(key) && !BOOKKEEPING_COLUMNS.some((b) => b.name === key)) throw new InvalidArgumentError(`table ${name}: primary key column ${key} is not one of its columns.`);
    if (keys.has(key)) throw new InvalidArgumentError(`table ${name}: primary key column ${key} appears twice.`);
    keys.add(key);
  }
  return { name, primaryKey: spec.primaryKey };
}

function stateParameters(key: StreamKey, state: StreamState): unknown[] {
  if (typeof state !== 'object' || state === null) throw new InvalidArgumentError('commit(): batch.state is required.');
  const { checkpoint, complete, records, updatedAt } = state;
  if (typeof complete !== 'boolean') throw new InvalidArgumentError('commit(): state.complete must be a boolean.');
  if (typeof records !== 'number' || !Number.isSafeInteger(records) || records < 0) throw new InvalidArgumentError(`commit(): state.records must be a non-negative integer, got ${String(records)}.`);
  if (!(updatedAt instanceof Date) || Number.isNaN(updatedAt.getTime())) throw new InvalidArgumentError('commit(): state.updatedAt must be a valid Date.');
  let json: string | null = null;
  if (checkpoint !== null && checkpoint !== undefined) {
    const text = JSON.stringify(checkpoint) as string | undefined;
    if (text === undefined) throw new InvalidArgumentError('commit(): state.checkpoint is not JSON-serializable.');
    json = text;
  }
  return [key.connector, key.stream, json, complete, records, updatedAt];
}

/** The rejects as three parallel arrays. A record that is not valid JSON is kept as a JSON string of its text. */
function rejectParameters(key: StreamKey, rejects: readonly RejectedRecord[]): unknown[] {
  const records: string[] = [];
  const errors: string[] = [];
  const times: Date[] = [];
  for (const [i, reject] of rejects.entries()) {
    if (typeof reject !== 'object' || reject === null) throw new InvalidArgumentError(`commit(): reject ${i + 1} is not an object.`);
    const at = reject.extractedAt;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new InvalidArgumentError(`commit(): reject ${i + 1}: extractedAt must be a valid Date.`);
    const text = typeof reject.record === 'string' ? reject.record : String(reject.record);
    let json = text;
    try {
      JSON.parse(text);
    } catch {
      json = JSON.stringify(text);
    }
    records.push(sanitizeJsonText(json).replace(/\0/g, ''));
    errors.push(String(reject.error ?? '').replace(/\0/g, ''));
    times.push(at);
  }
  return [key.connector, key.stream, records, errors, times];
}
