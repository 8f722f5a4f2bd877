import { BOOKKEEPING_COLUMNS, type Batch, type Cell, type Column, type ColumnType, type Destination, type StreamKey, type StreamState, type TableSpec } from '../destination.js';
import { DestinationError, InvalidArgumentError } from '../errors.js';
import { isIdentifier } from '../plan/column-name.js';

interface MemoryTable {
  columns: Column[];
  primaryKey: string[];
  rows: Map<string, Record<string, unknown>>;
}

/** Refuses what a real engine refuses: a cell of another type than its column. */
function fitsType(cell: Cell, type: ColumnType): boolean {
  if (cell === null) return true;
  switch (type) {
    case 'text':
    case 'json':
      return typeof cell === 'string';
    case 'bigint':
      return typeof cell === 'number' && Number.isSafeInteger(cell);
    case 'double':
      return typeof cell === 'number';
    case 'boolean':
      return typeof cell === 'boolean';
    case 'timestamp':
      return cell instanceof Date && !Number.isNaN(cell.getTime());
  }
}

const stateKey = (key: StreamKey) => `${key.connector}\u0000${key.stream}`;

/**
 * A destination in memory: the reference implementation of the contract (it passes `describeDestinationSuite`), for
 * tests of code built on `sync()`. Commits are atomic (all of a batch or nothing); `failNextCommit()` makes the next
 * one fail after writing half of it, to prove it.
 */
export class MemoryDestination implements Destination {
  readonly kind = 'memory';
  readonly label = 'memory';
  private tables = new Map<string, MemoryTable>();
  private states = new Map<string, StreamState>();
  private rejects = new Map<string, Array<{ record: string; error: string; extractedAt: Date }>>();
  private opened = false;
  private failNext = false;
  /** How many batches were committed (for tests). */
  commits = 0;

  async open(): Promise<void> {
    this.opened = true;
  }

  private assertOpen(): void {
    if (!this.opened) throw new DestinationError(this.label, 'the destination is not open (call open() first)');
  }

  async readState(key: StreamKey): Promise<StreamState | undefined> {
    this.assertOpen();
    const state = this.states.get(stateKey(key));
    return state === undefined ? undefined : structuredClone(state);
  }

  async ensureTable(spec: TableSpec): Promise<Column[]> {
    this.assertOpen();
    if (!isIdentifier(spec.name)) throw new InvalidArgumentError(`invalid table name ${JSON.stringify(spec.name)}`);
    for (const c of spec.columns) if (!isIdentifier(c.name)) throw new InvalidArgumentError(`invalid column name ${JSON.stringify(c.name)}`);
    for (const b of BOOKKEEPING_COLUMNS) if (!spec.columns.some((c) => c.name === b.name)) throw new InvalidArgumentError(`table ${spec.name} lacks bookkeeping column ${b.name}`);
    const existing = this.tables.get(spec.name);
    if (!existing) {
      this.tables.set(spec.name, { columns: spec.columns.map((c) => ({ ...c })), primaryKey: [...spec.primaryKey], rows: new Map() });
    } else {
      for (const c of spec.columns) if (!existing.columns.some((e) => e.name === c.name)) existing.columns.push({ ...c });
    }
    return this.tables.get(spec.name)!.columns.map((c) => ({ ...c }));
  }

  /** The next commit writes half its rows, then fails: a test that the engine's commits are atomic sees nothing. */
  failNextCommit(): void {
    this.failNext = true;
  }

  async commit(batch: Batch): Promise<void> {
    this.assertOpen();
    const table = this.tables.get(batch.table.name);
    if (!table) throw new DestinationError(this.label, `table ${batch.table.name} does not exist (ensureTable first)`);
    // Stage everything, then apply at once: a failure before the end leaves nothing behind.
    const staged = new Map(table.rows);
    for (const [i, cells] of batch.rows.entries()) {
      if (this.failNext && i >= batch.rows.length / 2) {
        this.failNext = false;
        throw new DestinationError(this.label, 'commit failed (failNextCommit)');
      }
      if (cells.length !== batch.table.columns.length) throw new DestinationError(this.label, `row ${i} has ${cells.length} cells for ${batch.table.columns.length} columns`);
      const row: Record<string, unknown> = {};
      for (const [j, column] of batch.table.columns.entries()) {
        const cell = cells[j] ?? null;
        if (!fitsType(cell, column.type)) throw new DestinationError(this.label, `row ${i}: column ${column.name} is ${column.type}, got ${typeof cell}`);
        row[column.name] = cell;
      }
      const id = JSON.stringify(table.primaryKey.map((k) => row[k]));
      staged.set(id, { ...staged.get(id), ...row });
    }
    if (this.failNext) {
      this.failNext = false;
      throw new DestinationError(this.label, 'commit failed (failNextCommit)');
    }
    table.rows = staged;
    const k = stateKey(batch.key);
    this.rejects.set(k, [...(this.rejects.get(k) ?? []), ...batch.rejects.map((r) => ({ ...r }))]);
    this.states.set(k, structuredClone(batch.state));
    this.commits += 1;
  }

  async resetState(key: StreamKey): Promise<void> {
    this.assertOpen();
    this.states.delete(stateKey(key));
  }

  async readRows(table: string, options: { limit?: number } = {}): Promise<Array<Record<string, unknown>>> {
    this.assertOpen();
    const t = this.tables.get(table);
    if (!t) throw new DestinationError(this.label, `table ${table} does not exist`);
    const rows = [...t.rows.values()].map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of t.columns) {
        const value = row[c.name] ?? null;
        out[c.name] = c.type === 'json' && typeof value === 'string' ? JSON.parse(value) : value;
      }
      return out;
    });
    const keyOf = (r: Record<string, unknown>) => t.primaryKey.map((k) => r[k]);
    rows.sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      for (let i = 0; i < ka.length; i++) {
        const x = ka[i] as string | number;
        const y = kb[i] as string | number;
        if (x < y) return -1;
        if (x > y) return 1;
      }
      return 0;
    });
    return options.limit === undefined ? rows : rows.slice(0, options.limit);
  }

  async readRejects(key: StreamKey): Promise<Array<{ record: string; error: string; extractedAt: Date }>> {
    this.assertOpen();
    return (this.rejects.get(stateKey(key)) ?? []).map((r) => ({ ...r }));
  }

  /** Marks the destination closed; the data stays (in this object) for a later `open()`. */
  async close(): Promise<void> {
    // Data stays (a memory destination is reopened by the next sync); only the handle closes.
    this.opened = false;
  }
}

/** A fresh in-memory destination. */
export function memoryDestination(): MemoryDestination {
  return new MemoryDestination();
}
