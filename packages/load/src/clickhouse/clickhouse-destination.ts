import { BOOKKEEPING_COLUMNS, type Batch, type Column, type ColumnType, type Destination, type StreamKey, type StreamState, type TableSpec } from '../destination.js';
import { DestinationError, InvalidArgumentError } from '../errors.js';
import { clickhouseTypeFor, type ServerCapabilities } from './column-types.js';
import { assertStreamKey, commitBatch, type CommitStep } from './commit.js';
import { Connection } from './connection.js';
import { type ClickHouseApi, loadDriver } from './driver.js';
import { assertName, ident, literal, qualified } from './identifiers.js';
import { InternalTables, REJECTS_TABLE, STATE_TABLE } from './internal-tables.js';
import { type ClickHouseOptions, type ResolvedClickHouseOptions, resolveOptions } from './options.js';
import { addColumnsSql, commentColumnsSql, createTableSql, describeTable, maxVersion, rowDecoder, sortingKeyColumns, type TableInfo, VERSION_COLUMN } from './table-schema.js';
import { VersionClock } from './version-clock.js';

const COLUMN_TYPES = new Set<ColumnType>(['text', 'bigint', 'double', 'boolean', 'timestamp', 'json']);
/** How long `open()` waits for the server's first answer. */
const OPEN_TIMEOUT_MS = 15_000;

/**
 * @internal Hooks for tests: a driver importer (typed loosely so that the public declarations never name the optional
 * driver's types), a wall clock, a way to stop a commit between two writes.
 */
export interface ClickHouseTestHooks {
  importDriver?: () => Promise<unknown>;
  now?: () => number;
  beforeCommitStep?: (step: CommitStep) => void | Promise<void>;
}

interface Session {
  conn: Connection;
  capabilities: ServerCapabilities;
  internal: InternalTables;
  serverVersion: string;
}

/** `Array.isArray` without its `any[]` narrowing. */
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/** Checks a spec and returns it with each column once (a repeated column: the first one counts, like an existing one). */
function validateSpec(input: unknown): TableSpec {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('ensureTable(): expected a table spec { name, primaryKey, columns }');
  const spec = input as { name?: unknown; primaryKey?: unknown; columns?: unknown };
  const name = spec.name;
  assertName(name, 'table');
  if (name === STATE_TABLE || name === REJECTS_TABLE) throw new InvalidArgumentError(`table name ${name} is reserved`);
  if (!isList(spec.columns)) throw new InvalidArgumentError(`table ${name}: columns must be an array`);
  const columns: Column[] = [];
  for (const item of spec.columns) {
    const c = (typeof item === 'object' && item !== null ? item : {}) as { name?: unknown; type?: unknown };
    assertName(c.name, 'column');
    if (c.name === VERSION_COLUMN) throw new InvalidArgumentError(`table ${name}: column name ${VERSION_COLUMN} is reserved (ClickHouse keeps the row with the highest ${VERSION_COLUMN})`);
    if (!COLUMN_TYPES.has(c.type as ColumnType)) throw new InvalidArgumentError(`table ${name}: column ${c.name} has unknown type ${JSON.stringify(c.type)}`);
    const columnName = c.name;
    // A repeated column: the first one counts (as an existing column keeps its type).
    if (!columns.some((e) => e.name === columnName)) columns.push({ name: columnName, type: c.type as ColumnType });
  }
  const names = new Set(columns.map((c) => c.name));
  for (const b of BOOKKEEPING_COLUMNS) if (!names.has(b.name)) throw new InvalidArgumentError(`table ${name} lacks bookkeeping column ${b.name}`);
  if (!isList(spec.primaryKey) || spec.primaryKey.length === 0) {
    throw new InvalidArgumentError(`table ${name}: ClickHouse tables need a primary key (rows are de-duplicated by it)`);
  }
  const primaryKey: string[] = [];
  for (const k of spec.primaryKey) {
    if (typeof k !== 'string' || !names.has(k)) throw new InvalidArgumentError(`table ${name}: primary key column ${String(k)} is not among its columns`);
    if (primaryKey.includes(k)) throw new InvalidArgumentError(`table ${name}: the primary key repeats column ${k}`);
    primaryKey.push(k);
  }
  return { name, primaryKey, columns };
}

/**
 * A ClickHouse destination over the HTTP interface (`@clickhouse/client`, an optional peer dependency). Tables are
 * `ReplacingMergeTree(_version)` ordered by the primary key; commits are exactly once as observed through FINAL (see
 * `commit.ts`). Works with ClickHouse 18.16 (Debian's package) and newer.
 */
