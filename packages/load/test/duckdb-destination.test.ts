import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOKKEEPING_COLUMNS, type Batch, type Cell, type Column, type StreamKey, type TableSpec } from '../src/destination.js';
import { duckdb, type DuckDBDestination } from '../src/duckdb/index.js';
import { DestinationError, InvalidArgumentError, LoadError } from '../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-duckdb-'));
let fileCount = 0;
const newFile = (): string => join(dir, `db${++fileCount}.duckdb`);

const COLUMNS: Column[] = [
  { name: 'id', type: 'bigint' },
  { name: 'name', type: 'text' },
  { name: 'amount', type: 'double' },
  { name: 'order', type: 'text' }, // a keyword: quoting has to work
  ...BOOKKEEPING_COLUMNS,
];
const SPEC: TableSpec = { name: 'items', primaryKey: ['id'], columns: COLUMNS };
const KEY: StreamKey = { connector: 'acme', stream: 'items' };
const AT = new Date('2026-02-03T04:05:06.789Z');

function row(id: number, values: { name?: Cell; amount?: Cell; order?: Cell; deleted?: boolean } = {}): Cell[] {
  return [id, values.name ?? `item ${id}`, values.amount ?? id / 4, values.order ?? null, JSON.stringify({ id }), AT, values.deleted ?? false];
}

function batch(rows: Cell[][], extra: Partial<Batch> = {}): Batch {
  return { key: KEY, table: SPEC, rows, rejects: [], state: { checkpoint: { page: rows.length }, complete: false, records: rows.length, updatedAt: AT }, ...extra };
}

/** The catalog of a closed file, read with the driver directly. */
async function inspect<T>(file: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function failure(promise: Promise<unknown>): Promise<LoadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoadError);
  return error as LoadError;
}

