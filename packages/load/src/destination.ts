import type { JsonValue } from '@cf/core';

/**
 * The column types a destination maps to its own: DuckDB and Postgres `TEXT`/`BIGINT`/`DOUBLE`/`BOOLEAN`/
 * `TIMESTAMPTZ`/`JSON(B)`, ClickHouse `String`/`Int64`/`Float64`/`UInt8`/`DateTime64(3, 'UTC')`/`String`.
 */
export type ColumnType = 'text' | 'bigint' | 'double' | 'boolean' | 'timestamp' | 'json';

/** A column of a stream's table. */
export interface Column {
  /** Already normalized by the planner: `[a-z_][a-z0-9_]*`, at most 63 bytes (Postgres's limit). */
  name: string;
  /** Its type, mapped to the engine's own. */
  type: ColumnType;
}

/**
 * A cell as the planner hands it over, by column type: `text` string, `bigint` a safe integer number, `double` number,
 * `boolean` boolean, `timestamp` Date, `json` the value serialized as JSON text. Null in any column.
 */
export type Cell = string | number | boolean | Date | null;

/** A stream's table. Every table also has the bookkeeping columns in `BOOKKEEPING_COLUMNS`. */
export interface TableSpec {
  /** The table's name (`hubspot_contacts`), normalized like column names. */
  name: string;
  /** Column names (already in `columns`); rows are upserted by them. */
  primaryKey: readonly string[];
  /** The columns from the records (the bookkeeping columns are added by the destination). */
  columns: readonly Column[];
}

/** Every table has these: the whole record, when it was read, and whether the API reports it deleted. */
export const BOOKKEEPING_COLUMNS: readonly Column[] = [
  { name: '_raw', type: 'json' },
  { name: '_extracted_at', type: 'timestamp' },
  { name: '_deleted', type: 'boolean' },
];

/** Which stream of which connector: the state table's key. */
export interface StreamKey {
  /** The connector's registry name (`hubspot`). */
  connector: string;
  /** The stream's name (`contacts`). */
  stream: string;
}

/** What a destination remembers about a stream, committed with the rows it describes. */
export interface StreamState {
  /** Where the next read resumes (null: from the beginning). */
  checkpoint: JsonValue | null;
  /** The last page was committed; an incremental stream's next sync reads changes after `checkpoint`. */
  complete: boolean;
  /**
   * Records committed since the stream last started from the beginning (incremental reruns add theirs). Committed
   * with the rows, so a batch re-read after a crash is never counted twice.
   */
  records: number;
  /** When this state was committed. */
  updatedAt: Date;
}

/** A record that failed validation, kept with the reason instead of stopping the sync. */
export interface RejectedRecord {
  /** The record as the API sent it, serialized as JSON. */
  record: string;
  /** Why it failed validation (the schema's issues, as text). */
  error: string;
  /** When it was read. */
  extractedAt: Date;
}

/**
 * One atomic unit of a sync: rows, rejects and the stream state that resumes after them, committed together (or,
 * on an engine without transactions, written so that a replay of the same batch leaves the same observable result).
 */
export interface Batch {
  /** The stream the batch belongs to. */
  key: StreamKey;
  /** The table as the destination reported it from `ensureTable` (the rows' cells follow `table.columns`' order). */
  table: TableSpec;
  /** One array per record, aligned with `table.columns`; unique by primary key within the batch. */
  rows: Cell[][];
  /** Records that failed validation, appended to the rejects table. */
  rejects: RejectedRecord[];
  /** The stream's state after this batch, saved with it. */
  state: StreamState;
}

/**
 * Where a sync lands. A destination is opened once per sync, and the engine (`sync()`) calls it from one stream at a
 * time. Several destinations on the same storage may be open at once in one process (a reader while a sync runs). Implementations: `duckdb()` (`@cf/load/duckdb`), `postgres()` (`@cf/load/postgres`), `clickhouse()`
 * (`@cf/load/clickhouse`); `describeDestinationSuite` (`@cf/load/testing`) is the contract a new one must pass.
 */
export interface Destination {
  /** `duckdb`, `postgres`, `clickhouse`. */
  readonly kind: string;
  /** Where it writes, for progress lines: never a password. */
  readonly label: string;
  /** Connects and creates the state (`_cf_state`) and rejects (`_cf_rejects`) tables when missing. */
  open(): Promise<void>;
  /** The state committed with the stream's last batch; undefined when the stream was never synced. */
  readState(key: StreamKey): Promise<StreamState | undefined>;
  /**
   * Creates the table (with the bookkeeping columns and the primary key) or adds the columns it lacks. An existing
   * column keeps its type; a column named twice in `spec` counts once (the first). An existing table whose primary
   * key differs from `spec`'s is a `DestinationError` (upserting by another key would duplicate rows); an empty
   * primary key is an `InvalidArgumentError`. Returns the table's columns as they are now.
   */
  ensureTable(spec: TableSpec): Promise<Column[]>;
  /**
   * Upserts the rows by primary key, appends the rejects and saves the state, atomically: all of it or none of it
   * (an engine without transactions writes the state last, by key and version, so that a replay of the batch after a
   * crash leaves the same result; between the crash and the rerun, rows past the saved checkpoint may be visible).
   * Every failure is a rejected promise with a `LoadError`, never a synchronous throw; no error carries a row's values.
   * A destination may drop U+0000 from text and replace lone UTF-16 surrogates (Postgres cannot store them).
   */
  commit(batch: Batch): Promise<void>;
  /** Forgets the stream's state (a full refresh). Rows stay until the refresh overwrites them. */
  resetState(key: StreamKey): Promise<void>;
  /**
   * The table's current rows (one per primary key, latest version), ordered by primary key: for inspection
   * (`cf sync` prints a sample) and tests. `limit` defaults to all. Values: JSON columns parsed, timestamps as Date,
   * BIGINT as a number (as an exact decimal string beyond 2^53). An unknown table is a `LoadError`.
   */
  readRows(table: string, options?: { limit?: number }): Promise<Array<Record<string, unknown>>>;
  /**
   * The rejects of a stream, oldest first. `record` is equal to what was committed as a JSON value (key order may
   * differ where the engine stores JSON parsed). A replayed batch never doubles them.
   */
  readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>>;
  /** Closes the connection (or releases the file). */
  close(): Promise<void>;
}
