/**
 * How a batch is committed to ClickHouse, and why the result is exactly once as a reader sees it.
 *
 * ClickHouse has no transactions: the rows, the rejects and the state of a batch are three INSERTs, and a SIGKILL can
 * fall between any two. Exactly once is therefore a property of what a reader observes, built from three facts:
 *
 * 1. Every write is an upsert by a key, so writing the same thing twice is the same as writing it once. Each stream's
 *    table is `ReplacingMergeTree(_version) ORDER BY (primary key)`; `_cf_rejects` is keyed by (connector, stream,
 *    sha256 of [record, error]); `_cf_state` by (connector, stream). Of the rows sharing a key, a reader (see below)
 *    sees exactly one: the one with the highest `_version`.
 * 2. `_version` strictly increases from one commit to the next, across processes and machines: each commit takes one
 *    from a clock that never goes below a version already stored (`VersionClock`; the destination reads the highest
 *    `_version` of `_cf_state` and `_cf_rejects` on `open()` and of each table on `ensureTable()`/first commit). So
 *    the later write of a key always wins, whatever the wall clock did and whenever the background merges run.
 *    All rows of one commit share its version (the planner hands over one row per key; a duplicate key inside a batch
 *    is dropped here, the last one kept, so no two rows ever tie on key and version).
 * 3. The state is written last. Its INSERT is the commit point: the engine resumes from the state it reads back.
 *    Before the INSERTs, every cell is checked, so a batch the server would refuse fails with nothing written. Each
 *    INSERT is one HTTP request that the server applies as one part, atomically, up to max_insert_block_size
 *    (1,048,576) rows; a larger one may land in part, which (1) makes harmless.
 *
 * A crash (or a failed INSERT) before the state INSERT is acknowledged leaves the previous state. The rerun reads from
 * that checkpoint, gets the same records again (or newer versions of them, if the API changed meanwhile) and commits
 * them with a higher `_version`: each row key ends with one row holding the replay's values, each reject with one
 * copy, and the state moves on. That is exactly what a run without the crash would show. A crash after the state INSERT
 * was acknowledged replays nothing. So after any number of crashes and reruns, every record is observed once.
 *
 * What a reader must do to see this:
 * - Read with FINAL: `SELECT … FROM db.table FINAL` (and `_cf_state FINAL`, `_cf_rejects FINAL`), which collapses
 *   each key to its highest `_version` at query time. Or, equivalently and often faster on big tables,
 *   `SELECT id, argMax(col, _version) AS col, … FROM db.table GROUP BY id`. For `_cf_state`, skip rows with
 *   `reset = 1` (a full refresh's tombstone).
 * - A plain SELECT without FINAL may show several rows per key (one per version) until ClickHouse merges the parts,
 *   which it does in the background, at a time of its choosing, possibly never for some parts.
 *   `OPTIMIZE TABLE db.table FINAL` forces the merge; `count()` without FINAL is not the number of records.
 *
 * What is weaker than a transactional destination, and the limits:
 * - Between a crash and the rerun, a reader can see the rows (and rejects) of the batch whose state was not written:
 *   rows ahead of the checkpoint. Never fewer rows than committed, and the rerun converges to the result above.
 * - The same record refused for the same reason is one reject per stream, however many syncs refused it; its
 *   `extracted_at` is the latest one. (Refused twice inside one batch, it is kept once as well.)
 * - A row that the crashed attempt wrote and that the replay no longer returns (the API deleted it meanwhile) stays,
 *   as it would have had the first attempt succeeded.
 * - One writer per stream at a time (the engine's rule). Durability is the server's: a ClickHouse 18.16 server
 *   acknowledges an INSERT without fsync, so a power loss of the server can lose acknowledged data (a SIGKILL of the
 *   sync process cannot).
 */
import type { Batch } from '../destination.js';
import { DestinationError, InvalidArgumentError } from '../errors.js';
import { cellEncoder, type CellEncoder } from './column-types.js';
import type { Connection } from './connection.js';
import { ident, qualified } from './identifiers.js';
import type { InternalTables } from './internal-tables.js';
import { type TableInfo, sortingKeyColumns, VERSION_COLUMN } from './table-schema.js';
import type { VersionClock } from './version-clock.js';

/** The three writes of a commit, in order. */
export type CommitStep = 'rows' | 'rejects' | 'state';

