import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Cell, Column } from '../src/destination.js';
import { DestinationError, DestinationUnavailableError, DriverMissingError, InvalidArgumentError, type LoadError } from '../src/errors.js';
import { copyTextChunks, escapeCopyText, sanitizeJsonText } from '../src/postgres/copy-text.js';
import { loadDriver } from '../src/postgres/driver.js';
import { checkName, ident } from '../src/postgres/identifiers.js';
import { postgres, PostgresDestination } from '../src/postgres/index.js';
import { redact, resolveOptions } from '../src/postgres/options.js';
import { toLoadError } from '../src/postgres/pg-errors.js';
import { upsertFromStaging } from '../src/postgres/sql.js';

// No server needed: options, names, COPY encoding, error translation, driver loading.

const SECRET = 's3cr3t-P@ss/word';
const URL_WITH_SECRET = `postgres://loader:${encodeURIComponent(SECRET)}@db.example.com:5432/warehouse`;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Everything an error can show: message, stack, cause chain, inspect output. */
function everything(error: unknown): string {
  return `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 8, showHidden: true })}`;
}

describe('postgres(): options', () => {
  it('accepts postgres:// and postgresql:// URLs, default schema public, and never connects', () => {
    const a = postgres('postgres://cf:cf@127.0.0.1:1/cf');
    expect(a).toBeInstanceOf(PostgresDestination);
    expect(a.kind).toBe('postgres');
    expect(a.schema).toBe('public');
    expect(postgres({ connectionString: 'postgresql://u@h/db', schema: 'raw' }).schema).toBe('raw');
    expect(postgres('postgres:///db?host=/var/run/postgresql').label).toBe('postgres:///db?host=/var/run/postgresql');
  });

  it('takes the schema from ?schema= and does not hand that parameter to pg', () => {
    const resolved = resolveOptions('postgres://u:p@h:5432/db?schema=landing&sslmode=disable');
    expect(resolved.schema).toBe('landing');
    expect(resolved.connectionString).toBe('postgres://u:p@h:5432/db?sslmode=disable');
    expect(resolveOptions({ connectionString: 'postgres://u@h/db?schema=landing', schema: 'explicit' }).schema).toBe('explicit');
  });

  it('labels the URL with the password replaced by ***', () => {
    expect(postgres(URL_WITH_SECRET).label).toBe('postgres://loader:***@db.example.com:5432/warehouse');
    expect(postgres('postgres://u@h:5432/db?password=hunter22&sslmode=require').label).toBe('postgres://u@h:5432/db?password=***&sslmode=require');
    expect(postgres('postgres://u@h:5432/db').label).toBe('postgres://u@h:5432/db');
    expect(postgres('postgres://u:pw1@h/db?sslpassword=keypass&sslmode=verify-full').label).toBe('postgres://u:***@h/db?sslpassword=***&sslmode=verify-full');
    expect(resolveOptions('postgres://u:pw1@h/db?sslpassword=keypass').secrets).toEqual(['keypass', 'pw1']);
  });

  it('refuses other schemes, bad URLs and bad options with InvalidArgumentError, never echoing the password', () => {
    const cases: unknown[] = [
      `mysql://loader:${SECRET}@h/db`,
      `http://loader:${SECRET}@h/db`,
      `loader:${SECRET}@h/db`,
      '',
      '   ',
      42,
      null,
      [URL_WITH_SECRET],
      { connectionString: URL_WITH_SECRET, schema: 'Bad' },
      { connectionString: URL_WITH_SECRET, schema: '1st' },
      { connectionString: URL_WITH_SECRET, schema: 'pg_catalog' },
      { connectionString: URL_WITH_SECRET, schema: 'a'.repeat(64) },
      { connectionString: URL_WITH_SECRET, schema: 'x"; DROP SCHEMA public; --' },
      `${URL_WITH_SECRET}?schema=Nope`,
      { connectionString: URL_WITH_SECRET, ssl: 'yes' },
      { connectionString: URL_WITH_SECRET, connectTimeoutMs: 0 },
      { connectionString: URL_WITH_SECRET, connectTimeoutMs: 1.5 },
      { connectionString: URL_WITH_SECRET, pool: 3 },
      { connectionString: 42 },
      `postgres://loader:${encodeURIComponent(SECRET)}@[not-a-host/db`,
    ];
    for (const input of cases) {
      let error: unknown;
      try {
        postgres(input as string);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(input)).toBeInstanceOf(InvalidArgumentError);
      expect((error as LoadError).code).toBe('INVALID_ARGUMENT');
      expect(everything(error)).not.toContain(SECRET);
      expect(everything(error)).not.toContain(encodeURIComponent(SECRET));
    }
    expect((thrown(() => postgres(`mysql://u:${SECRET}@h/db`)) as Error).message).toMatch(/postgres:\/\/ or postgresql:\/\/ URL, got mysql:…/);
    expect(schemaOk('a'.repeat(63))).toBe(true);
  });
});

