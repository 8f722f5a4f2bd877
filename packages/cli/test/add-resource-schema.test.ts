import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as z from '@cf/core/zod';
import { inferZodSchema } from '../src/add-resource/index.js';
import { resourceNames } from '../src/add-resource/resource-names.js';
import { sampleLayout } from '../src/add-resource/sample-layout.js';
import { tsLiteral } from '../src/add-resource/ts-literal.js';
import { mergeImport } from '../src/add-resource/ts-imports.js';

/** Evaluates generated schema source against `@cf/core/zod` (what connectors import), so the tests check behaviour as well as text. */
const compile = (source: string): z.ZodType => runInNewContext(`(${source})`, { z }) as z.ZodType;
const oneLine = (source: string): string => source.replace(/\s*\n\s*/g, ' ').replace(/, \}/g, ' }');

describe('inferZodSchema', () => {
  it('writes loose objects, merged array elements, optional fields and nullable values', () => {
    const samples = [
      { id: 'a', total: 1.5, paid: true, note: null, tags: ['x'], at: '2025-01-02T10:00:00Z', customer: { id: 'c1' } },
      { id: 'b', total: 2, paid: false, note: 'gift', tags: [], at: '2025-01-03', customer: { id: 'c2', email: 'e@x.io' }, extra: 1 },
    ];
    const source = inferZodSchema(samples);
    expect(oneLine(source)).toBe(
      'z.looseObject({ id: z.string(), total: z.number(), paid: z.boolean(), note: z.nullable(z.string()), tags: z.array(z.string()), ' +
        'at: z.string(), customer: z.looseObject({ id: z.string(), email: z.optional(z.string()) }), extra: z.optional(z.number()) })',
    );
    const schema = compile(source);
    for (const sample of samples) expect(schema.parse(sample)).toEqual(sample);
    // Unknown fields pass through; a missing required field does not.
    expect(schema.parse({ ...samples[0], surprise: [1] })).toHaveProperty('surprise', [1]);
    expect(schema.safeParse({ ...samples[0], id: undefined }).success).toBe(false);
  });

  it('keeps ISO dates as strings, unions mixed kinds, and leaves what the sample cannot tell as unknown', () => {
    const source = inferZodSchema([{ when: '2025-01-02', code: 1, ghost: null, empty: [] }, { when: '2025-02-03', code: 'A1', ghost: null, empty: [] }]);
    expect(oneLine(source)).toBe('z.looseObject({ when: z.string(), code: z.union([z.string(), z.number()]), ghost: z.unknown(), empty: z.array(z.unknown()) })');
    expect(compile(source).parse({ when: '2025-01-02', code: 'B', ghost: { any: 1 }, empty: [1] })).toBeDefined();
  });

  it('writes a field both missing and null as nullish, and one never seen with a value as optional unknown', () => {
    const source = inferZodSchema([{ id: 'a', note: 'x', ghost: null }, { id: 'b', note: null }, { id: 'c' }]);
    expect(oneLine(source)).toBe('z.looseObject({ id: z.string(), note: z.nullish(z.string()), ghost: z.optional(z.unknown()) })');
    const schema = compile(source);
    for (const value of [{ id: 'd' }, { id: 'd', note: null }, { id: 'd', note: 'y', ghost: 1 }]) expect(schema.parse(value)).toEqual(value);
    expect(schema.safeParse({ id: 'd', note: 1 }).success).toBe(false);
  });

  it('writes arrays of arrays, root arrays, and quotes keys that are not identifiers', () => {
    const source = inferZodSchema([[{ 'content-type': 'a', "it's": [[1, null]] }]]);
    expect(oneLine(source)).toBe("z.array(z.looseObject({ 'content-type': z.string(), 'it\\'s': z.array(z.array(z.nullable(z.number()))) }))");
    expect(compile(source).parse([{ 'content-type': 'x', "it's": [[2, null]] }])).toHaveLength(1);
  });
});

