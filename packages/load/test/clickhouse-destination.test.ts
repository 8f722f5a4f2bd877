import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseDestination, clickhouse } from '../src/clickhouse/index.js';
import type { CommitStep } from '../src/clickhouse/commit.js';
import { BOOKKEEPING_COLUMNS, type Batch, type Cell, type Column, type StreamKey, type TableSpec } from '../src/destination.js';
import { DestinationError, DestinationUnavailableError, InvalidArgumentError, type LoadError } from '../src/errors.js';
import { CLICKHOUSE_URL, PASSWORD_USER, chQuery, clickhouseUp, dropDatabase, passwordUserExists, skipReason, uniqueDatabase } from './fixtures/clickhouse.js';

const database = uniqueDatabase('cf_dest');
const COLUMNS: Column[] = [
  { name: 'id', type: 'text' },
  { name: 'n', type: 'bigint' },
  { name: 'x', type: 'double' },
  { name: 'flag', type: 'boolean' },
  { name: 'at', type: 'timestamp' },
  { name: 'doc', type: 'json' },
  { name: 'label', type: 'text' },
  ...BOOKKEEPING_COLUMNS,
];
const EXTRACTED = new Date('2026-12-01T00:00:00.000Z');

const fresh = (): { table: string; key: StreamKey } => {
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  return { table: `t_${id}`, key: { connector: `c_${id}`, stream: 'items' } };
};
const spec = (table: string, columns: readonly Column[] = COLUMNS, primaryKey = ['id']): TableSpec => ({ name: table, primaryKey, columns });
const rowOf = (columns: readonly Column[], values: Record<string, Cell>): Cell[] =>
  columns.map((c) => (c.name in values ? values[c.name]! : c.name === '_raw' ? JSON.stringify(values) : c.name === '_extracted_at' ? EXTRACTED : c.name === '_deleted' ? false : null));
const batchOf = (table: TableSpec, key: StreamKey, rows: Array<Record<string, Cell>>, extra: Partial<Batch> = {}): Batch => ({
  key,
  table,
  rows: rows.map((r) => rowOf(table.columns, r)),
  rejects: [],
  state: { checkpoint: { page: rows.length }, complete: false, records: rows.length, updatedAt: EXTRACTED },
  ...extra,
});
const reject = (id: string, error = 'amount: expected number') => ({ record: JSON.stringify({ id, amount: 'x' }), error, extractedAt: EXTRACTED });
const open = async (hooks: ConstructorParameters<typeof ClickHouseDestination>[1] = {}) => {
  const d = new ClickHouseDestination({ url: CLICKHOUSE_URL, database }, hooks);
  await d.open();
  return d;
};
/** A stop between two writes of a commit, as a SIGKILL would leave it. */
const crashBefore = (step: CommitStep) => ({
  beforeCommitStep: (s: CommitStep) => {
    if (s === step) throw new Error(`simulated crash before ${step}`);
  },
});
const rawCount = async (table: string) => Number((await chQuery(`SELECT count() FROM \`${database}\`.\`${table}\``)).trim());