export class ClickHouseDestination implements Destination {
  readonly kind = 'clickhouse';
  readonly label: string;
  private readonly options: ResolvedClickHouseOptions;
  private readonly hooks: ClickHouseTestHooks;
  private readonly clock: VersionClock;
  private session: Session | undefined;
  private opening: Promise<Session> | undefined;
  private readonly tables = new Map<string, TableInfo>();

  /** Validates the options now (InvalidArgumentError); connects on `open()`. */
  constructor(options: string | ClickHouseOptions, hooks: ClickHouseTestHooks = {}) {
    this.options = resolveOptions(options);
    this.label = this.options.label;
    this.hooks = hooks;
    this.clock = new VersionClock(hooks.now);
  }

  /** The server's version (`18.16.1`), once open. */
  get serverVersion(): string | undefined {
    return this.session?.serverVersion;
  }

  /** Whether timestamp columns this destination creates are DateTime64(3, 'UTC') (else Decimal64(3)); once open. */
  get usesDateTime64(): boolean | undefined {
    return this.session?.capabilities.dateTime64;
  }

  async open(): Promise<void> {
    if (this.session) return;
    this.opening ??= this.connect().finally(() => {
      this.opening = undefined;
    });
    this.session = await this.opening;
  }

  private async connect(): Promise<Session> {
    const importer = this.hooks.importDriver as (() => Promise<ClickHouseApi>) | undefined;
    const api = await loadDriver(importer);
    const conn = Connection.create(api, this.options);
    try {
      const { database } = this.options;
      // ping() does not check credentials: a query does.
      const probe = await conn.rows<{ version: string; dt64: string | number }>(
        "SELECT version() AS version, (SELECT count() FROM system.data_type_families WHERE name = 'DateTime64') AS dt64",
        'connecting',
        OPEN_TIMEOUT_MS,
      );
      const capabilities: ServerCapabilities = { dateTime64: Number(probe[0]?.dt64 ?? 0) > 0 };
      const exists = await conn.rows<{ n: string | number }>(`SELECT count() AS n FROM system.databases WHERE name = ${literal(database)}`, 'looking up the database');
      if (Number(exists[0]?.n ?? 0) === 0) await conn.run(`CREATE DATABASE IF NOT EXISTS ${ident(database)}`, `creating database ${database}`);
      const internal = await InternalTables.open(conn, this.label, database, capabilities);
      this.clock.observe(await internal.maxVersion());
      return { conn, capabilities, internal, serverVersion: probe[0]?.version ?? 'unknown' };
    } catch (error) {
      await conn.close().catch(() => undefined);
      throw error;
    }
  }

  private current(): Session {
    if (!this.session) throw new DestinationError(this.label, 'the destination is not open (call open() first)');
    return this.session;
  }

  async readState(key: StreamKey): Promise<StreamState | undefined> {
    assertStreamKey(key);
    return this.current().internal.readState(key);
  }

  async ensureTable(input: TableSpec): Promise<Column[]> {
    const spec = validateSpec(input);
    const { conn, capabilities } = this.current();
    const { database } = this.options;
    let info = await describeTable(conn, database, spec.name);
    if (info === undefined) {
      await conn.run(createTableSql(database, spec, capabilities), `creating table ${spec.name}`);
      info = await this.describeOrFail(spec.name);
    } else {
      this.checkUpsertable(info, spec.primaryKey);
      const missing = spec.columns.filter((c) => !info!.columns.some((e) => e.name === c.name));
      if (missing.length > 0) {
        try {
          await conn.run(addColumnsSql(database, spec.name, missing, capabilities), `adding columns ${missing.map((c) => c.name).join(', ')} to ${spec.name}`);
        } catch (error) {
          // Another writer added them first (18.16 has no ADD COLUMN IF NOT EXISTS): fine if they are all there now.
          const now = await this.describeOrFail(spec.name);
          if (!missing.every((c) => now.columns.some((e) => e.name === c.name))) throw error;
        }
        info = await this.describeOrFail(spec.name);
        const uncommented = missing
          .map((c) => ({ name: c.name, comment: clickhouseTypeFor(c.type, capabilities, true).comment }))
          .filter((c): c is { name: string; comment: string } => c.comment !== undefined && info!.columns.find((e) => e.name === c.name)?.comment !== c.comment);
        if (uncommented.length > 0) {
          await conn.run(commentColumnsSql(database, spec.name, uncommented), `marking columns ${uncommented.map((c) => c.name).join(', ')} of ${spec.name} as JSON`);
          info = await this.describeOrFail(spec.name);
        }
      }
    }
    this.checkUpsertable(info, spec.primaryKey);
    this.clock.observe(await maxVersion(conn, database, spec.name));
    this.tables.set(spec.name, info);
    return info.columns.map((c) => ({ name: c.name, type: c.type }));
  }

