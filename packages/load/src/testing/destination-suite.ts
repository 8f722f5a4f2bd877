import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING_COLUMNS, type Batch, type Cell, type Column, type Destination, type StreamKey, type TableSpec } from '../destination.js';
import { LoadError } from '../errors.js';
import { sync } from '../sync/sync.js';
import { fakeConnector, fakeRecord } from './fake-connector.js';

/** Options of `describeDestinationSuite`. */
export interface DestinationSuiteOptions {
  /** A reason to skip the suite (no server answering); the reason is printed. */
  skip?: string | false | undefined;
}

const TYPES: Column[] = [
  { name: 'id', type: 'text' },
  { name: 'n', type: 'bigint' },
  { name: 'x', type: 'double' },
  { name: 'flag', type: 'boolean' },
  { name: 'at', type: 'timestamp' },
  { name: 'doc', type: 'json' },
  { name: 'label', type: 'text' },
];

const columnsOf = (extra: Column[] = []): Column[] => [...TYPES, ...extra, ...BOOKKEEPING_COLUMNS];

/** A table and stream key no other test (or earlier run) uses. */
function fresh(prefix = 't'): { table: string; key: StreamKey } {
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  return { table: `${prefix}_${id}`, key: { connector: `suite_${id}`, stream: 'items' } };
}

function spec(table: string, columns: Column[] = columnsOf(), primaryKey: string[] = ['id']): TableSpec {
  return { name: table, primaryKey, columns };
}

/** Cells aligned with `columns` from a partial record; bookkeeping filled in. */
function rowOf(columns: readonly Column[], values: Record<string, Cell>): Cell[] {
  return columns.map((c) => {
    if (c.name in values) return values[c.name]!;
    if (c.name === '_raw') return JSON.stringify(values);
    if (c.name === '_extracted_at') return new Date('2026-12-01T00:00:00.000Z');
    if (c.name === '_deleted') return false;
    return null;
  });
}

function batch(table: TableSpec, key: StreamKey, rows: Array<Record<string, Cell>>, extra: Partial<Batch> = {}): Batch {
  return {
    key,
    table,
    rows: rows.map((r) => rowOf(table.columns, r)),
    rejects: [],
    state: { checkpoint: { after: rows.length }, complete: false, records: rows.length, updatedAt: new Date('2026-12-01T00:00:00.000Z') },
    ...extra,
  };
}

/**
 * The contract every destination passes: types round-trip, upsert by primary key, schema evolution, soft deletes,
 * rejects, state committed with the rows (atomically), and `sync()` end to end (resume exactly once, dead-letter).
 * `factory` builds a new destination (not opened) on the same storage each time it is called.
 */
