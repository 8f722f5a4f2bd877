import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ClickHouseDestination, clickhouse } from '../src/clickhouse/index.js';
import { cellDecoder, cellEncoder, clickhouseTypeFor, columnTypeOf, formatDateTime64 } from '../src/clickhouse/column-types.js';
import { parseServerError, redactSecrets, toLoadError } from '../src/clickhouse/classify-error.js';
import { loadDriver } from '../src/clickhouse/driver.js';
import { ident, literal } from '../src/clickhouse/identifiers.js';
import { rejectId } from '../src/clickhouse/internal-tables.js';
import { resolveOptions } from '../src/clickhouse/options.js';
import { addColumnsSql, commentColumnsSql, createTableSql, sortingKeyColumns } from '../src/clickhouse/table-schema.js';
import { VersionClock } from '../src/clickhouse/version-clock.js';
import { BOOKKEEPING_COLUMNS } from '../src/destination.js';
import { DestinationError, DestinationUnavailableError, DriverMissingError, InvalidArgumentError } from '../src/errors.js';

// Offline: no server needed.

const SECRET = 's3cr3t-P@ss:w/rd';

describe('clickhouse() options', () => {
  it('maps clickhouse:// to HTTP on 8123 and clickhouses:// to HTTPS on 8443', () => {
    expect(resolveOptions('clickhouse://alice:pw@db.example:9999/analytics')).toMatchObject({
      origin: 'http://db.example:9999',
      database: 'analytics',
      username: 'alice',
      password: 'pw',
      label: 'ClickHouse http://alice@db.example:9999/analytics',
    });
    expect(resolveOptions('clickhouse://db.example')).toMatchObject({ origin: 'http://db.example:8123', database: 'default', username: 'default', password: '' });
    expect(resolveOptions('clickhouses://u@db.example/x')).toMatchObject({ origin: 'https://db.example:8443', database: 'x', username: 'u' });
  });

  it('takes http(s):// URLs as written (their own default ports)', () => {
    expect(resolveOptions('http://127.0.0.1:18123')).toMatchObject({ origin: 'http://127.0.0.1:18123', database: 'default' });
    expect(resolveOptions('https://ch.example/Prod_DB')).toMatchObject({ origin: 'https://ch.example', database: 'Prod_DB' });
    expect(resolveOptions('http://[::1]:8123/db').origin).toBe('http://[::1]:8123');
  });

  it('percent-decodes the user and password; explicit options win over the URL', () => {
    const o = resolveOptions(`clickhouse://bob%40corp:${encodeURIComponent(SECRET)}@h:1/d`);
    expect(o).toMatchObject({ username: 'bob@corp', password: SECRET });
    expect(resolveOptions({ url: 'clickhouse://a:b@h/d1', database: 'd2', username: 'c', password: 'e' })).toMatchObject({ database: 'd2', username: 'c', password: 'e' });
  });

  it('never puts the password in the label', () => {
    const d = clickhouse(`clickhouse://bob:${encodeURIComponent(SECRET)}@h:1/d`);
    expect(d.kind).toBe('clickhouse');
    expect(d.label).toBe('ClickHouse http://bob@h:1/d');
    expect(d.label).not.toContain(SECRET);
    expect(clickhouse({ url: 'http://h:1', password: SECRET }).label).not.toContain(SECRET);
  });

  it.each([
    [undefined, /expected a URL/],
    [42, /expected a URL/],
    [{ url: '' }, /non-empty/],
    [{ url: 'http://h', nope: 1 }, /unknown option "nope"/],
    ['not a url', /is not a URL/],
    ['postgres://h/db', /unsupported scheme "postgres"/],
    ['http://h/a/b', /one segment/],
    ['http://h/db?secure=1', /no query string/],
    ['http://h/bad-name', /database must be/],
    [{ url: 'http://h', database: '1x' }, /database must be/],
    [{ url: 'http://h', username: '' }, /username/],
    [{ url: 'http://h', password: 5 }, /password must be a string/],
  ])('refuses %j', (input, message) => {
    expect(() => clickhouse(input as never)).toThrow(InvalidArgumentError);
    expect(() => clickhouse(input as never)).toThrow(message);
  });

  it('refuses a bad URL without echoing its password', () => {
    let error: unknown;
    try {
      clickhouse(`mysql://u:${SECRET}@h/db`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(inspect(error, { depth: 5 })).not.toContain(SECRET);
    expect(() => clickhouse({ url: 'http://h', password: `a\nb` })).toThrow(InvalidArgumentError);
  });
});

describe('clickhouse driver loading', () => {
  it('a missing @clickhouse/client is a DriverMissingError', async () => {
    const missing = Object.assign(new Error("Cannot find package '@clickhouse/client' imported from x"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadDriver(() => Promise.reject(missing))).rejects.toBeInstanceOf(DriverMissingError);
    const d = new ClickHouseDestination('http://127.0.0.1:1', { importDriver: () => Promise.reject(missing) });
    await expect(d.open()).rejects.toMatchObject({ code: 'DRIVER_MISSING', message: expect.stringContaining('npm install @clickhouse/client') });
  });

  it('other import failures pass through', async () => {
    await expect(loadDriver(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('methods before open() fail with a DestinationError; close() without open is fine', async () => {
    const d = clickhouse('http://127.0.0.1:1');
    await expect(d.readState({ connector: 'c', stream: 's' })).rejects.toBeInstanceOf(DestinationError);
    await expect(d.readRows('t')).rejects.toBeInstanceOf(DestinationError);
    await d.close();
    await d.close();
  });
});

describe('clickhouse column types', () => {
  it('maps the planner types (timestamps by server capability, JSON by comment)', () => {
    const old = { dateTime64: false };
    const modern = { dateTime64: true };
    expect(clickhouseTypeFor('text', old, true)).toEqual({ type: 'Nullable(String)' });
    expect(clickhouseTypeFor('bigint', old, false)).toEqual({ type: 'Int64' });
    expect(clickhouseTypeFor('double', old, true)).toEqual({ type: 'Nullable(Float64)' });
    expect(clickhouseTypeFor('boolean', old, true)).toEqual({ type: 'Nullable(UInt8)' });
    expect(clickhouseTypeFor('timestamp', old, true)).toEqual({ type: 'Nullable(Decimal64(3))' });
    expect(clickhouseTypeFor('timestamp', modern, true)).toEqual({ type: "Nullable(DateTime64(3, 'UTC'))" });
    expect(clickhouseTypeFor('json', old, true)).toEqual({ type: 'Nullable(String)', comment: 'json' });
  });

  it('reads column types back from what DESCRIBE prints', () => {
    expect(columnTypeOf('Nullable(String)', 'json')).toBe('json');
    expect(columnTypeOf('Nullable(String)', '')).toBe('text');
    expect(columnTypeOf('LowCardinality(Nullable(String))', '')).toBe('text');
    expect(columnTypeOf('Int64', '')).toBe('bigint');
    expect(columnTypeOf('Nullable(Float64)', '')).toBe('double');
    expect(columnTypeOf('Nullable(UInt8)', '')).toBe('boolean');
    expect(columnTypeOf('Nullable(Decimal(18, 3))', '')).toBe('timestamp');
    expect(columnTypeOf("DateTime64(3, 'UTC')", '')).toBe('timestamp');
    expect(columnTypeOf('Decimal(10, 2)', '')).toBe('double');
    expect(columnTypeOf('Array(String)', '')).toBe('text');
  });

  it('encodes timestamps losslessly for Decimal64(3) and DateTime64(3)', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    expect(cellEncoder('timestamp', 'Nullable(Decimal(18, 3))')(at)).toEqual({ value: 1772600767.089 });
    expect(JSON.stringify(1772600767.089)).toBe('1772600767.089');
    expect(cellEncoder('timestamp', "Nullable(DateTime64(3, 'UTC'))")(at)).toEqual({ value: '2026-03-04 05:06:07.089' });
    expect(formatDateTime64(new Date('1970-01-01T00:00:00.000Z'))).toBe('1970-01-01 00:00:00.000');
    const before1970 = new Date('1969-12-31T23:59:58.999Z');
    const decimal = cellEncoder('timestamp', 'Decimal(18, 3)')(before1970) as { value: number };
    expect(cellDecoder('timestamp', 'Decimal(18, 3)')(decimal.value)).toEqual(before1970);
    // Every millisecond of a day survives the double.
    const encode = cellEncoder('timestamp', 'Decimal(18, 3)');
    const decode = cellDecoder('timestamp', 'Decimal(18, 3)');
    const lost: number[] = [];
    for (let ms = 0; ms < 86_400_000; ms += 997) {
      const d = new Date(Date.UTC(2026, 0, 1) + ms);
      const text = JSON.stringify((encode(d) as { value: number }).value);
      if (!/^\d+(\.\d{1,3})?$/.test(text) || (decode(JSON.parse(text)) as Date).getTime() !== d.getTime()) lost.push(ms);
    }
    expect(lost).toEqual([]);
    expect(cellDecoder('timestamp', "DateTime64(3, 'UTC')")('2026-03-04 05:06:07.089')).toEqual(at);
  });

  it('refuses cells of another type, with the reason', () => {
    expect(cellEncoder('bigint', 'Int64')('x')).toMatch(/safe integer, got string/);
    expect(cellEncoder('bigint', 'Int64')(1.5)).toMatch(/safe integer/);
    expect(cellEncoder('boolean', 'UInt8')(1)).toMatch(/boolean/);
    expect(cellEncoder('timestamp', 'Decimal(18, 3)')(new Date(Number.NaN))).toMatch(/invalid Date/);
    expect(cellEncoder('text', 'String')(3)).toMatch(/string/);
    expect(cellEncoder('double', 'Float64')(Number.NaN)).toEqual({ value: null });
    expect(cellEncoder('boolean', 'UInt8')(true)).toEqual({ value: 1 });
  });

  it('decodes Int64 (quoted by the server) as a number when safe, else as the exact string', () => {
    const decode = cellDecoder('bigint', 'Int64');
    expect(decode('9007199254740991')).toBe(9007199254740991);
    expect(decode('-42')).toBe(-42);
    expect(decode('9223372036854775807')).toBe('9223372036854775807');
    expect(cellDecoder('boolean', 'UInt8')(0)).toBe(false);
    expect(cellDecoder('json', 'String')('{"a":[1]}')).toEqual({ a: [1] });
    expect(cellDecoder('json', 'String')('not json')).toBe('not json');
  });
});

describe('clickhouse SQL building', () => {
  it('quotes identifiers and escapes literals', () => {
    expect(ident('a_b')).toBe('`a_b`');
    expect(ident('x`y')).toBe('`x\\`y`');
    expect(literal("o'brien\\ \n\t\r\u0000")).toBe("'o\\'brien\\\\ \\n\\t\\r\\0'");
  });

  it('creates a ReplacingMergeTree ordered by the key, key columns not nullable', () => {
    const sql = createTableSql('db', { name: 't', primaryKey: ['day', 'code'], columns: [{ name: 'day', type: 'text' }, { name: 'code', type: 'text' }, { name: 'x', type: 'double' }, ...BOOKKEEPING_COLUMNS] }, { dateTime64: false });
    expect(sql).toBe(
      'CREATE TABLE IF NOT EXISTS `db`.`t` (`day` String, `code` String, `x` Nullable(Float64), `_raw` Nullable(String) COMMENT \'json\', ' +
        '`_extracted_at` Nullable(Decimal64(3)), `_deleted` Nullable(UInt8), `_version` UInt64) ENGINE = ReplacingMergeTree(`_version`) ORDER BY (`day`, `code`)',
    );
    expect(addColumnsSql('db', 't', [{ name: 'a', type: 'json' }, { name: 'b', type: 'bigint' }], { dateTime64: false })).toBe(
      "ALTER TABLE `db`.`t` ADD COLUMN `a` Nullable(String) COMMENT 'json', ADD COLUMN `b` Nullable(Int64)",
    );
    expect(commentColumnsSql('db', 't', [{ name: 'a', comment: 'json' }])).toBe("ALTER TABLE `db`.`t` COMMENT COLUMN `a` 'json'");
    expect(sortingKeyColumns('day, code')).toEqual(['day', 'code']);
    expect(sortingKeyColumns('id')).toEqual(['id']);
  });

  it('identifies a reject by its record and error only', () => {
    expect(rejectId('{"a":1}', 'e')).toBe(rejectId('{"a":1}', 'e'));
    expect(rejectId('{"a":1}', 'e')).not.toBe(rejectId('{"a":1}', 'f'));
    // No separator ambiguity.
    expect(rejectId('ab', 'c')).not.toBe(rejectId('a', 'bc'));
  });
});

describe('clickhouse _version clock', () => {
  it('strictly increases within a millisecond and when the wall clock goes back', () => {
    let now = 1_000_000;
    const clock = new VersionClock(() => now);
    const a = clock.next();
    const b = clock.next();
    now -= 5_000;
    const c = clock.next();
    expect(a).toBe(1_000_000_000);
    expect(b).toBe(a + 1);
    expect(c).toBe(b + 1);
    now += 10_000;
    expect(clock.next()).toBe(1_005_000_000);
  });

  it('stays above a version it observed (a stored one from a faster clock)', () => {
    const clock = new VersionClock(() => 1_000);
    clock.observe('5000000000');
    expect(clock.next()).toBe(5_000_000_001);
    clock.observe(10);
    expect(clock.next()).toBe(5_000_000_002);
    expect(Number.isSafeInteger(new VersionClock().next())).toBe(true);
  });
});

describe('clickhouse errors', () => {
  it('reads 18.16 and newer error formats', () => {
    expect(parseServerError("Code: 60, e.displayText() = DB::Exception: Table db.t doesn't exist., e.what() = DB::Exception\n")).toEqual({ code: 60, text: "Table db.t doesn't exist." });
    expect(parseServerError("Code: 60. DB::Exception: Table db.t doesn't exist. (UNKNOWN_TABLE) (version 23.8.1.1)")).toEqual({ code: 60, text: "Table db.t doesn't exist. (UNKNOWN_TABLE)" });
    expect(parseServerError('connect ECONNREFUSED')).toBeUndefined();
  });

  it('classifies: credentials and network → unavailable, statements → DestinationError; no secret anywhere', () => {
    const auth = toLoadError(new Error(`Code: 193, e.displayText() = DB::Exception: Wrong password ${SECRET}, e.what() = DB::Exception`), 'L', 'connecting', [SECRET]);
    expect(auth).toBeInstanceOf(DestinationUnavailableError);
    expect(inspect(auth, { depth: 10 })).not.toContain(SECRET);
    expect(auth.message).toContain('***');
    const refused = toLoadError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'L', 'connecting', [SECRET]);
    expect(refused).toBeInstanceOf(DestinationUnavailableError);
    expect(toLoadError(new Error('Timeout error.'), 'L', 'x', [])).toBeInstanceOf(DestinationUnavailableError);
    const statement = toLoadError(new Error('Code: 62, e.displayText() = DB::Exception: Syntax error, e.what() = DB::Exception'), 'L', 'creating table t', []);
    expect(statement).toBeInstanceOf(DestinationError);
    expect(statement.message).toBe('L: creating table t: Syntax error (ClickHouse error 62)');
    expect(redactSecrets(`a ${encodeURIComponent(SECRET)} b ${SECRET}`, [SECRET])).toBe('a *** b ***');
  });
});
