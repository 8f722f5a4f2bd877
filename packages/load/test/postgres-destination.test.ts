import { createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING_COLUMNS, type Batch, type Cell, type Column, type StreamKey, type TableSpec } from '../src/destination.js';
import { DestinationError, DestinationUnavailableError, InvalidArgumentError, LoadError } from '../src/errors.js';
import { postgres, type PostgresDestination } from '../src/postgres/index.js';
import { connectAdmin, dropSchemas, POSTGRES_URL, postgresUp, uniqueSchema, withPassword, withUser } from './fixtures/postgres.js';

// The Postgres destination against a real server (scripts/start-postgres.sh); skipped with a reason without one.

const AT = new Date('2026-12-01T00:00:00.000Z');
const schema = uniqueSchema();
const schemas = [schema];
let seq = 0;
const fresh = (prefix = 't') => `${prefix}_${process.pid}_${++seq}`;
const keyOf = (stream: string): StreamKey => ({ connector: `c_${schema}`, stream });

function spec(name: string, columns: Column[], primaryKey: string[] = ['id']): TableSpec {
  return { name, primaryKey, columns: [...columns, ...BOOKKEEPING_COLUMNS] };
}

/** Cells aligned with the table's columns; bookkeeping filled in. */
function rowOf(columns: readonly Column[], values: Record<string, Cell>): Cell[] {
  return columns.map((c) => {
    if (c.name in values) return values[c.name]!;
    if (c.name === '_raw') return JSON.stringify(values);
    if (c.name === '_extracted_at') return AT;
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
    state: { checkpoint: { after: rows.length }, complete: false, records: rows.length, updatedAt: AT },
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<LoadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoadError);
  return error as LoadError;
}

/** Everything an error can show: message, stack, cause chain, inspect output. */
function everything(error: unknown): string {
  return `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 8, showHidden: true })}`;
}

const BASIC: Column[] = [
  { name: 'id', type: 'text' },
  { name: 'n', type: 'bigint' },
  { name: 'label', type: 'text' },
  { name: 'doc', type: 'json' },
];

describe.skipIf(!postgresUp)('postgres destination', () => {
  let dest: PostgresDestination;
  let admin: pg.Client;
  const q = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await admin.query<T>(text, values)).rows;

  beforeAll(async () => {
    admin = await connectAdmin();
    dest = postgres({ connectionString: POSTGRES_URL, schema });
    await dest.open();
  });
  afterAll(async () => {
    await dest?.close();
    await admin?.end();
    await dropSchemas(...schemas);
  });

  describe('open() and close()', () => {
    it('creates the schema, _cf_state and _cf_rejects with their columns and keys', async () => {
      const columns = await q<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
        [schema],
      );
      const byTable = (t: string) => columns.filter((c) => c.table_name === t).map((c) => `${c.column_name}:${c.data_type}`);
      expect(byTable('_cf_state')).toEqual(['connector:text', 'stream:text', 'checkpoint:jsonb', 'complete:boolean', 'records:bigint', 'updated_at:timestamp with time zone']);
      expect(byTable('_cf_rejects')).toEqual(['id:bigint', 'connector:text', 'stream:text', 'record:jsonb', 'error:text', 'extracted_at:timestamp with time zone']);
      const pk = await q<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p'`, [`"${schema}"."_cf_state"`]);
      expect(pk.map((r) => r.def)).toEqual(['PRIMARY KEY (connector, stream)']);
    });

    it('is idempotent, close() too, and a closed destination can be opened again', async () => {
      const other = postgres({ connectionString: POSTGRES_URL, schema });
      await other.open();
      await other.open();
      expect(await other.readState(keyOf('never'))).toBeUndefined();
      await other.close();
      await other.close();
      const notOpen = await failure(other.readState(keyOf('never')));
      expect(notOpen).toBeInstanceOf(DestinationError);
      expect(notOpen.message).toMatch(/not open/);
      await other.open();
      expect(await other.readState(keyOf('never'))).toBeUndefined();
      await other.close();
    });

    it('two processes opening a new schema at once both succeed', async () => {
      const shared = uniqueSchema();
      schemas.push(shared);
      const many = Array.from({ length: 4 }, () => postgres({ connectionString: POSTGRES_URL, schema: shared }));
      await Promise.all(many.map((d) => d.open()));
      await Promise.all(many.map((d) => d.close()));
      expect(await q(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('_cf_state', '_cf_rejects')`, [shared])).toHaveLength(2);
    });

    it('uses an existing schema without needing CREATE on the database', async (ctx) => {
      const role = `cf_limited_${process.pid}`;
      const existing = uniqueSchema();
      schemas.push(existing);
      await admin.query(`CREATE SCHEMA "${existing}"`);
      try {
        await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited-pass'`);
      } catch (error) {
        // A server other than scripts/start-postgres.sh's may not let the test role create roles.
        console.warn(`[load postgres tests] skipped "uses an existing schema…": ${(error as Error).message}`);
        ctx.skip();
      }
      const limited = postgres({ connectionString: withUser(role, 'limited-pass'), schema: existing });
      try {
        await admin.query(`GRANT USAGE, CREATE ON SCHEMA "${existing}" TO ${role}`);
        expect(await q(`SELECT has_database_privilege($1, current_database(), 'CREATE') AS can`, [role])).toEqual([{ can: false }]);
        await limited.open();
        const table = fresh();
        const columns = await limited.ensureTable(spec(table, BASIC));
        await limited.commit(batch({ name: table, primaryKey: ['id'], columns }, keyOf(table), [{ id: 'a', n: 1 }]));
        expect((await limited.readRows(table)).map((r) => r.id)).toEqual(['a']);
      } finally {
        await limited.close();
        await admin.query(`DROP SCHEMA "${existing}" CASCADE`);
        await admin.query(`DROP ROLE ${role}`);
      }
    });
  });

  describe('ensureTable()', () => {
    it('creates the table with the mapped types, the bookkeeping columns and the primary key', async () => {
      const table = fresh();
      const columns: Column[] = [
        { name: 'id', type: 'text' },
        { name: 'n', type: 'bigint' },
        { name: 'x', type: 'double' },
        { name: 'flag', type: 'boolean' },
        { name: 'at', type: 'timestamp' },
        { name: 'doc', type: 'json' },
        // Keywords as column names: quoted everywhere.
        { name: 'order', type: 'text' },
        { name: 'select', type: 'bigint' },
      ];
      // The spec lacks the bookkeeping columns: they are added anyway.
      const result = await dest.ensureTable({ name: table, primaryKey: ['id'], columns });
      expect(result).toEqual([...columns, ...BOOKKEEPING_COLUMNS]);
      const types = await q<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
        [schema, table],
      );
      expect(types.map((t) => `${t.column_name}:${t.data_type}`)).toEqual([
        'id:text',
        'n:bigint',
        'x:double precision',
        'flag:boolean',
        'at:timestamp with time zone',
        'doc:jsonb',
        'order:text',
        'select:bigint',
        '_raw:jsonb',
        '_extracted_at:timestamp with time zone',
        '_deleted:boolean',
      ]);
      const pk = await q<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p'`, [`"${schema}"."${table}"`]);
      expect(pk.map((r) => r.def)).toEqual(['PRIMARY KEY (id)']);
      // Again: nothing changes.
      expect(await dest.ensureTable({ name: table, primaryKey: ['id'], columns })).toEqual(result);
    });

    it('adds missing columns, keeps existing types, and reports columns altered by hand as the nearest type', async () => {
      const table = fresh();
      await dest.ensureTable(spec(table, BASIC));
      await admin.query(
        `ALTER TABLE "${schema}"."${table}" ADD COLUMN small integer, ADD COLUMN v varchar(20), ADD COLUMN u uuid, ADD COLUMN num numeric, ADD COLUMN d date, ADD COLUMN "Notes" text DEFAULT 'kept'`,
      );
      const wider = await dest.ensureTable(spec(table, [...BASIC, { name: 'extra', type: 'timestamp' }, { name: 'n', type: 'text' }]));
      const types = Object.fromEntries(wider.map((c) => [c.name, c.type]));
      expect(types).toMatchObject({ id: 'text', n: 'bigint', extra: 'timestamp', small: 'bigint', v: 'text', u: 'text', num: 'double', d: 'timestamp' });
      expect(wider.filter((c) => c.name === 'n')).toHaveLength(1);
      // A column whose name the planner never produces is not reported (and so never written).
      expect(wider.map((c) => c.name)).not.toContain('Notes');
      // A batch through the hand-made types: COPY parses each value with the real column's input function.
      await dest.commit(
        batch({ name: table, primaryKey: ['id'], columns: wider }, keyOf(table), [
          { id: 'a', small: 7, v: 'short', u: '0b6f1a4e-7d5c-4e1c-9a43-5d1a0f3f2b10', num: 1.25, d: new Date('2026-05-06T00:00:00.000Z') },
        ]),
      );
      const [row] = await dest.readRows(table);
      expect(row).toMatchObject({ id: 'a', small: 7, v: 'short', u: '0b6f1a4e-7d5c-4e1c-9a43-5d1a0f3f2b10', num: '1.25', Notes: 'kept' });
      expect((row!.d as Date).getFullYear()).toBe(2026);
    });

    it('refuses a table whose existing primary key differs', async () => {
      const table = fresh();
      await dest.ensureTable(spec(table, BASIC));
      const error = await failure(dest.ensureTable(spec(table, BASIC, ['id', 'n'])));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/exists with primary key \(id\), but the stream's is \(id, n\)/);
    });

    it('refuses bad names and types with InvalidArgumentError before touching the server', async () => {
      const bad: TableSpec[] = [
        spec('Upper', BASIC),
        spec('with-dash', BASIC),
        spec('1st', BASIC),
        spec('a'.repeat(64), BASIC),
        spec('x"; DROP TABLE y; --', BASIC),
        spec('_cf_state', BASIC),
        spec('_cf_rejects', BASIC),
        spec('ok', [{ name: 'Bad Column', type: 'text' }]),
        spec('ok', [{ name: 'id', type: 'varchar' as 'text' }]),
        spec('ok', BASIC, ['missing']),
        spec('ok', BASIC, ['id', 'id']),
        { name: 'ok', primaryKey: ['id'], columns: [] },
      ];
      for (const s of bad) {
        const error = await failure(dest.ensureTable(s));
        expect(error, s.name).toBeInstanceOf(InvalidArgumentError);
      }
      expect(await q(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'ok'`, [schema])).toHaveLength(0);
    });

    it('two processes creating and widening the same table at once do not fail', async () => {
      const table = fresh();
      const many = Array.from({ length: 4 }, () => postgres({ connectionString: POSTGRES_URL, schema }));
      await Promise.all(many.map((d) => d.open()));
      try {
        const results = await Promise.all(many.map((d, i) => d.ensureTable(spec(table, [...BASIC, { name: `only_${i}`, type: 'text' }]))));
        for (const r of results) expect(r.slice(0, BASIC.length)).toEqual(BASIC);
        const final = await dest.ensureTable(spec(table, BASIC));
        expect(final.map((c) => c.name).filter((n) => n.startsWith('only_')).sort()).toEqual(['only_0', 'only_1', 'only_2', 'only_3']);
      } finally {
        await Promise.all(many.map((d) => d.close()));
      }
    });
  });

  describe('commit()', () => {
    it('round-trips tabs, newlines, backslashes, quotes, COPY markers, unicode and emoji in text and JSON', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const nasty = [
        'tab\there',
        'newline\nhere',
        'crlf\r\nhere',
        'back\\slash \\N \\. \\t \\\\',
        `"double" 'single' \`back\``,
        'comma, semicolon; pipe|',
        'Zürich 日本語 العربية',
        'emoji 🚀👩‍👩‍👧 skin 👍🏽',
        '\\.',
        '\\N',
        '',
        ' leading and trailing ',
        '\u0001\u0007\u001f control \u007f',
        'a'.repeat(100_000),
      ];
      const rows = nasty.map((text, i) => ({ id: `k${String(i).padStart(2, '0')}`, label: text, doc: JSON.stringify({ text, list: [text] }) }));
      await dest.commit(batch(s, keyOf(table), rows));
      const read = await dest.readRows(table);
      expect(read.map((r) => r.label)).toEqual(nasty);
      expect(read.map((r) => r.doc)).toEqual(nasty.map((text) => ({ text, list: [text] })));
      expect(read.map((r) => r._raw)).toEqual(rows.map((r) => r));
      // The empty string stays an empty string, not null.
      expect(read.find((r) => r.label === '')).toBeDefined();
    });

    it('drops NUL: from text cells, and the \\u0000 escapes from JSON cells; \\\\u0000 (text) survives', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      await dest.commit(
        batch(s, keyOf(table), [
          { id: 'nul', label: 'a\u0000b\u0000', doc: JSON.stringify({ s: 'x\u0000y', 'k\u0000': 1 }) },
          { id: 'text', label: 'the six characters \\u0000', doc: JSON.stringify({ s: '\\u0000' }) },
          { id: 'lone', label: 'lone \ud83d surrogate', doc: JSON.stringify({ s: 'lone \ud83d surrogate' }) },
        ]),
      );
      const rows = await dest.readRows(table);
      expect(rows.find((r) => r.id === 'nul')).toMatchObject({ label: 'ab', doc: { s: 'xy', k: 1 } });
      // In _raw the doc is a string holding JSON text: its \\u0000 is six characters of text, kept; the label's NUL goes.
      expect(rows.find((r) => r.id === 'nul')?._raw).toEqual({ id: 'nul', label: 'ab', doc: JSON.stringify({ s: 'x\u0000y', 'k\u0000': 1 }) });
      expect(rows.find((r) => r.id === 'text')).toMatchObject({ label: 'the six characters \\u0000', doc: { s: '\\u0000' } });
      expect(rows.find((r) => r.id === 'lone')).toMatchObject({ label: 'lone \ufffd surrogate', doc: { s: 'lone \ufffd surrogate' } });
    });

    it('returns BIGINT as a number when exact and as a string past 2^53; doubles, booleans, timestamps typed', async () => {
      const table = fresh();
      const columns: Column[] = [
        { name: 'id', type: 'bigint' },
        { name: 'x', type: 'double' },
        { name: 'flag', type: 'boolean' },
        { name: 'at', type: 'timestamp' },
      ];
      const s = spec(table, columns);
      await dest.ensureTable(s);
      await dest.commit(
        batch(s, keyOf(table), [
          { id: -Number.MAX_SAFE_INTEGER, x: Number.MAX_VALUE, flag: true, at: new Date('1970-01-01T00:00:00.001Z') },
          { id: 0, x: Number.NaN, flag: false, at: new Date('2099-12-31T23:59:59.999Z') },
          { id: 1, x: -Infinity, flag: null, at: null },
        ]),
      );
      await admin.query(`INSERT INTO "${schema}"."${table}" (id, _raw) VALUES (9223372036854775807, '{}')`);
      const rows = await dest.readRows(table);
      expect(rows.map((r) => r.id)).toEqual([-Number.MAX_SAFE_INTEGER, 0, 1, '9223372036854775807']);
      expect(rows[0]).toMatchObject({ x: Number.MAX_VALUE, flag: true });
      expect((rows[0]!.at as Date).toISOString()).toBe('1970-01-01T00:00:00.001Z');
      expect(rows[1]!.x).toBeNaN();
      expect((rows[1]!.at as Date).toISOString()).toBe('2099-12-31T23:59:59.999Z');
      expect(rows[2]).toMatchObject({ x: -Infinity, flag: null, at: null });
    });

    it('commits rejects (in order, a record that is not JSON kept as a JSON string) and the state, with no rows at all', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const key = keyOf(table);
      const rejects = [
        { record: JSON.stringify({ id: 1, bad: 'tab\t"quote"\\' }), error: 'bad: expected number', extractedAt: AT },
        { record: '{not json', error: 'unparseable', extractedAt: new Date('2026-12-02T00:00:00.000Z') },
        { record: JSON.stringify({ nul: 'a\u0000b' }), error: 'with \u0000 NUL', extractedAt: AT },
      ];
      await dest.commit(batch(s, key, [], { rejects, state: { checkpoint: { page: 'p2' }, complete: false, records: 0, updatedAt: AT } }));
      const saved = await dest.readRejects(key);
      expect(saved.map((r) => JSON.parse(r.record) as unknown)).toEqual([{ id: 1, bad: 'tab\t"quote"\\' }, '{not json', { nul: 'ab' }]);
      expect(saved.map((r) => r.error)).toEqual(['bad: expected number', 'unparseable', 'with  NUL']);
      expect(saved.map((r) => r.extractedAt.toISOString())).toEqual([AT.toISOString(), '2026-12-02T00:00:00.000Z', AT.toISOString()]);
      expect(await dest.readState(key)).toEqual({ checkpoint: { page: 'p2' }, complete: false, records: 0, updatedAt: AT });
      expect(await dest.readRejects(keyOf('other'))).toEqual([]);
    });

    it('upserts: the later version of a row replaces every column the batch carries', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const key = keyOf(table);
      await dest.commit(batch(s, key, [{ id: 'a', n: 1, label: 'one', doc: '{"v":1}' }, { id: 'b', n: 2 }]));
      await dest.commit(batch(s, key, [{ id: 'a', n: 10, label: null }]));
      const rows = await dest.readRows(table);
      expect(rows.map((r) => [r.id, r.n, r.label, r.doc])).toEqual([
        ['a', 10, null, null],
        ['b', 2, null, null],
      ]);
      expect(await q(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`)).toEqual([{ n: 2 }]);
    });

    it('refuses a batch with two rows of the same primary key, and changes nothing', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const error = await failure(dest.commit(batch(s, keyOf(table), [{ id: 'a' }, { id: 'a' }])));
      expect(error).toBeInstanceOf(DestinationError);
      expect(error.message).toMatch(/same primary key/);
      expect(await dest.readRows(table)).toEqual([]);
      expect(await dest.readState(keyOf(table))).toBeUndefined();
    });

    describe('rolls back a batch that fails midway: rows, rejects and state as before', () => {
      let table: string;
      let s: TableSpec;
      let key: StreamKey;
      const good = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `g${String(i).padStart(4, '0')}`, n: i }));

      beforeAll(async () => {
        table = fresh();
        s = spec(table, BASIC);
        key = keyOf(table);
        await dest.ensureTable(s);
        await dest.commit(batch(s, key, [{ id: 'before', n: 1 }], { rejects: [{ record: '{}', error: 'old', extractedAt: AT }], state: { checkpoint: 'one', complete: false, records: 1, updatedAt: AT } }));
      });

      const unchanged = async () => {
        expect((await dest.readRows(table)).map((r) => [r.id, r.n])).toEqual([['before', 1]]);
        expect((await dest.readRejects(key)).map((r) => r.error)).toEqual(['old']);
        expect(await dest.readState(key)).toMatchObject({ checkpoint: 'one', records: 1 });
      };
      const failing = (rows: Array<Record<string, Cell>>, extra: Partial<Batch> = {}) =>
        batch(s, key, rows, {
          rejects: [{ record: '{"new":true}', error: 'new', extractedAt: AT }],
          state: { checkpoint: 'two', complete: true, records: 999, updatedAt: new Date() },
          ...extra,
        });

      it('a value the column refuses, 3 000 rows in (the server refuses it during COPY)', async () => {
        const rows = [...good(3000), { id: 'zz', n: 'card 4111 1111 1111 1111' as unknown as number }, ...good(10).map((r) => ({ ...r, id: `h${r.id}` }))];
        const error = await failure(dest.commit(failing(rows)));
        expect(error).toBeInstanceOf(DestinationError);
        expect(error.message).toMatch(/invalid input syntax for type bigint.*row 3001 of the batch, column n/);
        // Row values stay out of errors.
        expect(everything(error)).not.toContain('4111');
        await unchanged();
      });

      it('a cell the encoder cannot write (an invalid Date), 2 500 rows in', async () => {
        const ts: Column[] = [...s.columns, { name: 'at', type: 'timestamp' }];
        await dest.ensureTable({ ...s, columns: ts });
        const wide: TableSpec = { ...s, columns: ts };
        const rows = [...good(2500).map((r) => ({ ...r, at: AT })), { id: 'bad', at: new Date(Number.NaN) }];
        const error = await failure(dest.commit({ ...failing([]), table: wide, rows: rows.map((r) => rowOf(ts, r)) }));
        expect(error).toBeInstanceOf(DestinationError);
        expect(error.message).toMatch(/row 2501 of the batch, column at: cannot store an invalid Date/);
        await unchanged();
      });

      it('malformed JSON in a JSON column', async () => {
        const error = await failure(dest.commit(failing([...good(100), { id: 'j', doc: '{"unterminated": ' }])));
        expect(error.message).toMatch(/invalid input syntax for type json.*column doc/);
        await unchanged();
      });

      it('after the rows: the state cannot be stored (a checkpoint with a NUL jsonb refuses)', async () => {
        const error = await failure(dest.commit(failing(good(500), { state: { checkpoint: { cursor: 'a\u0000b' }, complete: true, records: 500, updatedAt: new Date() } })));
        expect(error).toBeInstanceOf(DestinationError);
        await unchanged();
      });

      it('a row of the wrong length', async () => {
        const b = failing(good(10));
        b.rows.push(['short']);
        const error = await failure(dest.commit(b));
        expect(error.message).toMatch(/row 11 of the batch has 1 cells for 7 columns/);
        await unchanged();
      });

      it('the connection is still usable after each failure', async () => {
        await dest.commit(batch(s, key, [{ id: 'after', n: 2 }], { state: { checkpoint: 'three', complete: false, records: 2, updatedAt: AT } }));
        expect((await dest.readRows(table)).map((r) => r.id)).toEqual(['after', 'before']);
      });
    });

    it('refuses malformed batches with InvalidArgumentError', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const key = keyOf(table);
      const ok = batch(s, key, [{ id: 'a' }]);
      const bad: unknown[] = [
        null,
        { ...ok, key: { connector: '', stream: 'x' } },
        { ...ok, table: { ...s, name: 'Bad' } },
        { ...ok, table: { ...s, columns: [...s.columns, s.columns[0]] } },
        { ...ok, rows: 'nope' },
        { ...ok, rejects: undefined },
        { ...ok, state: { ...ok.state, records: -1 } },
        { ...ok, state: { ...ok.state, updatedAt: 'yesterday' } },
        { ...ok, state: { ...ok.state, complete: 'yes' } },
        { ...ok, rejects: [{ record: '{}', error: 'e', extractedAt: new Date(Number.NaN) }] },
      ];
      for (const b of bad) {
        const error = await failure(dest.commit(b as Batch));
        expect(error).toBeInstanceOf(InvalidArgumentError);
      }
      expect(await dest.readRows(table)).toEqual([]);
    });

    it('commits 100 000 rows in one batch', { timeout: 120_000 }, async () => {
      const table = fresh('big');
      const columns: Column[] = [
        { name: 'id', type: 'text' },
        { name: 'n', type: 'bigint' },
        { name: 'x', type: 'double' },
        { name: 'flag', type: 'boolean' },
        { name: 'at', type: 'timestamp' },
        { name: 'label', type: 'text' },
      ];
      const s = spec(table, columns);
      await dest.ensureTable(s);
      const rows = Array.from({ length: 100_000 }, (_, i) => {
        const values: Record<string, Cell> = { id: `r${String(i).padStart(6, '0')}`, n: i, x: i / 4, flag: i % 2 === 0, at: new Date(AT.getTime() + i * 1000), label: `row\t${i}\n` };
        return rowOf(s.columns, values);
      });
      const started = performance.now();
      await dest.commit({ key: keyOf(table), table: s, rows, rejects: [], state: { checkpoint: 100_000, complete: true, records: 100_000, updatedAt: AT } });
      const elapsed = performance.now() - started;
      console.log(`[postgres] 100k-row commit (9 columns, _raw included): ${Math.round(elapsed)} ms`);
      expect(await q(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids, sum(n)::bigint::text AS total FROM "${schema}"."${table}"`)).toEqual([
        { n: 100_000, ids: 100_000, total: String((99_999 * 100_000) / 2) },
      ]);
      // Again, every row an update.
      await dest.commit({ key: keyOf(table), table: s, rows, rejects: [], state: { checkpoint: 100_000, complete: true, records: 100_000, updatedAt: AT } });
      expect(await q(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`)).toEqual([{ n: 100_000 }]);
      const last = await dest.readRows(table, { limit: 1 });
      expect(last[0]).toMatchObject({ id: 'r000000', n: 0, label: 'row\t0\n' });
    });
  });

  describe('reads', () => {
    it('readRows orders text keys bytewise and composite keys column by column, with a limit', async () => {
      const table = fresh();
      const columns: Column[] = [
        { name: 'a', type: 'text' },
        { name: 'b', type: 'bigint' },
      ];
      const s = spec(table, columns, ['a', 'b']);
      await dest.ensureTable(s);
      await dest.commit(batch(s, keyOf(table), [{ a: 'b', b: 2 }, { a: 'B', b: 1 }, { a: 'a', b: 10 }, { a: 'a', b: 9 }, { a: 'é', b: 1 }, { a: 'Z', b: 1 }]));
      expect((await dest.readRows(table)).map((r) => `${r.a as string}${r.b as number}`)).toEqual(['B1', 'Z1', 'a9', 'a10', 'b2', 'é1']);
      expect(await dest.readRows(table, { limit: 2 })).toHaveLength(2);
      expect(await dest.readRows(table, { limit: 0 })).toEqual([]);
      for (const limit of [-1, 1.5, Number.NaN, '3']) {
        await expect(dest.readRows(table, { limit: limit as number })).rejects.toThrow(InvalidArgumentError);
      }
      await expect(dest.readRows('No-Such')).rejects.toThrow(InvalidArgumentError);
      const missing = await failure(dest.readRows('no_such_table'));
      expect(missing).toBeInstanceOf(DestinationError);
      expect(missing.message).toMatch(/no_such_table does not exist/);
    });

    it('readState / resetState: records as a number; reset forgets the state and keeps rows and rejects', async () => {
      const table = fresh();
      const s = spec(table, BASIC);
      await dest.ensureTable(s);
      const key = keyOf(table);
      await dest.commit(batch(s, key, [{ id: 'a' }], { rejects: [{ record: '{}', error: 'e', extractedAt: AT }], state: { checkpoint: [1, 'two', { three: null }], complete: true, records: 2 ** 40, updatedAt: AT } }));
      expect(await dest.readState(key)).toEqual({ checkpoint: [1, 'two', { three: null }], complete: true, records: 2 ** 40, updatedAt: AT });
      // Another stream of the same connector is another state.
      expect(await dest.readState({ ...key, stream: `${key.stream}_other` })).toBeUndefined();
      await dest.resetState(key);
      await dest.resetState(key);
      expect(await dest.readState(key)).toBeUndefined();
      expect(await dest.readRows(table)).toHaveLength(1);
      expect(await dest.readRejects(key)).toHaveLength(1);
      await expect(dest.readState({ connector: 'x' } as StreamKey)).rejects.toThrow(InvalidArgumentError);
    });
  });

  describe('connection failures', () => {
    const SECRET = 'Wr0ng-Pa55word-zq';

    it('a wrong password is DestinationUnavailableError; the password is nowhere in it or in the label', async () => {
      const wrong = postgres(withPassword(SECRET));
      expect(wrong.label).not.toContain(SECRET);
      expect(wrong.label).toContain(':***@');
      const error = await failure(wrong.open());
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      expect(error.code).toBe('DESTINATION_UNAVAILABLE');
      expect(error.message).toMatch(/password authentication failed for user "cf"/);
      expect(error.message.startsWith(wrong.label)).toBe(true);
      expect(everything(error)).not.toContain(SECRET);
      // The same through ?password= and through a URL-encoded password.
      const viaParam = new URL(POSTGRES_URL);
      viaParam.password = '';
      viaParam.searchParams.set('password', SECRET);
      const p = postgres(viaParam.toString());
      expect(p.label).not.toContain(SECRET);
      expect(everything(await failure(p.open()))).not.toContain(SECRET);
      const odd = 'p@ss:w/rd?#%zq';
      const encoded = postgres(withPassword(odd));
      const e3 = await failure(encoded.open());
      expect(e3).toBeInstanceOf(DestinationUnavailableError);
      expect(everything(e3)).not.toContain(odd);
      expect(everything(e3)).not.toContain(encodeURIComponent(odd));
    });

    it('ssl: true against a server without TLS is DestinationUnavailableError', async () => {
      const error = await failure(postgres({ connectionString: withPassword(SECRET), ssl: true }).open());
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      expect(error.message).toMatch(/does not support SSL/);
      expect(everything(error)).not.toContain(SECRET);
    });

    it('a refused port, a missing database and a server that never answers are DestinationUnavailableError', async () => {
      const refused = await failure(postgres(`postgres://cf:${SECRET}@127.0.0.1:1/cf`).open());
      expect(refused).toBeInstanceOf(DestinationUnavailableError);
      expect(refused.message).toMatch(/ECONNREFUSED/);
      expect(everything(refused)).not.toContain(SECRET);

      const url = new URL(POSTGRES_URL);
      url.pathname = '/no_such_database';
      const noDb = await failure(postgres(url.toString()).open());
      expect(noDb).toBeInstanceOf(DestinationUnavailableError);
      expect(noDb.message).toMatch(/database "no_such_database" does not exist/);

      // Accepts the TCP connection, then says nothing.
      const sockets: Socket[] = [];
      const silent: Server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as { port: number }).port;
      try {
        const hung = await failure(postgres({ connectionString: `postgres://cf:${SECRET}@127.0.0.1:${port}/cf`, connectTimeoutMs: 300 }).open());
        expect(hung).toBeInstanceOf(DestinationUnavailableError);
        expect(hung.message).toMatch(/timeout/i);
        expect(everything(hung)).not.toContain(SECRET);
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    it('close() during a commit ends the connection at once: the commit fails and leaves nothing', async () => {
      const d = postgres({ connectionString: POSTGRES_URL, schema });
      await d.open();
      const table = fresh();
      const s = spec(table, BASIC);
      await d.ensureTable(s);
      const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: `r${i}`, n: i, label: 'x'.repeat(50) }));
      const pending = d.commit(batch(s, keyOf(table), rows));
      await new Promise((r) => setTimeout(r, 100));
      await d.close();
      const error = await failure(pending);
      expect(error).toBeInstanceOf(DestinationUnavailableError);
      expect(await q(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`)).toEqual([{ n: 0 }]);
      expect(await dest.readState(keyOf(table))).toBeUndefined();
    });

    it('a connection the server drops between calls is reopened by the next call', async () => {
      const app = `cf_drop_${process.pid}`;
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('application_name', app);
      const d = postgres({ connectionString: url.toString(), schema });
      await d.open();
      try {
        const table = fresh();
        const s = spec(table, BASIC);
        await d.ensureTable(s);
        const killed = await q<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1`, [app]);
        expect(killed).toEqual([{ ok: true }]);
        // The client sees the socket close (an 'error'/'end' event) shortly after.
        for (let i = 0; i < 50 && (await q(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, [app])).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, 20));
        await d.commit(batch(s, keyOf(table), [{ id: 'a' }]));
        expect((await d.readRows(table)).map((r) => r.id)).toEqual(['a']);
      } finally {
        await d.close();
      }
    });
  });
});
