import type { DuckDBConnection } from '@duckdb/node-api';
import type { Batch, Column, Destination, StreamKey, StreamState, TableSpec } from '../destination.js';
import { DestinationError, DestinationUnavailableError, InvalidArgumentError, LoadError } from '../errors.js';
import { readColumns, readPrimaryKey } from './catalog.js';
import { loadDriver, openFailure, type DuckDBApi } from './driver.js';
import { checkName, ident, qualified } from './identifiers.js';
import { leaseInstance, type InstanceLease } from './shared-instances.js';
import { redact, resolveOptions, type DuckDBDestinationOptions, type ResolvedDuckDBOptions } from './options.js';
import { plainRow } from './read-values.js';
import { stageRows } from './stage.js';
import { appendRejects, bookkeepingDdl, deleteState, readRejects, readState, writeState } from './state-tables.js';
import { addColumnSql, createTableSql, upsertSql } from './table-sql.js';
import { checkBatch, checkStreamKey, checkTableSpec, distinctColumns } from './validate.js';

const ROWS_STAGE = '_cf_stage_rows';
/** DuckDB messages can quote a whole rejected document; keep errors readable. */
const MAX_REASON_LENGTH = 500;

interface Session {
  api: DuckDBApi;
  connection: DuckDBConnection;
  /** Gives back this destination's share of the file's DuckDB instance. */
  release: () => void;
  /** Schema changes, one at a time across the destinations on this file. */
  exclusive: InstanceLease['exclusive'];
}

/**
 * Lands streams in a DuckDB file (or `:memory:`): one table per stream, upserted by primary key, with the stream's
 * checkpoint in `_cf_state` and its rejected records in `_cf_rejects`, committed in the same transaction as the rows.
 *
 * Concurrency: DuckDB lets one process at a time open a file (it takes an exclusive lock), so while a sync writes
 * to `cf.duckdb`, another process on the same file (a second `cf sync`, a DuckDB shell, a notebook) is refused:
 * its `open()` fails with a DestinationUnavailableError naming the process that holds the file. Run syncs of one
 * file one after the other, or give each its own file. Within one process, destinations on the same file share one
 * DuckDB instance, each with its own connection and transactions. The file is released when the last of them is
 * closed.
 */
export class DuckDBDestination implements Destination {
  readonly kind = 'duckdb';
  readonly label: string;
  /** The database file (`./cf.duckdb` by default), or `:memory:`. */
  readonly path: string;
  /** The schema the tables are in. @default 'main' */
  readonly schema: string;
  private session: Session | undefined;
  /** Calls run one at a time: a DuckDB connection holds one transaction, which `commit` must own start to end. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options?: string | DuckDBDestinationOptions) {
    const resolved: ResolvedDuckDBOptions = resolveOptions(options);
    this.path = resolved.path;
    this.schema = resolved.schema;
    this.label = resolved.label;
  }

  async open(): Promise<void> {
    return this.exclusive(async () => {
      if (this.session !== undefined) return;
      let api: DuckDBApi;
      try {
        api = await loadDriver();
      } catch (error) {
        if (error instanceof LoadError) throw error;
        throw new DestinationUnavailableError(this.label, `@duckdb/node-api failed to load: ${error instanceof Error ? error.message : String(error)}`, error);
      }
      const lease = await leaseInstance(this.path, async () => {
        try {
          return await api.DuckDBInstance.create(this.path);
        } catch (error) {
          throw openFailure(this.label, error);
        }
      });
      let connection: DuckDBConnection | undefined;
      try {
        connection = await lease.instance.connect();
        const open = connection;
        // Schema changes one at a time per file: two destinations opening it at once would conflict in the catalog.
        await lease.exclusive(async () => {
          for (const sql of bookkeepingDdl(this.schema)) await open.run(sql);
        });
        // Checkpoint the WAL into the file every 64 MB instead of DuckDB's 16 MB: a sync commits every few thousand
        // rows, and folding the WAL into the file that often cost ~11 % of a 400k-row sync (measured: 8.7 s vs 7.7 s;
        // 256 MB was no faster and peaked ~70 MB higher).
        await connection.run("SET checkpoint_threshold = '64MB'");
      } catch (error) {
        connection?.closeSync();
        lease.release();
        throw this.wrap(error, 'could not create the _cf_state and _cf_rejects tables');
      }
      this.session = { api, connection, release: lease.release, exclusive: lease.exclusive };
    });
  }

  async readState(key: StreamKey): Promise<StreamState | undefined> {
    checkStreamKey(key);
    return this.run('could not read the stream state', ({ connection }) => readState(connection, this.schema, key));
  }

  async ensureTable(requested: TableSpec): Promise<Column[]> {
    checkTableSpec(requested, { duplicates: 'first' });
    const spec = distinctColumns(requested);
    return this.run(`could not create or alter table "${spec.name}"`, ({ connection, exclusive }) => exclusive(async () => {
      let existing = await readColumns(connection, this.schema, spec.name);
      if (existing.length === 0) {
        await connection.run(createTableSql(this.schema, spec));
      } else {
        await this.checkPrimaryKey(connection, spec);
        const have = new Set(existing.map((c) => c.name.toLowerCase()));
        const missing = spec.columns.filter((c) => !have.has(c.name));
        if (missing.length > 0) {
          await this.transaction(connection, async () => {
            for (const column of missing) await connection.run(addColumnSql(this.schema, spec.name, column));
          });
        }
      }
      existing = await readColumns(connection, this.schema, spec.name);
      return existing.map(({ name, type }) => ({ name, type }));
    }));
  }

  async commit(batch: Batch): Promise<void> {
    checkBatch(batch);
    const { key, table, rows, rejects, state } = batch;
    await this.run(`commit of ${key.connector}/${key.stream} into "${table.name}" failed, nothing of the batch was committed`, ({ api, connection }) =>
      this.transaction(connection, async () => {
        if (rows.length > 0) {
          await stageRows(api, connection, ROWS_STAGE, table.columns, rows);
          await connection.run(upsertSql(this.schema, table.name, table.columns, table.primaryKey, ROWS_STAGE));
          await connection.run(`DROP TABLE ${ident(ROWS_STAGE, 'table')}`);
        }
        await appendRejects(api, connection, this.schema, key, rejects);
        await writeState(api, connection, this.schema, key, state);
      }),
    );
  }

  async resetState(key: StreamKey): Promise<void> {
    checkStreamKey(key);
    await this.run('could not reset the stream state', ({ connection }) => deleteState(connection, this.schema, key));
  }

  async readRows(table: string, options?: { limit?: number }): Promise<Array<Record<string, unknown>>> {
    checkName(table, 'table');
    const limit = options?.limit;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new InvalidArgumentError(`readRows(): limit must be a non-negative integer, got ${String(limit)}.`);
    }
    return this.run(`could not read table "${table}"`, async ({ connection }) => {
      const columns = await readColumns(connection, this.schema, table);
      if (columns.length === 0) throw new InvalidArgumentError(`${this.label} has no table "${table}".`);
      const key = await readPrimaryKey(connection, this.schema, table);
      const order = key.length > 0 ? key.map((k) => ident(k)).join(', ') : 'rowid';
      const reader = await connection.runAndReadAll(
        `SELECT * FROM ${qualified(this.schema, table)} ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`}`,
      );
      return reader.getRowObjectsJS().map((row) => plainRow(row, columns));
    });
  }

  async readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
    checkStreamKey(key);
    return this.run('could not read the rejects', ({ connection }) => readRejects(connection, this.schema, key));
  }

  /** Closes the connection and the database, releasing the file for other processes. Safe to call twice. */
  async close(): Promise<void> {
    await this.exclusive(async () => {
      const session = this.session;
      if (session === undefined) return;
      this.session = undefined;
      try {
        session.connection.closeSync();
      } finally {
        session.release();
      }
    });
  }