describe.skipIf(!clickhouseUp)(`clickhouse destination${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let dest: ClickHouseDestination;
  beforeAll(async () => {
    dest = await open();
  });
  afterAll(async () => {
    await dest?.close();
    await dropDatabase(database);
  });

  describe('open() and close()', () => {
    it('creates the database and the state and rejects tables, as ReplacingMergeTree', async () => {
      const tables = await chQuery(`SELECT name, engine, sorting_key FROM system.tables WHERE database = '${database}' AND name LIKE '\\_cf\\_%' ORDER BY name FORMAT TSV`);
      expect(tables.trim().split('\n')).toEqual(['_cf_rejects\tReplacingMergeTree\tconnector, stream, reject_id', '_cf_state\tReplacingMergeTree\tconnector, stream']);
      expect(dest.serverVersion).toMatch(/^\d+\.\d+/);
      expect(dest.label).toBe(`ClickHouse ${CLICKHOUSE_URL.replace('://', '://default@')}/${database}`);
    });

    it('open() twice is one connection; close() twice is fine; a closed destination can be opened again', async () => {
      const d = await open();
      await d.open();
      await d.close();
      await d.close();
      await expect(d.readState(fresh().key)).rejects.toBeInstanceOf(DestinationError);
      await d.open();
      expect(await d.readState(fresh().key)).toBeUndefined();
      await d.close();
    });

    it('a wrong password is DestinationUnavailableError, and the password is nowhere in it', async () => {
      const secret = `wrong-${randomUUID()}`;
      const d = clickhouse({ url: CLICKHOUSE_URL.replace('://', `://default:${secret}@`) });
      expect(d.label).not.toContain(secret);
      const error = await d.open().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      const seen = `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 10, showHidden: true })}\n${JSON.stringify(error)}`;
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(encodeURIComponent(secret));
      expect((error as Error).message).toMatch(/password/i);
      await d.close();
    });

    it('an unknown user is DestinationUnavailableError', async () => {
      const d = clickhouse({ url: CLICKHOUSE_URL, username: 'nobody_here', password: 'pw-never-shown' });
      const error = await d.open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      expect(inspect(error, { depth: 10 })).not.toContain('pw-never-shown');
    });

    it('an unreachable server is DestinationUnavailableError', async () => {
      const d = clickhouse({ url: 'http://127.0.0.1:1', password: 'pw-never-shown' });
      const error = await d.open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      expect((error as LoadError).code).toBe('DESTINATION_UNAVAILABLE');
      expect(inspect(error, { depth: 10 })).not.toContain('pw-never-shown');
    });

    it('authenticates with a password (the start script’s cf_test user)', async (ctx) => {
      if (!(await passwordUserExists())) ctx.skip();
      const d = clickhouse({ url: CLICKHOUSE_URL.replace('://', `://${PASSWORD_USER.username}:${PASSWORD_USER.password}@`) + `/${database}` });
      await d.open();
      expect(d.label).toBe(`ClickHouse ${CLICKHOUSE_URL.replace('://', '://cf_test@')}/${database}`);
      expect(await d.readState(fresh().key)).toBeUndefined();
      await d.close();
    });
  });

  describe('ensureTable()', () => {
    it('creates typed, nullable columns (key and _version not null) and returns them without _version', async () => {
      const { table } = fresh();
      const columns = await dest.ensureTable(spec(table));
      expect(columns).toEqual(COLUMNS);
      const described = await chQuery(`SELECT name, type, comment FROM system.columns WHERE database = '${database}' AND table = '${table}' FORMAT TSV`);
      const timestamp = dest.usesDateTime64 ? "DateTime64(3, \\'UTC\\')" : 'Decimal(18, 3)';
      expect(described.replace(/\n$/, '').split('\n')).toEqual([
        'id\tString\t',
        'n\tNullable(Int64)\t',
        'x\tNullable(Float64)\t',
        'flag\tNullable(UInt8)\t',
        `at\tNullable(${timestamp})\t`,
        'doc\tNullable(String)\tjson',
        'label\tNullable(String)\t',
        '_raw\tNullable(String)\tjson',
        `_extracted_at\tNullable(${timestamp})\t`,
        '_deleted\tNullable(UInt8)\t',
        '_version\tUInt64\t',
      ]);
      const meta = await chQuery(`SELECT engine, sorting_key FROM system.tables WHERE database = '${database}' AND name = '${table}' FORMAT TSV`);
      expect(meta.trim()).toBe('ReplacingMergeTree\tid');
    });

    it('adds missing columns (JSON ones keep their comment), keeps existing types, is idempotent', async () => {
      const { table } = fresh();
      await dest.ensureTable(spec(table));
      const wider = await dest.ensureTable(spec(table, [...COLUMNS, { name: 'extra', type: 'json' }, { name: 'more', type: 'timestamp' }, { name: 'n', type: 'text' }]));
      expect(wider.slice(-2)).toEqual([{ name: 'extra', type: 'json' }, { name: 'more', type: 'timestamp' }]);
      expect(wider.find((c) => c.name === 'n')?.type).toBe('bigint');
      expect(await dest.ensureTable(spec(table))).toEqual(wider);
      // Another destination sees the same.
      const other = await open();
      expect(await other.ensureTable(spec(table, [...COLUMNS, { name: 'extra', type: 'json' }]))).toEqual(wider);
      await other.close();
    });

    it.each([
      ['a bad table name', spec('Bad-Name')],
      ['a bad column name', spec('t_ok', [...COLUMNS, { name: 'Nope', type: 'text' }])],
      ['an unknown type', spec('t_ok', [...COLUMNS, { name: 'y', type: 'uuid' as never }])],
      ['the reserved _version column', spec('t_ok', [...COLUMNS, { name: '_version', type: 'bigint' }])],
      ['no primary key', spec('t_ok', COLUMNS, [])],
      ['a key column not in the table', spec('t_ok', COLUMNS, ['nope'])],
      ['a missing bookkeeping column', spec('t_ok', COLUMNS.slice(0, 3))],
      ['an internal table name', spec('_cf_state')],
    ])('refuses %s with InvalidArgumentError (before any SQL)', async (_, bad) => {
      await expect(dest.ensureTable(bad)).rejects.toBeInstanceOf(InvalidArgumentError);
    });

    it('refuses an existing table it cannot upsert into (another key, another engine)', async () => {
      const { table } = fresh();
      await dest.ensureTable(spec(table));
      await expect(dest.ensureTable(spec(table, COLUMNS, ['id', 'n']))).rejects.toThrow(/ordered by \(id\) but the stream's primary key is \(id, n\)/);
      const plain = fresh().table;
      await chQuery(`CREATE TABLE \`${database}\`.\`${plain}\` (id String) ENGINE = MergeTree ORDER BY id`);
      await expect(dest.ensureTable(spec(plain))).rejects.toBeInstanceOf(DestinationError);
    });
  });

  describe('commit() and reads', () => {
    it('round-trips special characters in cells, JSON, rejects, checkpoints and stream keys', async () => {
      const { table } = fresh();
      const key = { connector: `c'q\\"x\`${randomUUID().slice(0, 6)}`, stream: "str'eam\n\t;--" };
      const columns = await dest.ensureTable(spec(table));
      const nasty = 'quote " apostrophe \' backtick ` backslash \\ \\n literal, NUL \u0000, tab \t, newline \n, CR \r, ' + 'Zürich 日本 🚀 \u2028 \u2029 \u007f %s ${x} \\u0041';
      const doc = { s: nasty, nested: { arr: [1, 'two', null, true, 1.5] }, [nasty]: nasty };
      await dest.commit(
        batchOf(spec(table, columns), key, [{ id: nasty, label: nasty, doc: JSON.stringify(doc) }, { id: '' }], {
          rejects: [{ record: JSON.stringify({ s: nasty }), error: nasty, extractedAt: EXTRACTED }],
          state: { checkpoint: { cursor: nasty, list: [nasty] }, complete: true, records: 2, updatedAt: EXTRACTED },
        }),
      );
      const rows = await dest.readRows(table);
      expect(rows.map((r) => r.id)).toEqual(['', nasty]);
      expect(rows[1]).toMatchObject({ label: nasty, doc });
      expect(rows[1]!._raw).toEqual({ id: nasty, label: nasty, doc: JSON.stringify(doc) });
      expect(await dest.readRejects(key)).toEqual([{ record: JSON.stringify({ s: nasty }), error: nasty, extractedAt: EXTRACTED }]);
      expect(await dest.readState(key)).toEqual({ checkpoint: { cursor: nasty, list: [nasty] }, complete: true, records: 2, updatedAt: EXTRACTED });
      // Another stream key differing only in an escaped character sees nothing.
      expect(await dest.readState({ connector: key.connector.replace("'", ''), stream: key.stream })).toBeUndefined();
    });

    it('types round-trip: booleans as booleans, timestamps as Dates (ms), Int64 as numbers when safe', async () => {
      const { table, key } = fresh();
      const columns = await dest.ensureTable(spec(table));
      const at = new Date('1969-07-20T20:17:40.123Z');
      await dest.commit(
        batchOf(spec(table, columns), key, [
          { id: 'a', n: Number.MIN_SAFE_INTEGER, x: 0.1 + 0.2, flag: true, at },
          { id: 'b', n: 0, x: -1e300, flag: false, at: new Date('2262-04-11T23:47:16.854Z') },
        ]),
      );
      // A value past 2^53 that another writer stored: returned as its exact string.
      await chQuery(`INSERT INTO \`${database}\`.\`${table}\` (id, n, _version) VALUES ('c', 9223372036854775807, 1)`);
      const [a, b, c] = await dest.readRows(table);
      expect(a).toMatchObject({ id: 'a', n: Number.MIN_SAFE_INTEGER, x: 0.1 + 0.2, flag: true, at, _extracted_at: EXTRACTED, _deleted: false });
      expect(b).toMatchObject({ n: 0, x: -1e300, flag: false, at: new Date('2262-04-11T23:47:16.854Z') });
      expect(c).toMatchObject({ n: '9223372036854775807', flag: null, at: null, _raw: null });
    });

    it('a later batch with changed values wins; unchanged keys stay; readRows is ordered by key and takes a limit', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batchOf(s, key, [{ id: 'b', n: 1, label: 'first' }, { id: 'a', n: 1 }, { id: 'c', n: 1 }]));
      await dest.commit(batchOf(s, key, [{ id: 'b', n: 2, label: null, flag: true }]));
      expect((await dest.readRows(table)).map((r) => [r.id, r.n, r.label, r.flag])).toEqual([
        ['a', 1, null, null],
        ['b', 2, null, true],
        ['c', 1, null, null],
      ]);
      expect((await dest.readRows(table, { limit: 2 })).map((r) => r.id)).toEqual(['a', 'b']);
      expect(await dest.readRows(table, { limit: 0 })).toEqual([]);
      await expect(dest.readRows(table, { limit: -1 })).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(dest.readRows('Bad Name')).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(dest.readRows('t_does_not_exist')).rejects.toBeInstanceOf(DestinationError);
    });

    it('a duplicate key inside one batch keeps its last row', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batchOf(s, key, [{ id: 'a', n: 1 }, { id: 'a', n: 2 }, { id: 'b', n: 3 }, { id: 'a', n: 4 }]));
      expect((await dest.readRows(table)).map((r) => [r.id, r.n])).toEqual([
        ['a', 4],
        ['b', 3],
      ]);
      expect(await rawCount(table)).toBe(2);
    });

    it('refuses a bad batch before writing anything: wrong cell type, null key, unknown column, short row', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      const bad: Batch[] = [
        batchOf(s, key, [{ id: 'a' }, { id: 'b', n: 'x' }]),
        batchOf(s, key, [{ id: 'a' }, { id: null }]),
        { ...batchOf(s, key, [{ id: 'a' }]), table: spec(table, [...s.columns, { name: 'ghost', type: 'text' }]), rows: [rowOf([...s.columns, { name: 'ghost', type: 'text' }], { id: 'a' })] },
        { ...batchOf(s, key, [{ id: 'a' }]), rows: [[null]] },
        batchOf(s, key, [{ id: 'a' }], { rejects: [{ record: '{}', error: 'e', extractedAt: 'yesterday' as never }] }),
        batchOf(s, key, [{ id: 'a' }], { state: { checkpoint: { n: 10n } as never, complete: false, records: 1, updatedAt: new Date() } }),
      ];
      for (const b of bad) await expect(dest.commit(b)).rejects.toBeInstanceOf(DestinationError);
      await expect(dest.commit({ ...batchOf(s, key, []), key: { connector: '', stream: 's' } })).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await rawCount(table)).toBe(0);
      expect(await dest.readRejects(key)).toEqual([]);
      expect(await dest.readState(key)).toBeUndefined();
    });

    it('a statement the server refuses is a DestinationError naming the ClickHouse error', async () => {
      const { table, key } = fresh();
      // A table laid out by hand: `label` is not nullable, so the server refuses a null there (this package would not
      // create it so).
      await chQuery(
        `CREATE TABLE \`${database}\`.\`${table}\` (id String, label String, _raw Nullable(String) COMMENT 'json', _extracted_at Nullable(Decimal64(3)), _deleted Nullable(UInt8), _version UInt64) ` +
          'ENGINE = ReplacingMergeTree(_version) ORDER BY id',
      );
      const columns = await dest.ensureTable(spec(table, [{ name: 'id', type: 'text' }, { name: 'label', type: 'text' }, ...BOOKKEEPING_COLUMNS]));
      const error = await dest.commit(batchOf(spec(table, columns), key, [{ id: 'a', label: 'fine' }, { id: 'b', label: null }])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DestinationError);
      expect((error as Error).message).toMatch(/inserting 2 rows into t_\w+: .*\(ClickHouse error \d+\)/);
      expect(await rawCount(table)).toBe(0);
      expect(await dest.readState(key)).toBeUndefined();
    });

    it('keeps every reject of a batch, oldest first, and an empty batch still saves the state', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      const later = { ...reject('r3'), extractedAt: new Date('2026-12-02T00:00:00.000Z') };
      await dest.commit(batchOf(s, key, [], { rejects: [reject('r1'), reject('r2')], state: { checkpoint: 'p1', complete: false, records: 0, updatedAt: EXTRACTED } }));
      await dest.commit(batchOf(s, key, [], { rejects: [later], state: { checkpoint: 'p2', complete: false, records: 0, updatedAt: EXTRACTED } }));
      expect((await dest.readRejects(key)).map((r) => JSON.parse(r.record).id)).toEqual(['r1', 'r2', 'r3']);
      expect((await dest.readState(key))?.checkpoint).toBe('p2');
      expect(await dest.readRejects({ ...key, stream: 'other' })).toEqual([]);
    });

    it('resetState() forgets the state (rows stay); the next commit saves one again', async () => {
      const { table, key } = fresh();
      const s = spec(table, await dest.ensureTable(spec(table)));
      await dest.commit(batchOf(s, key, [{ id: 'a' }]));
      await dest.resetState(key);
      expect(await dest.readState(key)).toBeUndefined();
      expect(await dest.readRows(table)).toHaveLength(1);
      await dest.resetState(key);
      await dest.commit(batchOf(s, key, [{ id: 'b' }], { state: { checkpoint: 'again', complete: true, records: 1, updatedAt: EXTRACTED } }));
      expect(await dest.readState(key)).toMatchObject({ checkpoint: 'again', complete: true, records: 1 });
    });
  });

  describe('exactly once across a crash', () => {
    for (const step of ['rejects', 'state'] as const) {
      it(`a crash before the ${step} write, then a replay of the same batch: one row per key, one copy of each reject, the new state`, async () => {
        const { table, key } = fresh();
        const first = await open();
        const s = spec(table, await first.ensureTable(spec(table)));
        // No background merge during the test: the raw row counts below are exact.
        await chQuery(`SYSTEM STOP MERGES \`${database}\`.\`${table}\``);
        await first.commit(batchOf(s, key, [{ id: 'a', n: 1 }], { rejects: [reject('r0')], state: { checkpoint: 'p1', complete: false, records: 1, updatedAt: EXTRACTED } }));
        await first.close();

        const batch = batchOf(s, key, [{ id: 'a', n: 2 }, { id: 'b', n: 2 }, { id: 'c', n: 2 }], {
          rejects: [reject('r1'), reject('r2', 'other reason')],
          state: { checkpoint: 'p2', complete: false, records: 4, updatedAt: EXTRACTED },
        });
        const crashing = await open(crashBefore(step));
        await crashing.ensureTable(spec(table));
        await expect(crashing.commit(batch)).rejects.toThrow(`simulated crash before ${step}`);
        await crashing.close();
        // The state was not written: a rerun resumes from p1 and commits the same batch again.
        expect((await dest.readState(key))?.checkpoint).toBe('p1');

        const rerun = await open();
        expect((await rerun.readState(key))?.checkpoint).toBe('p1');
        await rerun.ensureTable(spec(table));
        await rerun.commit(batch);
        await rerun.close();

        expect((await dest.readRows(table)).map((r) => [r.id, r.n])).toEqual([
          ['a', 2],
          ['b', 2],
          ['c', 2],
        ]);
        expect((await dest.readRejects(key)).map((r) => [JSON.parse(r.record).id, r.error])).toEqual([
          ['r0', 'amount: expected number'],
          ['r1', 'amount: expected number'],
          ['r2', 'other reason'],
        ]);
        expect(await dest.readState(key)).toMatchObject({ checkpoint: 'p2', records: 4 });
        // Unmerged, the table holds every attempt (1 + 3 + 3 rows): FINAL is what collapses them …
        expect(await rawCount(table)).toBe(7);
        // … and argMax by _version is the other way to read it.
        const argMax = await chQuery(`SELECT id, argMax(n, _version) AS n FROM \`${database}\`.\`${table}\` GROUP BY id ORDER BY id FORMAT TSV`);
        expect(argMax.trim()).toBe('a\t2\nb\t2\nc\t2');
        // And after a merge, the table itself has one row per key.
        await chQuery(`SYSTEM START MERGES \`${database}\`.\`${table}\``);
        await chQuery(`OPTIMIZE TABLE \`${database}\`.\`${table}\` FINAL`);
        expect(await rawCount(table)).toBe(3);
      });
    }

    it('a replay with changed values (the API moved on) wins over the crashed attempt, even when the wall clock went back', async () => {
      const { table, key } = fresh();
      const hourAhead = Date.now() + 3_600_000;
      // The crashed run's clock was an hour fast …
      const crashing = await open({ now: () => hourAhead, ...crashBefore('state') });
      const s = spec(table, await crashing.ensureTable(spec(table)));
      await chQuery(`SYSTEM STOP MERGES \`${database}\`.\`${table}\``);
      const batch = (n: number) => batchOf(s, key, [{ id: 'a', n }, { id: 'b', n }], { rejects: [reject('r1')], state: { checkpoint: 'p1', complete: false, records: 2, updatedAt: EXTRACTED } });
      await expect(crashing.commit(batch(1))).rejects.toThrow(/simulated crash/);
      await crashing.close();
      // … the rerun's is right: its versions still come after the crashed ones.
      const rerun = await open();
      await rerun.ensureTable(spec(table));
      await rerun.commit(batch(2));
      expect((await rerun.readRows(table)).map((r) => [r.id, r.n])).toEqual([
        ['a', 2],
        ['b', 2],
      ]);
      expect(await rerun.readRejects(key)).toHaveLength(1);
      const versions = await chQuery(`SELECT n, _version FROM \`${database}\`.\`${table}\` WHERE id = 'a' ORDER BY _version FORMAT TSV`);
      const [v1, v2] = versions
        .trim()
        .split('\n')
        .map((l) => l.split('\t').map(Number));
      expect(v1![0]).toBe(1);
      expect(v2![0]).toBe(2);
      expect(v2![1]).toBeGreaterThan(v1![1]!);
      await rerun.close();
    });

    it('a commit from a destination that did not call ensureTable still orders after stored versions', async () => {
      const { table, key } = fresh();
      const ahead = await open({ now: () => Date.now() + 3_600_000 });
      const s = spec(table, await ahead.ensureTable(spec(table)));
      await ahead.commit(batchOf(s, key, [{ id: 'a', n: 1 }]));
      await ahead.close();
      const later = await open();
      await later.commit(batchOf(s, key, [{ id: 'a', n: 2 }]));
      expect((await later.readRows(table)).map((r) => r.n)).toEqual([2]);
      await later.close();
    });
  });
});
