import { describe, expect, it } from 'vitest';
import { DuckDBDestination, duckdb } from '../src/duckdb/index.js';
import { columnTypeOf, sqlType, stagingSqlType } from '../src/duckdb/column-types.js';
import { loadDriver, openFailure, type DuckDBApi } from '../src/duckdb/driver.js';
import { checkName, ident } from '../src/duckdb/identifiers.js';
import { plainRow } from '../src/duckdb/read-values.js';
import { DestinationUnavailableError, DriverMissingError, InvalidArgumentError } from '../src/errors.js';

describe('duckdb(): options', () => {
  it('defaults to ./cf.duckdb in the main schema', () => {
    const d = duckdb();
    expect(d).toBeInstanceOf(DuckDBDestination);
    expect(d).toMatchObject({ kind: 'duckdb', path: './cf.duckdb', schema: 'main', label: 'DuckDB ./cf.duckdb' });
  });

  it('takes a path, :memory:, or { path, schema }', () => {
    expect(duckdb('data/crm.duckdb')).toMatchObject({ path: 'data/crm.duckdb', schema: 'main' });
    expect(duckdb(':memory:')).toMatchObject({ path: ':memory:', label: 'DuckDB :memory:' });
    expect(duckdb({ schema: 'raw' })).toMatchObject({ path: './cf.duckdb', schema: 'raw', label: 'DuckDB ./cf.duckdb (schema raw)' });
    expect(duckdb({ path: 'x.duckdb', schema: '_raw_2' })).toMatchObject({ path: 'x.duckdb', schema: '_raw_2' });
  });

  it.each([
    ['an empty path', ''],
    ['a blank path', '   '],
    ['an empty path option', { path: '' }],
    ['a path that is not a string', { path: 42 }],
    ['a NUL in the path', 'a\0b.duckdb'],
    ['an uppercase schema', { schema: 'Raw' }],
    ['a schema starting with a digit', { schema: '1raw' }],
    ['a schema with a dash', { schema: 'raw-data' }],
    ['a schema with a quote', { schema: 'raw"; DROP TABLE x; --' }],
    ['an empty schema', { schema: '' }],
    ['an unknown option', { path: 'x.duckdb', shema: 'raw' }],
    ['null', null],
    ['a number', 42],
    ['an array', ['x.duckdb']],
  ])('refuses %s with an InvalidArgumentError', (_, input) => {
    expect(() => duckdb(input as never)).toThrow(InvalidArgumentError);
  });

  it('says what is wrong', () => {
    expect(() => duckdb('')).toThrow(/path must be a non-empty string/);
    expect(() => duckdb({ schema: 'Raw' })).toThrow(/schema must be lowercase letters.*"Raw"/);
    expect(() => duckdb({ shema: 'raw' } as never)).toThrow(/unknown option "shema"/);
  });

  it('keeps a token in the path out of the label', () => {
    const d = duckdb('md:crm?motherduck_token=sekrit123');
    expect(d.label).not.toContain('sekrit123');
    expect(d.label).toContain('motherduck_token=***');
  });
});

describe('identifiers', () => {
  it('quotes checked names, keywords included', () => {
    expect(ident('order')).toBe('"order"');
    expect(ident('_raw')).toBe('"_raw"');
    expect(ident('a'.repeat(63))).toBe(`"${'a'.repeat(63)}"`);
  });

  it.each(['', 'Users', '1st', 'a b', 'a-b', 'x"; DROP TABLE t; --', 'é', 'a'.repeat(64)])('refuses %j', (name) => {
    expect(() => checkName(name, 'column')).toThrow(InvalidArgumentError);
  });

  it('refuses non-strings', () => {
    expect(() => checkName(undefined, 'table')).toThrow(/Invalid table name undefined/);
  });
});