describe('inferZodSchema from several samples (pages, or responses for different records)', () => {
  // Two real pages of one list endpoint: what the first alone shows is not all the API sends.
  const page1 = {
    data: [
      { id: 'a', price: 10, discount: null, tags: ['x'], owner: { id: 'u1' }, status: 'open' },
      { id: 'b', price: 12, discount: null, tags: [], owner: { id: 'u2' }, status: 'open' },
    ],
    next: 'c2',
  };
  const page2 = {
    data: [{ id: 'c', price: 9.99, discount: 0.5, tags: [{ label: 'sale' }], owner: null, status: 3, archived: true, extra: null }],
    next: null,
  };

  it('accepts a second, different page only when it was inferred from both', () => {
    const fromFirst = compile(inferZodSchema([page1]));
    expect(fromFirst.safeParse(page2).success).toBe(false);
    const fromBoth = compile(inferZodSchema([page1, page2]));
    expect(fromBoth.safeParse(page1).success).toBe(true);
    expect(fromBoth.safeParse(page2).success).toBe(true);
  });

  it('marks absent fields optional, null-and-value fields nullable of the value, mixed kinds as unions, merges array items', () => {
    const source = oneLine(inferZodSchema([page1, page2]));
    expect(source).toBe(
      'z.looseObject({ data: z.array(z.looseObject({ id: z.string(), price: z.number(), discount: z.nullable(z.number()), ' +
        'tags: z.array(z.union([z.string(), z.looseObject({ label: z.string() })])), owner: z.nullable(z.looseObject({ id: z.string() })), ' +
        'status: z.union([z.string(), z.number()]), archived: z.optional(z.boolean()), extra: z.optional(z.unknown()) })), next: z.nullable(z.string()) })',
    );
    const schema = compile(inferZodSchema([page1, page2]));
    // What no sample showed is still refused: a missing required field, a kind never seen.
    expect(schema.safeParse({ data: [{ ...page1.data[0], id: undefined }], next: null }).success).toBe(false);
    expect(schema.safeParse({ data: [{ ...page1.data[0], discount: 'none' }], next: null }).success).toBe(false);
  });

  it('within one list response, treats the records as samples: a field missing from some is optional', () => {
    const source = oneLine(inferZodSchema([[{ id: 1, note: 'x' }, { id: 2 }, { id: 3, note: null }]]));
    expect(source).toBe('z.array(z.looseObject({ id: z.number(), note: z.nullish(z.string()) }))');
  });

  it('writes whole and fractional numbers alike as z.number() (whole numbers in a sample do not prove the API never sends a fraction)', () => {
    expect(oneLine(inferZodSchema([{ n: 1 }, { n: 2.5 }]))).toBe('z.looseObject({ n: z.number() })');
    expect(oneLine(inferZodSchema([{ n: 1 }, { n: 2 }]))).toBe('z.looseObject({ n: z.number() })');
    expect(compile(inferZodSchema([{ n: 1 }])).safeParse({ n: 0.25 }).success).toBe(true);
  });

  it('leaves a value null in every sample as z.unknown() (it accepts null and whatever comes later), and one sample as before', () => {
    expect(oneLine(inferZodSchema([{ a: null }, { a: null }]))).toBe('z.looseObject({ a: z.unknown() })');
    expect(oneLine(inferZodSchema([{ id: 'a', at: null }]))).toBe('z.looseObject({ id: z.string(), at: z.unknown() })');
    expect(oneLine(inferZodSchema([{ id: 'a', n: 1 }]))).toBe('z.looseObject({ id: z.string(), n: z.number() })');
  });
});