describe('DuckDBDestination', () => {
  let file: string;
  let dest: DuckDBDestination;
  beforeEach(async () => {
    file = newFile();
    dest = duckdb(file);
    await dest.open();
  });
  afterEach(async () => {
    await dest.close();
  });

  describe('open', () => {
    it('creates _cf_state and _cf_rejects with their columns and key', async () => {
      await dest.close();
      const columns = await inspect<{ table_name: string; column_name: string; data_type: string }>(
        file,
        `SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE table_name LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY table_name, column_index`,
      );
      expect(columns.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}`)).toEqual([
        '_cf_rejects.connector VARCHAR',
        '_cf_rejects.stream VARCHAR',
        '_cf_rejects.record JSON',
        '_cf_rejects.error VARCHAR',
        '_cf_rejects.extracted_at TIMESTAMP WITH TIME ZONE',
        '_cf_state.connector VARCHAR',
        '_cf_state.stream VARCHAR',
        '_cf_state.checkpoint JSON',
        '_cf_state.complete BOOLEAN',
        '_cf_state.records BIGINT',
        '_cf_state.updated_at TIMESTAMP WITH TIME ZONE',
      ]);
      const keys = await inspect<{ constraint_column_names: string[] }>(
        file,
        `SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = '_cf_state' AND constraint_type = 'PRIMARY KEY'`,
      );
      expect(keys[0]?.constraint_column_names).toEqual(['connector', 'stream']);
    });

    it('is idempotent, and reopening an existing file keeps its data', async () => {
      await dest.open();
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(1)]));
      await dest.close();
      const again = duckdb(file);
      await again.open();
      try {
        expect(await again.readRows('items')).toHaveLength(1);
        expect((await again.readState(KEY))?.records).toBe(1);
      } finally {
        await again.close();
      }
    });

    it('works in memory', async () => {
      const memory = duckdb(':memory:');
      await memory.open();
      try {
        await memory.ensureTable(SPEC);
        await memory.commit(batch([row(1), row(2)]));
        expect((await memory.readRows('items')).map((r) => r.id)).toEqual([1, 2]);
      } finally {
        await memory.close();
      }
    });

    it('puts every table in the schema it was given', async () => {
      await dest.close();
      const raw = duckdb({ path: file, schema: 'raw' });
      await raw.open();
      await raw.ensureTable(SPEC);
      await raw.commit(batch([row(1)]));
      await raw.close();
      const tables = await inspect<{ schema_name: string; table_name: string }>(file, `SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL`);
      expect(tables.map((t) => `${t.schema_name}.${t.table_name}`)).toEqual(['main._cf_rejects', 'main._cf_state', 'raw._cf_rejects', 'raw._cf_state', 'raw.items']);
    });
  });

  describe('close', () => {
    it('is idempotent, and the destination can be opened again', async () => {
      await dest.close();
      await dest.close();
      await dest.open();
      expect(await dest.readState(KEY)).toBeUndefined();
    });

    it('before open is a no-op; other calls before open are a DestinationError', async () => {
      const closed = duckdb(newFile());
      await closed.close();
      const error = await failure(closed.readState(KEY));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/not open: call open\(\) first/);
      await expect(closed.ensureTable(SPEC)).rejects.toBeInstanceOf(DestinationError);
      await expect(closed.commit(batch([]))).rejects.toBeInstanceOf(DestinationError);
      await expect(closed.readRows('items')).rejects.toBeInstanceOf(DestinationError);
    });

    it('releases the file: a second destination opens it after close', async () => {
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(1)]));
      await dest.close();
      const second = duckdb(file);
      await second.open();
      try {
        expect(await second.readRows('items')).toHaveLength(1);
      } finally {
        await second.close();
      }
      // And the driver itself can: the instance is closed, not just forgotten.
      expect(await inspect<{ n: bigint }>(file, 'SELECT count(*) AS n FROM items')).toEqual([{ n: 1n }]);
    });

    it('destinations of one process share the file; it stays open until the last one closes', async () => {
      const other = duckdb(file);
      await other.open();
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(1)]));
      expect(await other.readRows('items')).toHaveLength(1);
      await dest.close();
      await other.commit(batch([row(2)], { key: { connector: 'acme', stream: 'other' } }));
      expect(await other.readRows('items')).toHaveLength(2);
      await other.close();
      expect(await inspect<{ n: bigint }>(file, 'SELECT count(*) AS n FROM items')).toEqual([{ n: 2n }]);
    });
  });

  describe('ensureTable', () => {
    it('creates the table with mapped types and the primary key, and returns its columns', async () => {
      const all: Column[] = [
        { name: 'id', type: 'text' },
        { name: 'n', type: 'bigint' },
        { name: 'x', type: 'double' },
        { name: 'flag', type: 'boolean' },
        { name: 'at', type: 'timestamp' },
        { name: 'doc', type: 'json' },
        ...BOOKKEEPING_COLUMNS,
      ];
      const columns = await dest.ensureTable({ name: 'typed', primaryKey: ['id', 'n'], columns: all });
      expect(columns).toEqual(all);
      await dest.close();
      const catalog = await inspect<{ column_name: string; data_type: string }>(
        file,
        `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'typed' ORDER BY column_index`,
      );
      expect(catalog.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
        'id VARCHAR',
        'n BIGINT',
        'x DOUBLE',
        'flag BOOLEAN',
        'at TIMESTAMP WITH TIME ZONE',
        'doc JSON',
        '_raw JSON',
        '_extracted_at TIMESTAMP WITH TIME ZONE',
        '_deleted BOOLEAN',
      ]);
      const keys = await inspect<{ constraint_column_names: string[] }>(
        file,
        `SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = 'typed' AND constraint_type = 'PRIMARY KEY'`,
      );
      expect(keys[0]?.constraint_column_names).toEqual(['id', 'n']);
    });

    it('adds missing columns at the end, keeps existing types, and is idempotent', async () => {
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(1)]));
      const wider = await dest.ensureTable({ ...SPEC, columns: [{ name: 'id', type: 'text' }, { name: 'extra', type: 'json' }, ...COLUMNS.slice(1)] });
      expect(wider.map((c) => `${c.name}:${c.type}`)).toEqual([...COLUMNS.map((c) => `${c.name}:${c.type}`), 'extra:json']);
      expect(await dest.ensureTable(SPEC)).toEqual(wider);
      expect((await dest.readRows('items'))[0]).toMatchObject({ id: 1, extra: null });
    });

    it('refuses a table whose existing primary key differs', async () => {
      await dest.ensureTable(SPEC);
      const error = await failure(dest.ensureTable({ ...SPEC, primaryKey: ['name'] }));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/exists with primary key \(id\), but the stream's is \(name\)/);
    });

    it.each<[string, TableSpec, RegExp]>([
      ['an uppercase table name', { ...SPEC, name: 'Items' }, /Invalid table name "Items"/],
      ['an injected table name', { ...SPEC, name: 'x"; DROP TABLE _cf_state; --' }, /Invalid table name/],
      ['a reserved table name', { ...SPEC, name: '_cf_state' }, /reserved/],
      ['a bad column name', { ...SPEC, columns: [{ name: 'a b', type: 'text' }, ...COLUMNS] }, /Invalid column .*"a b"/],
      ['an unknown column type', { ...SPEC, columns: [{ name: 'a', type: 'money' as never }, ...COLUMNS] }, /unknown type "money"/],
      ['a missing bookkeeping column', { ...SPEC, columns: COLUMNS.filter((c) => c.name !== '_raw') }, /lacks the bookkeeping column "_raw"/],
      ['a bookkeeping column of the wrong type', { ...SPEC, columns: [...COLUMNS.filter((c) => c.name !== '_deleted'), { name: '_deleted', type: 'text' }] }, /"_deleted" \(boolean\)/],
      ['no primary key', { ...SPEC, primaryKey: [] }, /no primary key/],
      ['a primary key that is not a column', { ...SPEC, primaryKey: ['nope'] }, /"nope" is not one of its columns/],
      ['no columns', { ...SPEC, columns: [] }, /no columns/],
    ])('refuses %s with an InvalidArgumentError, creating nothing', async (_, spec, message) => {
      const error = await failure(dest.ensureTable(spec));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toMatch(message);
      await dest.close();
      const tables = await inspect<{ table_name: string }>(file, `SELECT table_name FROM duckdb_tables() ORDER BY ALL`);
      expect(tables.map((t) => t.table_name)).toEqual(['_cf_rejects', '_cf_state']);
    });
  });

  describe('commit', () => {
    beforeEach(async () => {
      await dest.ensureTable(SPEC);
    });

    it('upserts rows, appends rejects and saves the state together', async () => {
      const rejects = [
        { record: '{"id":"bad"}', error: 'id: expected number', extractedAt: AT },
        { record: '[1, 2]', error: 'not an object', extractedAt: AT },
      ];
      await dest.commit(batch([row(2), row(1, { order: 'first' })], { rejects, state: { checkpoint: 'c1', complete: false, records: 2, updatedAt: AT } }));
      await dest.commit(batch([row(2, { name: 'two', deleted: true }), row(3)], { state: { checkpoint: { cursor: 'c2' }, complete: true, records: 4, updatedAt: AT } }));
      const rows = await dest.readRows('items');
      expect(rows).toEqual([
        { id: 1, name: 'item 1', amount: 0.25, order: 'first', _raw: { id: 1 }, _extracted_at: AT, _deleted: false },
        { id: 2, name: 'two', amount: 0.5, order: null, _raw: { id: 2 }, _extracted_at: AT, _deleted: true },
        { id: 3, name: 'item 3', amount: 0.75, order: null, _raw: { id: 3 }, _extracted_at: AT, _deleted: false },
      ]);
      expect(await dest.readState(KEY)).toEqual({ checkpoint: { cursor: 'c2' }, complete: true, records: 4, updatedAt: AT });
      expect(await dest.readRejects(KEY)).toEqual(rejects.map((r) => ({ ...r, record: r.record })));
    });

    it('commits a state without rows (an empty page)', async () => {
      await dest.commit(batch([], { state: { checkpoint: null, complete: true, records: 0, updatedAt: AT } }));
      expect(await dest.readState(KEY)).toEqual({ checkpoint: null, complete: true, records: 0, updatedAt: AT });
      expect(await dest.readRows('items')).toEqual([]);
    });

    it('a wrong cell midway rolls everything back: rows, rejects and state stay as they were', async () => {
      await dest.commit(batch([row(1)], { state: { checkpoint: 'before', complete: false, records: 1, updatedAt: AT } }));
      // 5000 rows: the first two data chunks (4096 rows) are appended before row 4500 fails.
      const rows = Array.from({ length: 5000 }, (_, i) => row(i + 2));
      rows[4500]![2] = 'SECRET-VALUE-123';
      const error = await failure(
        dest.commit(
          batch(rows, {
            rejects: [{ record: '{}', error: 'e', extractedAt: AT }],
            state: { checkpoint: 'after', complete: true, records: 5001, updatedAt: new Date() },
          }),
        ),
      );
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/commit of acme\/items into "items" failed, nothing of the batch was committed: row 4501, column "amount" \(double\): expected a number, got a string/);
      expect(error.message).not.toContain('SECRET-VALUE-123');
      expect((await dest.readRows('items')).map((r) => r.id)).toEqual([1]);
      expect(await dest.readRejects(KEY)).toEqual([]);
      expect((await dest.readState(KEY))?.checkpoint).toBe('before');
      // The connection is usable afterwards (no transaction left open).
      await dest.commit(batch([row(9)]));
      expect((await dest.readRows('items')).map((r) => r.id)).toEqual([1, 9]);
    });

    it('a statement refused by DuckDB (malformed JSON, cast at the upsert) rolls back too', async () => {
      await dest.commit(batch([row(1)], { state: { checkpoint: 'before', complete: false, records: 1, updatedAt: AT } }));
      const bad = row(3);
      bad[4] = '{not json';
      const error = await failure(dest.commit(batch([row(2, { name: 'changed' }), bad], { state: { checkpoint: 'after', complete: false, records: 3, updatedAt: AT } })));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/Malformed JSON.*Input: \(not shown\) when casting/);
      expect(error.message).not.toContain('{not json');
      expect((await dest.readRows('items')).map((r) => r.id)).toEqual([1]);
      expect((await dest.readState(KEY))?.checkpoint).toBe('before');
    });

    it('a malformed reject record fails the batch after the rows were upserted, and nothing stays', async () => {
      await dest.commit(batch([row(1)], { state: { checkpoint: 'before', complete: false, records: 1, updatedAt: AT } }));
      const error = await failure(dest.commit(batch([row(1, { name: 'changed' }), row(2)], { rejects: [{ record: 'nope', error: 'e', extractedAt: AT }] })));
      expect(error).toBeInstanceOf(DestinationError);
      expect(await dest.readRows('items')).toMatchObject([{ id: 1, name: 'item 1' }]);
      expect((await dest.readState(KEY))?.checkpoint).toBe('before');
    });

    it.each<[string, (c: Cell[]) => void, RegExp]>([
      ['a fraction in a bigint column', (c) => (c[0] = 1.5), /column "id" \(bigint\): expected a safe integer number, got a number with a fraction/],
      ['an unsafe integer', (c) => (c[0] = 2 ** 60), /beyond Number.MAX_SAFE_INTEGER/],
      ['a number in a text column', (c) => (c[1] = 7), /column "name" \(text\): expected a string, got a number/],
      ['an object as JSON', (c) => (c[4] = { id: 1 } as unknown as Cell), /column "_raw" \(json\): expected JSON text \(a string\), got an object/],
      ['an invalid Date', (c) => (c[5] = new Date('nope')), /column "_extracted_at" \(timestamp\): expected a valid Date, got an invalid Date/],
      ['a string timestamp', (c) => (c[5] = '2026-01-01'), /expected a valid Date, got a string/],
      ['an undefined cell', (c) => (c[3] = undefined as unknown as Cell), /column "order" \(text\): expected a string, got undefined/],
      ['a missing cell', (c) => c.pop(), /row 1 has 6 cells, but the table has 7 columns/],
    ])('refuses %s with a DestinationError naming the row and column', async (_, spoil, message) => {
      const cells = row(1);
      spoil(cells);
      const error = await failure(dest.commit(batch([cells])));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(message);
      expect(await dest.readState(KEY)).toBeUndefined();
    });

    it.each<[string, Partial<Batch>]>([
      ['an empty connector', { key: { connector: '', stream: 'items' } }],
      ['a bad table', { table: { ...SPEC, name: 'Bad Name' } }],
      ['negative records', { state: { checkpoint: null, complete: false, records: -1, updatedAt: AT } }],
      ['a bad updatedAt', { state: { checkpoint: null, complete: false, records: 0, updatedAt: new Date('x') } }],
      ['a checkpoint that is not JSON', { state: { checkpoint: 10n as never, complete: false, records: 0, updatedAt: AT } }],
      ['a reject without a Date', { rejects: [{ record: '{}', error: 'e', extractedAt: 'today' as never }] }],
      ['rows that are not an array', { rows: 'x' as never }],
    ])('refuses %s with an InvalidArgumentError before touching the database', async (_, extra) => {
      const error = await failure(dest.commit(batch([row(1)], extra)));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(await dest.readRows('items')).toEqual([]);
    });

    it('a table that was never ensured is a DestinationError', async () => {
      const error = await failure(dest.commit(batch([row(1)], { table: { ...SPEC, name: 'missing' } })));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/missing/);
    });

    it('runs concurrent calls one after the other', async () => {
      const other: StreamKey = { connector: 'acme', stream: 'other' };
      await Promise.all([
        dest.commit(batch([row(1)])),
        dest.commit(batch([row(2)], { key: other })),
        dest.readRows('items'),
        dest.commit(batch([row(3)])),
      ]);
      expect((await dest.readRows('items')).map((r) => r.id)).toEqual([1, 2, 3]);
      expect((await dest.readState(other))?.records).toBe(1);
    });

    it('commits 100k rows in one batch, and upserts them all again', async () => {
      const wide: Column[] = [
        { name: 'id', type: 'text' },
        { name: 'seq', type: 'bigint' },
        { name: 'amount', type: 'double' },
        { name: 'active', type: 'boolean' },
        { name: 'created_at', type: 'timestamp' },
        { name: 'tags', type: 'json' },
        ...BOOKKEEPING_COLUMNS,
      ];
      const spec: TableSpec = { name: 'big', primaryKey: ['id'], columns: await dest.ensureTable({ name: 'big', primaryKey: ['id'], columns: wide }) };
      const make = (version: number): Cell[][] =>
        Array.from({ length: 100_000 }, (_, i) => {
          const record = { id: `r${i}`, seq: i, amount: i * 1.25 + version, active: i % 2 === 0, created_at: new Date(1_700_000_000_000 + i * 1000).toISOString(), tags: ['a', `t${i % 7}`] };
          return [record.id, i, record.amount, record.active, new Date(1_700_000_000_000 + i * 1000), JSON.stringify(record.tags), JSON.stringify(record), AT, false];
        });
      const key = { connector: 'acme', stream: 'big' };
      const state = (n: number) => ({ checkpoint: n, complete: false, records: n, updatedAt: AT });
      const first = make(0);
      let started = performance.now();
      await dest.commit({ key, table: spec, rows: first, rejects: [], state: state(100_000) });
      const insertMs = performance.now() - started;
      const second = make(1);
      started = performance.now();
      await dest.commit({ key, table: spec, rows: second, rejects: [], state: state(200_000) });
      const upsertMs = performance.now() - started;
      console.info(`duckdb: 100k-row commit ${Math.round(insertMs)} ms (insert), ${Math.round(upsertMs)} ms (upsert of the same keys)`);
      const rows = await dest.readRows('big');
      expect(rows).toHaveLength(100_000);
      const r = rows.find((x) => x.id === 'r99999')!;
      expect(r).toMatchObject({ seq: 99_999, amount: 99_999 * 1.25 + 1, active: false, tags: ['a', 't4'] });
      expect((await dest.readState(key))?.records).toBe(200_000);
    }, 60_000);
  });

  describe('readRows', () => {
    beforeEach(async () => {
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(30), row(4), row(200), row(-1)]));
    });

    it('orders by primary key and honours limit', async () => {
      expect((await dest.readRows('items')).map((r) => r.id)).toEqual([-1, 4, 30, 200]);
      expect((await dest.readRows('items', { limit: 2 })).map((r) => r.id)).toEqual([-1, 4]);
      expect(await dest.readRows('items', { limit: 0 })).toEqual([]);
    });

    it('gives plain JS: numbers, parsed JSON, Dates', async () => {
      const [first] = await dest.readRows('items', { limit: 1 });
      expect(first).toEqual({ id: -1, name: 'item -1', amount: -0.25, order: null, _raw: { id: -1 }, _extracted_at: AT, _deleted: false });
      expect(first?._extracted_at).toBeInstanceOf(Date);
    });

    it.each([-1, 1.5, Number.NaN])('refuses limit %s', async (limit) => {
      await expect(dest.readRows('items', { limit })).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('refuses a bad or unknown table name', async () => {
      await expect(dest.readRows('items; DROP TABLE items')).rejects.toBeInstanceOf(InvalidArgumentError);
      const error = await failure(dest.readRows('nothing_here'));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toMatch(/has no table "nothing_here"/);
    });
  });

  describe('state and rejects', () => {
    it('keeps streams apart, forgets one on resetState, and keeps rejects oldest first', async () => {
      await dest.ensureTable(SPEC);
      const other = { connector: 'acme', stream: 'other' };
      const older = new Date('2026-01-01T00:00:00Z');
      await dest.commit(batch([row(1)], { rejects: [{ record: '{"n":2}', error: 'second', extractedAt: AT }] }));
      await dest.commit(batch([row(2)], { key: other, rejects: [{ record: '{"n":9}', error: 'other', extractedAt: AT }] }));
      await dest.commit(batch([row(3)], { rejects: [{ record: '{"n":1}', error: 'first', extractedAt: older }, { record: '{"n":3}', error: 'third', extractedAt: AT }] }));
      expect((await dest.readRejects(KEY)).map((r) => r.error)).toEqual(['first', 'second', 'third']);
      expect((await dest.readRejects(other)).map((r) => r.error)).toEqual(['other']);
      await dest.resetState(KEY);
      expect(await dest.readState(KEY)).toBeUndefined();
      expect(await dest.readState(other)).toMatchObject({ records: 1 });
      expect(await dest.readRows('items')).toHaveLength(3);
      await dest.resetState({ connector: 'never', stream: 'synced' });
    });

    it('binds keys as values, never as SQL', async () => {
      const odd = { connector: "o'brien\"; DROP TABLE _cf_state; --", stream: 'ß/🚀' };
      await dest.ensureTable(SPEC);
      await dest.commit(batch([row(1)], { key: odd }));
      expect(await dest.readState(odd)).toMatchObject({ records: 1 });
    });

    it.each([null, { connector: 'a' }, { connector: 'a', stream: '' }])('refuses the stream key %j', async (key) => {
      await expect(dest.readState(key as never)).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(dest.resetState(key as never)).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(dest.readRejects(key as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    });
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