describe('column types', () => {
  it('maps each column type to DuckDB and back', () => {
    const types = ['text', 'bigint', 'double', 'boolean', 'timestamp', 'json'] as const;
    expect(types.map((t) => sqlType(t))).toEqual(['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'TIMESTAMPTZ', 'JSON']);
    expect(['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'TIMESTAMP WITH TIME ZONE', 'JSON'].map(columnTypeOf)).toEqual(types);
  });

  it('stages JSON as text, so the upsert cast validates it', () => {
    expect(stagingSqlType('json')).toBe('VARCHAR');
    expect(stagingSqlType('timestamp')).toBe('TIMESTAMPTZ');
  });

  it('maps columns altered by hand to the nearest type', () => {
    expect(['INTEGER', 'HUGEINT', 'DECIMAL(18,3)', 'FLOAT', 'TIMESTAMP', 'DATE', 'UUID'].map(columnTypeOf)).toEqual([
      'bigint',
      'bigint',
      'double',
      'double',
      'timestamp',
      'text',
      'text',
    ]);
  });

  it('refuses an unknown type', () => {
    expect(() => sqlType('money' as never)).toThrow(InvalidArgumentError);
  });
});

describe('driver', () => {
  it('a missing @duckdb/node-api is a DriverMissingError that says what to install', async () => {
    const missing = Object.assign(new Error("Cannot find package '@duckdb/node-api' imported from /app/x.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadDriver(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverMissingError);
    expect(error).toMatchObject({ code: 'DRIVER_MISSING', message: expect.stringContaining('npm install @duckdb/node-api') });
  });

  it('so is a missing native binding', async () => {
    const missing = Object.assign(new Error("Cannot find module '@duckdb/node-bindings-linux-x64/duckdb.node'"), { code: 'MODULE_NOT_FOUND' });
    await expect(loadDriver(() => Promise.reject(missing))).rejects.toBeInstanceOf(DriverMissingError);
  });

  it('other import failures pass through', async () => {
    const other = new Error('boom');
    await expect(loadDriver(() => Promise.reject(other))).rejects.toBe(other);
  });

  it('loads the installed driver', async () => {
    const api: DuckDBApi = await loadDriver();
    expect(typeof api.DuckDBInstance.create).toBe('function');
  });

  it('explains a lock held by another process, without the driver jargon', () => {
    const error = openFailure(
      'DuckDB x.duckdb',
      new Error('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242). See also https://duckdb.org/docs'),
    );
    expect(error).toBeInstanceOf(DestinationUnavailableError);
    expect(error.message).toMatch(/^DuckDB x\.duckdb is unavailable: another process \(PID 4242, \/usr\/bin\/node\) has the file open\. DuckDB allows one writer process per file/);
  });

  it('redacts a token the driver message repeats', () => {
    const error = openFailure('DuckDB md:crm?motherduck_token=***', new Error('IO Error: could not open md:crm?motherduck_token=sekrit123'));
    expect(error.message).not.toContain('sekrit123');
    expect(String((error.cause as Error).message)).not.toContain('sekrit123');
  });
});

describe('plainRow', () => {
  const columns = [
    { name: 'n', type: 'bigint', dataType: 'BIGINT' },
    { name: 'doc', type: 'json', dataType: 'JSON' },
    { name: 'at', type: 'timestamp', dataType: 'TIMESTAMP WITH TIME ZONE' },
  ] as const;

  it('parses JSON, keeps Dates, and gives safe 64-bit integers as numbers', () => {
    const at = new Date();
    expect(plainRow({ n: 42n, doc: '{"a":[1]}', at }, columns)).toEqual({ n: 42, doc: { a: [1] }, at });
    expect(plainRow({ n: null, doc: null, at: null }, columns)).toEqual({ n: null, doc: null, at: null });
  });

  it('keeps a bigint beyond the safe range rather than rounding it', () => {
    expect(plainRow({ n: 9007199254740993n, doc: '1', at: null }, columns).n).toBe(9007199254740993n);
    expect(plainRow({ n: -9007199254740991n, doc: '1', at: null }, columns).n).toBe(-9007199254740991);
  });
});