function schemaOk(schema: string): boolean {
  return resolveOptions({ connectionString: 'postgres://h/db', schema }).schema === schema;
}

describe('identifiers', () => {
  it('quotes checked names and refuses anything else', () => {
    expect(ident('order')).toBe('"order"');
    expect(checkName('a'.repeat(63), 'column')).toHaveLength(63);
    for (const bad of ['', 'A', 'a-b', '1a', 'a b', 'é', 'a"b', 'a'.repeat(64), 'x;drop']) {
      expect(() => ident(bad), bad).toThrow(InvalidArgumentError);
    }
  });

  it('builds the upsert with every non-key column, DO NOTHING when only keys, a plain insert without a key', () => {
    const cols: Column[] = [
      { name: 'id', type: 'text' },
      { name: 'order', type: 'bigint' },
    ];
    expect(upsertFromStaging('s', 't', cols, ['id'])).toContain('ON CONFLICT ("id") DO UPDATE SET "order" = EXCLUDED."order"');
    expect(upsertFromStaging('s', 't', cols, ['id', 'order'])).toContain('ON CONFLICT ("id", "order") DO NOTHING');
    expect(upsertFromStaging('s', 't', cols, [])).not.toContain('ON CONFLICT');
  });
});

describe('COPY text encoding', () => {
  it('escapes backslash, tab, newline and carriage return, and drops NUL', () => {
    expect(escapeCopyText('plain Zürich 🚀')).toBe('plain Zürich 🚀');
    expect(escapeCopyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(escapeCopyText('\\N')).toBe('\\\\N');
    expect(escapeCopyText('\\.')).toBe('\\\\.');
    expect(escapeCopyText('nul\u0000here\u0000')).toBe('nulhere');
  });

  it('removes \\u0000 escapes from JSON text, leaves an escaped backslash before u0000 alone, fixes lone surrogates', () => {
    expect(sanitizeJsonText(JSON.stringify({ s: 'a\u0000b' }))).toBe('{"s":"ab"}');
    // The six characters \u0000 (an escaped backslash, then u0000) are text, not NUL.
    const literal = JSON.stringify({ s: '\\u0000' });
    expect(sanitizeJsonText(literal)).toBe(literal);
    expect(JSON.parse(sanitizeJsonText(JSON.stringify({ s: '\\\u0000' })))).toEqual({ s: '\\' });
    expect(sanitizeJsonText(JSON.stringify({ s: '🚀' }))).toBe('{"s":"🚀"}');
    expect(sanitizeJsonText('{"s":"\\ud83d\\ude80"}')).toBe('{"s":"\\ud83d\\ude80"}');
    expect(sanitizeJsonText(JSON.stringify({ s: 'x\ud83dy' }))).toBe('{"s":"x\\ufffdy"}');
    expect(sanitizeJsonText(JSON.stringify({ s: '\ude80' }))).toBe('{"s":"\\ufffd"}');
    expect(sanitizeJsonText('{"s":"\\u00e9\\n"}')).toBe('{"s":"\\u00e9\\n"}');
  });

  const columns: Column[] = [
    { name: 't', type: 'text' },
    { name: 'n', type: 'bigint' },
    { name: 'x', type: 'double' },
    { name: 'b', type: 'boolean' },
    { name: 'at', type: 'timestamp' },
    { name: 'doc', type: 'json' },
  ];

  it('encodes each type, null as \\N', () => {
    const rows: Cell[][] = [
      ['a\tb', 1, 0.5, true, new Date('2026-01-02T03:04:05.678Z'), '{"k":"v\\n"}'],
      [null, null, null, null, null, null],
      ['', -7, Number.NaN, false, new Date(0), 'null'],
      ['', 0, Infinity, false, new Date(0), '[]'],
      ['', 0, -Infinity, false, new Date(0), '1'],
    ];
    const text = [...copyTextChunks('L', columns, rows)].join('');
    expect(text.split('\n')).toEqual([
      'a\\tb\t1\t0.5\ttrue\t2026-01-02T03:04:05.678Z\t{"k":"v\\\\n"}',
      '\\N\t\\N\t\\N\t\\N\t\\N\t\\N',
      '\t-7\tNaN\tfalse\t1970-01-01T00:00:00.000Z\tnull',
      '\t0\tInfinity\tfalse\t1970-01-01T00:00:00.000Z\t[]',
      '\t0\t-Infinity\tfalse\t1970-01-01T00:00:00.000Z\t1',
      '',
    ]);
  });

  it('streams in chunks of 1000 rows', () => {
    const rows: Cell[][] = Array.from({ length: 2500 }, (_, i) => [`r${i}`, i, null, null, null, null]);
    const chunks = [...copyTextChunks('L', columns, rows)];
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([1000, 1000, 500]);
  });

  it('names the row and column of a cell it cannot encode, never the value', () => {
    const secretDate = new Date('not a date');
    const bad: Cell[][] = [
      ['ok', 1, 1, true, new Date(), '{}'],
      ['private value', 2, 2, true, secretDate, '{}'],
    ];
    const error = thrown(() => [...copyTextChunks('L', columns, bad)]);
    expect(error).toBeInstanceOf(DestinationError);
    expect((error as Error).message).toBe('L: row 2 of the batch, column at: cannot store an invalid Date.');
    const object = thrown(() => [...copyTextChunks('L', columns, [['x', 1, 1, true, null, { a: 1 } as unknown as Cell]])]);
    expect((object as Error).message).toMatch(/row 1 of the batch, column doc: cannot store a object/);
    const short = thrown(() => [...copyTextChunks('L', columns, [['x']])]);
    expect((short as Error).message).toBe('L: row 1 of the batch has 1 cells for 6 columns.');
  });
});

describe('errors from pg', () => {
  const secrets = resolveOptions(URL_WITH_SECRET).secrets;
  const label = 'postgres://loader:***@db.example.com:5432/warehouse';

  it('redacts URLs, password= values and the password itself', () => {
    expect(redact(`failed for ${URL_WITH_SECRET}/x`, secrets)).toBe('failed for postgres://loader:***@db.example.com:5432/warehouse/x');
    expect(redact(`host=h password=${SECRET} user=u`, secrets)).toBe('host=h password=*** user=u');
    expect(redact(`password='a b' and "${SECRET}"`, secrets)).toBe(`password=*** and "***"`);
    // A password shorter than three characters is only hidden where it is a password (URL, password=).
    expect(redact('user "cf" in postgres://cf:cf@h/cf', ['cf'])).toBe('user "cf" in postgres://cf:***@h/cf');
  });

  it('classifies: refused, reset, timeouts, authentication, missing database → unavailable; statements → DestinationError', () => {
    const unavailable = [
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:5432 ${URL_WITH_SECRET}`), { code: 'ECONNREFUSED' }),
      Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      Object.assign(new Error('password authentication failed for user "loader"'), { code: '28P01', severity: 'FATAL' }),
      Object.assign(new Error('database "nope" does not exist'), { code: '3D000' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ];
    for (const e of unavailable) {
      const error = toLoadError(e, label, secrets, 'commit of a/b');
      expect(error, e.message).toBeInstanceOf(DestinationUnavailableError);
      expect(error.message.startsWith(`${label} is unavailable: commit of a/b failed: `)).toBe(true);
      expect(everything(error)).not.toContain(SECRET);
      expect(everything(error)).not.toContain(encodeURIComponent(SECRET));
    }
    expect(toLoadError(unavailable[1], label, secrets, 'connecting').message).toContain('connect ECONNREFUSED ::1:5432');
    const statement = toLoadError(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }), label, secrets, 'reading rows');
    expect(statement).toBeInstanceOf(DestinationError);
    expect(statement.message).toBe(`${label}: reading rows failed: relation "x" does not exist [SQLSTATE 42P01]`);
    // While connecting, anything is "unavailable".
    expect(toLoadError(new Error('self-signed certificate'), label, secrets, 'connecting', true)).toBeInstanceOf(DestinationUnavailableError);
    // LoadErrors pass through unchanged.
    const own = new InvalidArgumentError('x');
    expect(toLoadError(own, label, secrets, 'y')).toBe(own);
  });

  it('keeps row values out of data errors: no quoted value, no detail, the COPY row and column instead', () => {
    const copyError = Object.assign(new Error('invalid input syntax for type bigint: "4111 1111 1111 1111"'), {
      code: '22P02',
      where: 'COPY _cf_staging, line 51, column n: "4111 1111 1111 1111"',
      detail: 'private',
    });
    const error = toLoadError(copyError, label, secrets, 'commit');
    expect(error.message).toBe(`${label}: commit failed: invalid input syntax for type bigint: "…" (row 51 of the batch, column n) [SQLSTATE 22P02]`);
    expect(everything(error)).not.toContain('4111');
    expect(everything(error)).not.toContain('private');
    const duplicate = toLoadError(
      Object.assign(new Error('ON CONFLICT DO UPDATE command cannot affect row a second time'), { code: '21000', hint: 'Ensure that no rows proposed for insertion within the same command have duplicate constrained values.' }),
      label,
      secrets,
      'commit',
    );
    expect(duplicate.message).toMatch(/two rows of the batch have the same primary key/);
    const unique = toLoadError(Object.assign(new Error('duplicate key value violates unique constraint "t_pkey"'), { code: '23505', detail: 'Key (id)=(alice@example.com) already exists.' }), label, secrets, 'c');
    expect(everything(unique)).not.toContain('alice@example.com');
    expect((unique.cause as { constraint?: string; code?: string }).code).toBe('23505');
  });
});

describe('driver loading', () => {
  const missing = (name: string) => Object.assign(new Error(`Cannot find package '${name}' imported from /app/x.js`), { code: 'ERR_MODULE_NOT_FOUND' });

  it('says what to install when pg or pg-copy-streams is missing', async () => {
    const ok = async () => ({ Client: class {}, from: () => undefined });
    const noPg = await loadDriver({ pg: () => Promise.reject(missing('pg')), copyStreams: ok }).catch((e: unknown) => e);
    expect(noPg).toBeInstanceOf(DriverMissingError);
    expect((noPg as LoadError).code).toBe('DRIVER_MISSING');
    expect((noPg as Error).message).toBe('postgres() needs the "pg" package: npm install pg');
    const noCopy = await loadDriver({ pg: ok, copyStreams: () => Promise.reject(missing('pg-copy-streams')) }).catch((e: unknown) => e);
    expect((noCopy as Error).message).toBe('postgres() needs the "pg-copy-streams" package: npm install pg-copy-streams');
    const cjs = Object.assign(new Error("Cannot find module 'pg'"), { code: 'MODULE_NOT_FOUND' });
    expect(await loadDriver({ pg: () => Promise.reject(cjs), copyStreams: ok }).catch((e: unknown) => e)).toBeInstanceOf(DriverMissingError);
  });

  it('rethrows other import failures, and finds exports on the namespace or its default', async () => {
    const boom = new Error('syntax error in pg');
    expect(await loadDriver({ pg: () => Promise.reject(boom), copyStreams: async () => ({}) }).catch((e: unknown) => e)).toBe(boom);
    class Client {}
    const from = () => undefined;
    const driver = await loadDriver({ pg: async () => ({ default: { Client } }), copyStreams: async () => ({ from }) });
    expect(driver.Client).toBe(Client);
    expect(driver.copyFrom).toBe(from);
    // The real packages load.
    const real = await loadDriver();
    expect(typeof real.Client).toBe('function');
    expect(typeof real.copyFrom).toBe('function');
  });
});