  private async describeOrFail(table: string): Promise<TableInfo> {
    const info = await describeTable(this.current().conn, this.options.database, table);
    if (info === undefined) throw new DestinationError(this.label, `table ${table} does not exist`);
    return info;
  }

  /** A table this destination can upsert into: ReplacingMergeTree by `_version`, ordered by the primary key. */
  private checkUpsertable(info: TableInfo, primaryKey?: readonly string[]): void {
    if (!/ReplacingMergeTree$/.test(info.engine) || !info.hasVersion) {
      throw new DestinationError(this.label, `table ${info.name} is a ${info.engine} without ${VERSION_COLUMN}, not a ReplacingMergeTree(${VERSION_COLUMN}) that rows can be upserted into; drop it or use another database`);
    }
    if (primaryKey !== undefined) {
      const key = sortingKeyColumns(info.sortingKey);
      if (key.join(',') !== primaryKey.join(',')) {
        throw new DestinationError(this.label, `table ${info.name} is ordered by (${key.join(', ')}) but the stream's primary key is (${primaryKey.join(', ')}); ClickHouse cannot change it: drop the table to start over`);
      }
    }
  }

  /** The table as last described; described again when the batch has a column the cached copy lacks. */
  private async tableFor(batch: Batch): Promise<TableInfo> {
    assertName(batch?.table?.name, 'table');
    const name = batch.table.name;
    let info = this.tables.get(name);
    const columns: readonly Column[] = isList(batch.table.columns) ? batch.table.columns : [];
    if (info === undefined || columns.some((c) => !info!.columns.some((e) => e.name === c?.name))) {
      const fresh = await describeTable(this.current().conn, this.options.database, name);
      if (fresh === undefined) throw new DestinationError(this.label, `table ${name} does not exist (call ensureTable first)`);
      this.checkUpsertable(fresh);
      if (info === undefined) this.clock.observe(await maxVersion(this.current().conn, this.options.database, name));
      info = fresh;
      this.tables.set(name, info);
    }
    return info;
  }

  async commit(batch: Batch): Promise<void> {
    const session = this.current();
    if (typeof batch !== 'object' || batch === null) throw new InvalidArgumentError('commit(): expected a batch');
    const table = await this.tableFor(batch);
    await commitBatch(
      { conn: session.conn, database: this.options.database, label: this.label, table, internal: session.internal, clock: this.clock, beforeStep: this.hooks.beforeCommitStep },
      batch,
    );
  }

  async resetState(key: StreamKey): Promise<void> {
    assertStreamKey(key);
    const { internal } = this.current();
    const now = new Date(this.hooks.now?.() ?? Date.now());
    await internal.writeState([internal.resetRow(key, this.clock.next(), now)], `resetting the state of ${key.connector}/${key.stream}`);
  }

  async readRows(table: string, options: { limit?: number } = {}): Promise<Array<Record<string, unknown>>> {
    assertName(table, 'table');
    const limit = options?.limit;
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) throw new InvalidArgumentError(`readRows(): limit must be a non-negative integer, got ${String(limit)}`);
    const { conn } = this.current();
    const info = await this.describeOrFail(table);
    const select = info.columns.map((c) => ident(c.name)).join(', ');
    const order = sortingKeyColumns(info.sortingKey).map(ident).join(', ');
    const rows = await conn.rows<Record<string, unknown>>(
      `SELECT ${select} FROM ${qualified(this.options.database, table)} FINAL${order === '' ? '' : ` ORDER BY ${order}`}${limit === undefined ? '' : ` LIMIT ${limit}`}`,
      `reading ${table}`,
    );
    return rows.map(rowDecoder(info.columns));
  }

  async readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
    assertStreamKey(key);
    return this.current().internal.readRejects(key);
  }

  /** Closes the HTTP client (after an `open()` in progress settles). */
  async close(): Promise<void> {
    const session = this.session ?? (await this.opening?.catch(() => undefined));
    this.session = undefined;
    this.tables.clear();
    // Closing only releases sockets: nothing to report if it fails.
    await session?.conn.close().catch(() => undefined);
  }
}

/**
 * A ClickHouse destination: `clickhouse('clickhouse://user:pass@host:8123/db')`, `clickhouse('https://host:8443/db')`
 * or `clickhouse({ url, database, username, password })` (see `ClickHouseOptions` for the URL forms). Throws
 * InvalidArgumentError on bad options; connects on `open()`.
 */
export function clickhouse(options: string | ClickHouseOptions): ClickHouseDestination {
  return new ClickHouseDestination(options);
}