export interface CommitContext {
  conn: Connection;
  database: string;
  label: string;
  table: TableInfo;
  internal: InternalTables;
  clock: VersionClock;
  /** Called before each write (tests use it to stop a commit between two writes, as a crash would). */
  beforeStep?: ((step: CommitStep) => void | Promise<void>) | undefined;
}

/** Checks the stream key (it is inlined in queries as a literal, so anything is safe, but it must be a string). */
export function assertStreamKey(key: unknown): asserts key is { connector: string; stream: string } {
  const k = key as { connector?: unknown; stream?: unknown } | null;
  if (typeof k !== 'object' || k === null || typeof k.connector !== 'string' || k.connector === '' || typeof k.stream !== 'string' || k.stream === '') {
    throw new InvalidArgumentError('a stream key is { connector, stream }, two non-empty strings');
  }
}

/** The rows of a batch as JSONEachRow objects, checked and de-duplicated by key. Throws before anything is written. */
function encodeRows(ctx: CommitContext, batch: Batch, version: number): { columns: string[]; values: Array<Record<string, unknown>> } {
  const { label, table } = ctx;
  const specColumns = batch.table.columns;
  const actual = new Map(table.columns.map((c) => [c.name, c]));
  const encoders: CellEncoder[] = [];
  for (const c of specColumns) {
    const column = actual.get(c.name);
    if (column === undefined) throw new DestinationError(label, `table ${table.name} has no column ${c.name} (call ensureTable first)`);
    encoders.push(cellEncoder(column.type, column.clickhouseType));
  }
  const keyColumns = sortingKeyColumns(table.sortingKey);
  const keyIndexes = keyColumns.map((k) => specColumns.findIndex((c) => c.name === k));
  const missingKey = keyColumns.filter((_, i) => keyIndexes[i] === -1);
  if (missingKey.length > 0) throw new DestinationError(label, `the batch for ${table.name} lacks its key column(s) ${missingKey.join(', ')}`);

  const byKey = new Map<string, Record<string, unknown>>();
  for (const [i, cells] of batch.rows.entries()) {
    const list: unknown = cells;
    if (!Array.isArray(list) || cells.length !== specColumns.length) {
      throw new DestinationError(label, `row ${i} has ${Array.isArray(list) ? cells.length : 'no'} cells for ${specColumns.length} columns`);
    }
    const row: Record<string, unknown> = {};
    for (let j = 0; j < cells.length; j++) {
      const encoded = encoders[j]!(cells[j] ?? null);
      if (typeof encoded === 'string') throw new DestinationError(label, `row ${i}: column ${specColumns[j]!.name} is ${actual.get(specColumns[j]!.name)!.type}: ${encoded}`);
      row[specColumns[j]!.name] = encoded.value;
    }
    const key: unknown[] = [];
    for (const k of keyIndexes) {
      const value = row[specColumns[k]!.name];
      if (value === null) throw new DestinationError(label, `row ${i}: primary key column ${specColumns[k]!.name} is null`);
      key.push(value);
    }
    row[VERSION_COLUMN] = version;
    const id = JSON.stringify(key);
    // A later row of the same key wins (the planner sends one per key; this keeps ties impossible regardless).
    byKey.delete(id);
    byKey.set(id, row);
  }
  return { columns: [...specColumns.map((c) => c.name), VERSION_COLUMN].map(ident), values: [...byKey.values()] };
}

/** Rows, then rejects, then state: see the top of this file for why that order makes a replay harmless. */
export async function commitBatch(ctx: CommitContext, batch: Batch): Promise<void> {
  assertStreamKey(batch.key);
  if (!Array.isArray(batch.rows)) throw new DestinationError(ctx.label, 'batch.rows must be an array');
  const version = ctx.clock.next();
  // Everything is encoded and checked before the first write.
  const rows = encodeRows(ctx, batch, version);
  const rejects = ctx.internal.rejectRows(ctx.label, batch.key, batch.rejects, version);
  const state = ctx.internal.stateRow(ctx.label, batch.key, batch.state, version);
  const where = `${batch.key.connector}/${batch.key.stream}`;

  await ctx.beforeStep?.('rows');
  await ctx.conn.insert(qualified(ctx.database, ctx.table.name), rows.columns, rows.values, `inserting ${rows.values.length} rows into ${ctx.table.name}`);
  await ctx.beforeStep?.('rejects');
  await ctx.internal.writeRejects(rejects, `inserting ${rejects.length} rejects of ${where}`);
  await ctx.beforeStep?.('state');
  await ctx.internal.writeState([state], `saving the state of ${where}`);
}