describe('mergeImport', () => {
  it('adds names to an import of the module, type-only or not, or a new import after the last', () => {
    const source = "import { a } from 'x';\nimport type { T } from 'y';\n\nconst q = 1;\n";
    expect(mergeImport(source, 'x', ['b'], ['U'])).toBe("import { a, b, type U } from 'x';\nimport type { T } from 'y';\n\nconst q = 1;\n");
    expect(mergeImport(source, 'y', ['v'], ['T', 'S'])).toBe("import { a } from 'x';\nimport { v, type S, type T } from 'y';\n\nconst q = 1;\n");
    expect(mergeImport(source, 'y', [], ['S'])).toContain("import type { S, T } from 'y';");
    expect(mergeImport(source, 'z', ['w'])).toBe("import { a } from 'x';\nimport type { T } from 'y';\nimport { w } from 'z';\n\nconst q = 1;\n");
    expect(mergeImport(source, 'x', ['a'])).toBe(source);
    // A name imported as a type and now as a value is imported once, as a value.
    expect(mergeImport(source, 'y', ['T'])).toContain("import { T } from 'y';");
  });
});

describe('sampleLayout', () => {
  it('finds the records: the response itself, its one array, or the conventional field', () => {
    expect(sampleLayout([{ id: 1 }], 'link', {}).itemsPath).toEqual([]);
    expect(sampleLayout({ result: { entries: [{ id: 1 }] } }, 'offset', {}).itemsPath).toEqual(['result', 'entries']);
    expect(sampleLayout({ data: [{ id: 1, tags: [] }], errors: [] }, 'page', {}).itemsPath).toEqual(['data']);
    expect(sampleLayout({ id: 1, tags: [] }, 'none', {}).itemsPath).toBeUndefined();
  });

  it('finds the cursor by its usual names, nested or not, or takes the one named', () => {
    expect(sampleLayout({ data: [{ id: 1 }], paging: { next: { after: 'x' } } }, 'cursor', {}).cursorPath).toEqual(['paging', 'next', 'after']);
    expect(sampleLayout({ data: [{ id: 1 }], next_cursor: null, next: 'y' }, 'cursor', {}).cursorPath).toEqual(['next_cursor']);
    expect(sampleLayout({ data: [{ id: 1 }], token: 't' }, 'cursor', { cursorField: 'token' }).cursorPath).toEqual(['token']);
  });

  it('says what to name when it cannot tell', () => {
    expect(() => sampleLayout({ a: [1], b: [2] }, 'offset', {})).toThrow(/several arrays \("a", "b"\): name the one holding the records with itemsField/);
    expect(() => sampleLayout({ id: 1 }, 'page', {})).toThrow(/no array of records for page pagination/);
    expect(() => sampleLayout({ data: [] }, 'offset', {})).toThrow(/has no records/);
    expect(() => sampleLayout({ data: [{ id: 1 }] }, 'cursor', {})).toThrow(/Cannot find the next page's cursor.*cursorField/);
    expect(() => sampleLayout({ data: [{ id: 1 }], total: 3 }, 'cursor', { cursorField: 'total' })).toThrow(/cursorField "total" must be a string/);
    expect(() => sampleLayout([{ id: 1 }], 'cursor', {})).toThrow(/sample response is an array: use "link", "offset" or "page"/);
    expect(() => sampleLayout({ data: 1 }, 'offset', { itemsField: 'data' })).toThrow(/itemsField "data" is not an array/);
  });
});

describe('resource names and literals', () => {
  it('spells a resource name for files, properties, classes and record types', () => {
    expect(resourceNames('line-items')).toEqual({ name: 'line-items', camel: 'lineItems', pascal: 'LineItems', singular: 'LineItem' });
    expect(['categories', 'addresses', 'statuses', 'boxes', 'account'].map((n) => resourceNames(n).singular)).toEqual(['Category', 'Address', 'Status', 'Box', 'Account']);
    expect(() => resourceNames('Line_Items')).toThrow(/not a resource name/);
  });

  it('writes JSON as a TypeScript literal that evaluates to the same value', () => {
    const value = { id: 'it\'s', 'a-b': [1, null, true], nested: { empty: {}, list: [], text: 'line\nbreak \u2028' } };
    expect(runInNewContext(`(${tsLiteral(value)})`)).toEqual(value);
    expect(tsLiteral({ tags: ['a', 'b'] })).toBe("{\n  tags: ['a', 'b'],\n}");
  });
});