  /** A table that exists keeps its primary key: upserting by another one would not find the rows to replace. */
  private async checkPrimaryKey(connection: DuckDBConnection, spec: TableSpec): Promise<void> {
    const actual = await readPrimaryKey(connection, this.schema, spec.name);
    if (actual.join(',') !== spec.primaryKey.join(',')) {
      throw new DestinationError(
        this.label,
        `table "${spec.name}" exists with primary key (${actual.join(', ') || 'none'}), but the stream's is (${spec.primaryKey.join(', ')}). Rename or drop the table, or land the stream in another schema.`,
      );
    }
  }

  /** BEGIN … COMMIT; on any error ROLLBACK, so nothing of `body` is visible, and rethrow. */
  private async transaction(connection: DuckDBConnection, body: () => Promise<void>): Promise<void> {
    await connection.run('BEGIN TRANSACTION');
    try {
      await body();
      await connection.run('COMMIT');
    } catch (error) {
      // After a failed statement (or a failed COMMIT, which rolls back itself) there may be nothing to roll back.
      await connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Runs `body` with the open session, alone; wraps driver errors as DestinationError prefixed with `what`. */
  private run<T>(what: string, body: (session: Session) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const session = this.session;
      if (session === undefined) throw new DestinationError(this.label, 'the destination is not open: call open() first.');
      try {
        return await body(session);
      } catch (error) {
        throw this.wrap(error, what);
      }
    });
  }

  private wrap(error: unknown, what: string): LoadError {
    if (error instanceof LoadError) return error;
    const original = error instanceof Error ? error.message : String(error);
    const message = withoutInput(redact(original));
    const reason = message.length > MAX_REASON_LENGTH ? `${message.slice(0, MAX_REASON_LENGTH)}…` : message;
    // The driver's message can repeat a token in the path or a record's text: keep it as the cause only without them.
    const cause = error instanceof Error && message === original ? error : undefined;
    return new DestinationError(this.label, `${what}: ${reason}`, cause);
  }

  private exclusive<T>(body: () => Promise<T>): Promise<T> {
    const result = this.queue.then(body);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/**
 * DuckDB quotes the text a cast refused (`Malformed JSON … Input: "…" when casting`), which can be a whole record:
 * name the column, not the data, like the cell checks do.
 */
function withoutInput(message: string): string {
  return message.replace(/Input: ".*" when casting/s, 'Input: (not shown) when casting');
}

/**
 * A DuckDB destination: `duckdb()` writes `./cf.duckdb`, `duckdb('data/crm.duckdb')` another file,
 * `duckdb(':memory:')` a database that lives as long as the destination, and `duckdb({ path, schema })` puts the
 * tables in a schema of their own. Needs the optional peer dependency `@duckdb/node-api`. One process at a time
 * can write a file: see `DuckDBDestination`.
 */
export function duckdb(options?: string | DuckDBDestinationOptions): DuckDBDestination {
  return new DuckDBDestination(options);
}
