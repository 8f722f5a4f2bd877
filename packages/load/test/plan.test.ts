import * as z from '@cf/core/zod';
import { describe, expect, it } from 'vitest';
import { streamJsonSchema } from '../src/catalog.js';
import { columnName, fitIdentifier, isIdentifier, normalizeSegment, tableName } from '../src/plan/column-name.js';
import { SchemaHints } from '../src/plan/schema-hints.js';
import { TablePlan, toCell } from '../src/plan/table-plan.js';

describe('column names', () => {
  it('normalizes field names to snake_case identifiers', () => {
    expect(normalizeSegment('createdAt')).toBe('created_at');
    expect(normalizeSegment('hs_object_id')).toBe('hs_object_id');
    expect(normalizeSegment('HTTPStatus')).toBe('http_status');
    expect(normalizeSegment('2fa')).toBe('_2fa');
    expect(normalizeSegment('e-mail address')).toBe('e_mail_address');
    expect(normalizeSegment('a__b')).toBe('a_b');
    expect(normalizeSegment('')).toBe('_');
    // GitHub's reactions: `+1` and `-1` must not share a column (the second would be left in _raw).
    expect(normalizeSegment('+1')).toBe('plus_1');
    expect(normalizeSegment('-1')).toBe('minus_1');
    expect(columnName(['reactions', '+1'])).not.toBe(columnName(['reactions', '-1']));
    expect(normalizeSegment('utc-5')).toBe('utc_5');
    expect(normalizeSegment('gmt+2')).toBe('gmt_2');
    expect(normalizeSegment('line-items')).toBe('line_items');
    expect(columnName(['properties', 'firstName'])).toBe('properties__first_name');
    expect(tableName('connector-x', 'line_items')).toBe('connector_x_line_items');
    expect(tableName('hubspot', 'contacts', 'raw_')).toBe('raw_hubspot_contacts');
  });

  it('fits long names into 63 bytes with a hash, keeping two long names apart', () => {
    const a = columnName(['x'.repeat(40), 'y'.repeat(40)]);
    const b = columnName(['x'.repeat(40), 'z'.repeat(40)]);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    expect(isIdentifier(a)).toBe(true);
    expect(fitIdentifier('short')).toBe('short');
  });
});

describe('schema hints from a zod schema', () => {
  const schema = z.object({
    id: z.string(),
    count: z.int(),
    price: z.number(),
    flag: z.nullable(z.boolean()),
    at: z.iso.datetime(),
    kind: z.enum(['a', 'b']),
    tags: z.array(z.string()),
    properties: z.record(z.string(), z.nullable(z.string())),
    address: z.object({ city: z.string(), geo: z.object({ lat: z.number() }) }),
    any: z.union([z.string(), z.number()]),
  });
  const hints = new SchemaHints(streamJsonSchema({ schema: () => schema }), 2);

  it('maps declared types to column types', () => {
    expect(hints.hint(['id'])).toBe('text');
    expect(hints.hint(['count'])).toBe('bigint');
    expect(hints.hint(['price'])).toBe('double');
    expect(hints.hint(['flag'])).toBe('boolean');
    expect(hints.hint(['at'])).toBe('timestamp');
    expect(hints.hint(['kind'])).toBe('text');
    expect(hints.hint(['tags'])).toBe('json');
    expect(hints.hint(['any'])).toBe('json');
    expect(hints.hint(['address', 'city'])).toBe('text');
    // At the nesting limit an object is one JSON column.
    expect(hints.hint(['address', 'geo'])).toBe('json');
    // A record's additionalProperties types every key.
    expect(hints.hint(['properties', 'email'])).toBe('text');
  });
});

describe('TablePlan', () => {
  const plan = () => {
    const hints = new SchemaHints({ type: 'object', properties: { id: { type: 'string' }, price: { type: 'number' }, at: { type: 'string', format: 'date-time' } } }, 2);
    const p = new TablePlan({ table: 't', primaryKey: ['id'], hints, maxDepth: 2 });
    p.useColumns(p.initialSpec().columns);
    return p;
  };

  it('starts with the key, the declared fields and the bookkeeping columns', () => {
    expect(plan().initialSpec().columns.map((c) => `${c.name}:${c.type}`)).toEqual(['id:text', 'price:double', 'at:timestamp', '_raw:json', '_extracted_at:timestamp', '_deleted:boolean']);
  });

  it('flattens nested objects to the depth limit, arrays and deeper objects as JSON', () => {
    const p = plan();
    const flat = p.flatten({ id: 'a', price: 3, nested: { a: 1, deep: { b: 2 } }, list: [1, 2], nothing: null });
    expect(flat.names.map((name, i) => `${name}:${String(flat.types[i])}`)).toEqual(['id:text', 'price:double', 'nested__a:bigint', 'nested__deep:json', 'list:json', 'nothing:undefined']);
    expect(p.missingColumns([flat]).map((c) => c.name)).toEqual(['nested__a', 'nested__deep', 'list']);
  });

  it('a value of another type lands as null, stays in _raw, and is warned about once', () => {
    const p = plan();
    const at = new Date();
    const row = p.row(p.flatten({ id: 'a', price: 'free', at: 'not a date' }), '{"raw":1}', at, false);
    expect(row).toEqual(['a', null, null, '{"raw":1}', at, false]);
    p.row(p.flatten({ id: 'b', price: 'again' }), '{}', at, false);
    expect(p.warnings).toHaveLength(2);
    expect(p.warnings[0]).toMatch(/column price is double but a record has string there.*stay in _raw/);
  });

  it('refuses records without a scalar primary key', () => {
    const p = plan();
    expect(p.keyOf({ id: 'x' })).toBe('["x"]');
    expect(p.keyOf({})).toEqual({ error: 'primary key field id is missing' });
    expect(p.keyOf({ id: { nested: 1 } })).toEqual({ error: 'primary key field id is not a scalar' });
  });

  it('keeps the first of two fields that normalize to one column, and reserved names, in _raw only', () => {
    const p = plan();
    const flat = p.flatten({ id: 'a', firstName: 'x', first_name: 'y', _raw: 'mine' });
    expect(flat.names).toEqual(['id', 'first_name']);
    expect(flat.values[1]).toBe('x');
    // The decision sticks: the next record's first_name is still the camelCase field's.
    const next = p.flatten({ id: 'b', first_name: 'y2', firstName: 'x2' });
    expect(next.values[next.names.indexOf('first_name')]).toBe('x2');
    expect(p.warnings.join('\n')).toMatch(/first_name normalizes to column first_name/);
    expect(p.warnings.join('\n')).toMatch(/bookkeeping column \(_raw\)/);
  });

  it('converts cells by column type, widening scalars to text', () => {
    expect(toCell(5, 'text')).toBe('5');
    expect(toCell(true, 'text')).toBe('true');
    expect(toCell({ a: 1 }, 'text')).toBe('{"a":1}');
    expect(toCell(2 ** 60, 'bigint')).toBeUndefined();
    expect(toCell(1.5, 'bigint')).toBeUndefined();
    expect(toCell(Number.NaN, 'double')).toBeUndefined();
    expect(toCell('2026-01-02T03:04:05.678Z', 'timestamp')).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(toCell('yesterday', 'timestamp')).toBeUndefined();
    expect(toCell([1], 'json')).toBe('[1]');
    expect(toCell(undefined, 'bigint')).toBeNull();
  });
});