export function describeDestinationSuite(name: string, factory: () => Destination | Promise<Destination>, options: DestinationSuiteOptions = {}): void {
  const skip = options.skip;
  if (skip) console.warn(`[${name} destination suite] skipped: ${skip}`);
  describe.skipIf(Boolean(skip))(`destination contract: ${name}`, () => {
    let dest: Destination;
    beforeAll(async () => {
      dest = await factory();
      await dest.open();
    });
    afterAll(async () => {
      await dest?.close();
    });

    it('has no state for a stream never synced', async () => {
      expect(await dest.readState(fresh().key)).toBeUndefined();
    });

    it('round-trips every column type, and nulls', async () => {
      const { table, key } = fresh();
      const s = spec(table);
      const columns = await dest.ensureTable(s);
      expect(columns.map((c) => `${c.name}:${c.type}`).sort()).toEqual(s.columns.map((c) => `${c.name}:${c.type}`).sort());
      const at = new Date('2026-03-04T05:06:07.089Z');
      const text = 'quote " apostrophe \' tab \t newline \n backslash \\ unicode Zürich 日本 emoji 🚀 comma , semicolon ;';
      await dest.commit(
        batch(spec(table, columns), key, [
          { id: 'a', n: Number.MAX_SAFE_INTEGER, x: -0.25, flag: true, at, doc: JSON.stringify({ nested: { list: [1, 'two', null] }, s: text }), label: text },
          { id: 'b', n: -42, x: 1e-9, flag: false, at: null, doc: JSON.stringify([1, 2]), label: '' },
          { id: 'c', n: null, x: null, flag: null, at: null, doc: null, label: null },
        ]),
      );
      const rows = await dest.readRows(table);
      expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
      const [a, b, c] = rows;
      expect(a).toMatchObject({ n: Number.MAX_SAFE_INTEGER, x: -0.25, flag: true, doc: { nested: { list: [1, 'two', null] }, s: text }, label: text, _deleted: false });
      expect((a!.at as Date).toISOString()).toBe(at.toISOString());
      expect((a!._extracted_at as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
      expect(b).toMatchObject({ n: -42, x: 1e-9, flag: false, at: null, doc: [1, 2], label: '' });
      expect(c).toMatchObject({ n: null, x: null, flag: null, at: null, doc: null, label: null });
    });

    it('upserts by primary key: a second version replaces the first, other rows stay', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batch(s, key, [{ id: 'a', n: 1 }, { id: 'b', n: 2 }]));
      await dest.commit(batch(s, key, [{ id: 'a', n: 10, label: 'changed' }, { id: 'c', n: 3 }]));
      const rows = await dest.readRows(table);
      expect(rows.map((r) => [r.id, r.n, r.label])).toEqual([['a', 10, 'changed'], ['b', 2, null], ['c', 3, null]]);
    });

    it('upserts by a composite primary key', async () => {
      const { table, key } = fresh();
      const columns: Column[] = [{ name: 'day', type: 'text' }, { name: 'code', type: 'text' }, { name: 'rate', type: 'double' }, ...BOOKKEEPING_COLUMNS];
      const s = spec(table, await dest.ensureTable(spec(table, columns, ['day', 'code'])), ['day', 'code']);
      await dest.commit(batch(s, key, [{ day: 'd1', code: 'USD', rate: 1 }, { day: 'd1', code: 'EUR', rate: 2 }, { day: 'd2', code: 'USD', rate: 3 }]));
      await dest.commit(batch(s, key, [{ day: 'd1', code: 'USD', rate: 1.5 }]));
      const rows = await dest.readRows(table);
      expect(rows.map((r) => [r.day, r.code, r.rate])).toEqual([['d1', 'EUR', 2], ['d1', 'USD', 1.5], ['d2', 'USD', 3]]);
    });

    it('adds new columns and never changes an existing column type', async () => {
      const { table, key } = fresh();
      const first = await dest.ensureTable(spec(table));
      await dest.commit(batch(spec(table, first), key, [{ id: 'a', n: 1 }]));
      const wider = await dest.ensureTable(spec(table, [...first, { name: 'added', type: 'text' }, { name: 'n', type: 'text' }]));
      expect(wider.find((c) => c.name === 'added')?.type).toBe('text');
      expect(wider.find((c) => c.name === 'n')?.type).toBe('bigint');
      expect(wider.filter((c) => c.name === 'n')).toHaveLength(1);
      await dest.commit(batch(spec(table, wider), key, [{ id: 'b', n: 2, added: 'yes' }]));
      const rows = await dest.readRows(table);
      expect(rows.map((r) => [r.id, r.n, r.added])).toEqual([['a', 1, null], ['b', 2, 'yes']]);
    });

    it('keeps soft deletes: _deleted lands and a later version can clear it', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batch(s, key, [{ id: 'a', _deleted: true }, { id: 'b' }]));
      expect((await dest.readRows(table)).map((r) => [r.id, r._deleted])).toEqual([['a', true], ['b', false]]);
      await dest.commit(batch(s, key, [{ id: 'a', _deleted: false }]));
      expect((await dest.readRows(table)).map((r) => [r.id, r._deleted])).toEqual([['a', false], ['b', false]]);
    });

    it('commits rejects and the state with the rows; resetState forgets the state', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      const rejects = [{ record: JSON.stringify({ id: 'bad', amount: 'x' }), error: 'amount: expected number', extractedAt: new Date('2026-12-01T00:00:00.000Z') }];
      await dest.commit(batch(s, key, [{ id: 'a' }], { rejects, state: { checkpoint: { cursor: 'abc', n: 2 }, complete: true, records: 7, updatedAt: new Date() } }));
      const state = await dest.readState(key);
      expect(state).toMatchObject({ checkpoint: { cursor: 'abc', n: 2 }, complete: true, records: 7 });
      expect(state?.updatedAt).toBeInstanceOf(Date);
      const saved = await dest.readRejects(key);
      expect(saved).toHaveLength(1);
      expect(JSON.parse(saved[0]!.record)).toEqual({ id: 'bad', amount: 'x' });
      expect(saved[0]!.error).toBe('amount: expected number');
      await dest.resetState(key);
      expect(await dest.readState(key)).toBeUndefined();
      expect(await dest.readRows(table)).toHaveLength(1);
    });

    it('a null checkpoint and a string checkpoint round-trip', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batch(s, key, [], { state: { checkpoint: null, complete: true, records: 0, updatedAt: new Date() } }));
      expect((await dest.readState(key))?.checkpoint).toBeNull();
      await dest.commit(batch(s, key, [], { state: { checkpoint: '2026-01-01T00:00:00Z', complete: false, records: 0, updatedAt: new Date() } }));
      expect((await dest.readState(key))?.checkpoint).toBe('2026-01-01T00:00:00Z');
    });

    it('a failing commit changes nothing: no rows, no rejects, the old state', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batch(s, key, [{ id: 'a', n: 1 }], { state: { checkpoint: 1, complete: false, records: 1, updatedAt: new Date() } }));
      const rows: Array<Record<string, Cell>> = Array.from({ length: 50 }, (_, i) => ({ id: `x${i}`, n: i }));
      // A text cell in a BIGINT column: every engine refuses it, after some rows were already sent.
      rows.push({ id: 'bad', n: 'not a number' });
      const failing = batch(s, key, rows, {
        rejects: [{ record: '{}', error: 'e', extractedAt: new Date() }],
        state: { checkpoint: 2, complete: false, records: 52, updatedAt: new Date() },
      });
      const error = await dest.commit(failing).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LoadError);
      expect((await dest.readRows(table)).map((r) => r.id)).toEqual(['a']);
      expect(await dest.readRejects(key)).toHaveLength(0);
      expect((await dest.readState(key))?.checkpoint).toBe(1);
    });

    it('commits a large batch in one go', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `k${String(i).padStart(6, '0')}`, n: i, x: i / 2, label: `row ${i}` }));
      await dest.commit(batch(s, key, rows));
      const read = await dest.readRows(table);
      expect(read).toHaveLength(20_000);
      expect(read[19_999]).toMatchObject({ id: 'k019999', n: 19_999, x: 9999.5, label: 'row 19999' });
      expect(await dest.readRows(table, { limit: 3 })).toHaveLength(3);
    });

    describe('through sync()', () => {
      const syncWith = async (connector: ReturnType<typeof fakeConnector>, opts: Parameters<typeof sync>[3] = {}) => sync(connector, ['items'], await factory(), opts);

      it('lands every record once, resumes incrementally, and reruns add nothing', async () => {
        const name = fresh('s').table;
        const connector = fakeConnector({ name, records: 430, pageSize: 40 });
        const first = await syncWith(connector, { batchRows: 100 });
        expect(first.records).toBe(430);
        expect(first.streams[0]?.complete).toBe(true);
        const again = await syncWith(connector);
        expect(again.records).toBe(0);
        expect(again.streams[0]?.resumedFrom).toBe(430);
        const reader = await factory();
        await reader.open();
        try {
          const rows = await reader.readRows(`${name}_items`);
          expect(rows).toHaveLength(430);
          expect(new Set(rows.map((r) => r.id)).size).toBe(430);
          const r7 = rows.find((r) => r.id === 'r0000007')!;
          expect(r7).toMatchObject({ seq: 7, amount: 8.75, active: false, address__city: 'Zürich', address__zip: '10007', tags: ['t0'], _deleted: false });
          expect((r7.updated_at as Date).toISOString()).toBe('2026-01-01T00:00:07.000Z');
          expect(r7._raw).toEqual(fakeRecord(7));
          expect(rows.find((r) => r.id === 'r0000009')?._deleted).toBe(true);
          expect((await reader.readState({ connector: name, stream: 'items' }))?.complete).toBe(true);
        } finally {
          await reader.close();
        }
      });

      it('sends records that fail validation to the rejects table and goes on', async () => {
        const name = fresh('s').table;
        const result = await syncWith(fakeConnector({ name, records: 100, pageSize: 30, invalidEvery: 25 }));
        expect(result.records).toBe(96);
        expect(result.rejects).toBe(4);
        const reader = await factory();
        await reader.open();
        try {
          expect(await reader.readRows(`${name}_items`)).toHaveLength(96);
          const rejects = await reader.readRejects({ connector: name, stream: 'items' });
          expect(rejects.map((r) => (JSON.parse(r.record) as { id: string }).id)).toEqual(['r0000024', 'r0000049', 'r0000074', 'r0000099']);
          expect(rejects[0]!.error).toMatch(/amount/);
        } finally {
          await reader.close();
        }
      });

      it('adds a column for a field that appears mid-stream', async () => {
        const name = fresh('s').table;
        const events: string[] = [];
        await syncWith(fakeConnector({ name, records: 60, pageSize: 20, newFieldFrom: 30 }), {
          batchRows: 20,
          onEvent: (e) => e.type === 'columnsAdded' && events.push(...e.columns),
        });
        expect(events).toEqual(['added_field']);
        const reader = await factory();
        await reader.open();
        try {
          const rows = await reader.readRows(`${name}_items`);
          expect(rows.find((r) => r.id === 'r0000010')?.added_field).toBeNull();
          expect(rows.find((r) => r.id === 'r0000045')?.added_field).toBe('new 45');
        } finally {
          await reader.close();
        }
      });

      it('resumes after a failure from the last committed batch, exactly once', async () => {
        const name = fresh('s').table;
        const failing = await syncWith(fakeConnector({ name, records: 200, pageSize: 20, failAtPage: 6, invalidEvery: 15 }), { batchRows: 40 }).then(
          () => undefined,
          (e: unknown) => e as LoadError,
        );
        expect(failing?.code).toBe('SYNC_FAILED');
        const resumed = await syncWith(fakeConnector({ name, records: 200, pageSize: 20, invalidEvery: 15 }));
        expect(resumed.streams[0]?.resumedFrom).toBe(120);
        const reader = await factory();
        await reader.open();
        try {
          const rows = await reader.readRows(`${name}_items`);
          expect(rows).toHaveLength(200 - 13);
          const rejects = await reader.readRejects({ connector: name, stream: 'items' });
          expect(rejects).toHaveLength(13);
          expect(new Set(rejects.map((r) => r.record)).size).toBe(13);
          expect((await reader.readState({ connector: name, stream: 'items' }))?.records).toBe(200 - 13);
        } finally {
          await reader.close();
        }
      });
    });
  });
}
