import * as mini from 'zod/mini';
import { describe, expect, it } from 'vitest';
import * as z from './zod.js';

const shape = () => ({ id: z.string(), n: z.optional(z.number()), tags: z.optional(z.array(z.string())), nested: z.optional(z.looseObject({ a: z.nullable(z.string()) })) });
const miniShape = () => ({
  id: mini.string(),
  n: mini.optional(mini.number()),
  tags: mini.optional(mini.array(mini.string())),
  nested: mini.optional(mini.looseObject({ a: mini.nullable(mini.string()) })),
});
const inputs: unknown[] = [
  { id: 'a' },
  { id: 'a', n: 1, tags: ['x'], nested: { a: null, extra: 1 }, unknown: true },
  { id: 1 },
  { n: 'no' },
  { id: 'a', nested: { a: 5 } },
  null,
  'text',
  { id: 'a', n: undefined },
];

describe("@cf/core/zod objects (zod's compiled fast path)", () => {
  it('parse exactly as zod/mini objects do: values, unknown keys, issues and their paths', () => {
    const pairs = [
      [z.object(shape()), mini.object(miniShape())],
      [z.looseObject(shape()), mini.looseObject(miniShape())],
      [z.strictObject(shape()), mini.strictObject(miniShape())],
    ] as const;
    for (const [ours, theirs] of pairs) {
      for (const input of inputs) {
        const a = z.safeParse(ours, input);
        const b = mini.safeParse(theirs, input);
        expect(a.success, JSON.stringify(input)).toBe(b.success);
        if (a.success && b.success) expect(a.data).toEqual(b.data);
        else expect(a.error?.issues.map((i) => [i.code, i.path])).toEqual(b.error?.issues.map((i) => [i.code, i.path]));
      }
    }
  });

  it('are zod/mini objects (instanceof, .shape) and stay on the fast path through extend, pick and partial', () => {
    const schema = z.looseObject(shape());
    expect(schema).toBeInstanceOf(mini.ZodMiniObject);
    expect(Object.keys(schema.shape)).toEqual(['id', 'n', 'tags', 'nested']);
    for (const derived of [schema, z.extend(schema, { more: z.boolean() }), z.pick(schema, { id: true }), z.partial(schema)]) {
      expect(derived._zod.traits.has('$ZodObjectJIT')).toBe(true);
    }
    expect(z.safeParse(z.extend(schema, { more: z.boolean() }), { id: 'a', more: 'no' }).success).toBe(false);
    expect(mini.object({})._zod.traits.has('$ZodObjectJIT')).toBe(false);
  });

  it('string-keyed records parse exactly as zod/mini records do (values, issue paths, odd inputs), and take the short path', async () => {
    const ours = z.record(z.string(), z.nullable(z.string()));
    const theirs = mini.record(mini.string(), mini.nullable(mini.string()));
    const symbolKeyed = { a: 'x', [Symbol('s')]: 'y' };
    const recordInputs: unknown[] = [
      { a: 'x', b: null },
      { a: 1, b: 'y', c: { no: true } },
      JSON.parse('{"__proto__": "polluted", "ok": "yes"}'),
      [],
      null,
      'text',
      symbolKeyed,
      Object.create(null) as object,
      {},
    ];
    for (const [index, input] of recordInputs.entries()) {
      const a = z.safeParse(ours, input);
      const b = mini.safeParse(theirs, input);
      expect(a.success, `input ${index}`).toBe(b.success);
      if (a.success && b.success) expect(a.data).toEqual(b.data);
      else expect(a.error?.issues.map((i) => [i.code, i.path])).toEqual(b.error?.issues.map((i) => [i.code, i.path]));
    }
    expect(Object.getPrototypeOf((z.parse(ours, JSON.parse('{"__proto__": "x"}')) as object))).toBe(Object.prototype);
    // Async parsing, a key schema with checks and the v3 form still behave as zod's.
    await expect(z.parseAsync(ours, { a: 'x' })).resolves.toEqual({ a: 'x' });
    const checkedKeys = z.record(z.string().check(z.minLength(2)), z.string());
    expect(z.safeParse(checkedKeys, { a: 'x' }).error?.issues[0]?.code).toBe('invalid_key');
    // zod's v3 form, `z.record(valueType)` (untyped in zod 4's declarations, still accepted at run time).
    expect(z.parse((z.record as unknown as (value: z.ZodType) => z.ZodType)(z.number()), { a: 1 })).toEqual({ a: 1 });
    // The short path is the one taken: the key schema never runs.
    let keyRuns = 0;
    const countingKey = z.string();
    const internals = countingKey._zod;
    const run = internals.run.bind(internals);
    internals.run = (payload, ctx) => ((keyRuns += 1), run(payload, ctx));
    z.parse(z.record(countingKey, z.string()), { a: 'x', b: 'y' });
    expect(keyRuns).toBe(0);
  });

  it('record values that pass unchanged are tested in place; every value schema still parses as zod/mini does', () => {
    const pairs: Array<[string, z.ZodMiniType, z.ZodMiniType]> = [
      ['string', z.string(), mini.string()],
      ['boolean', z.boolean(), mini.boolean()],
      ['unknown', z.unknown(), mini.unknown()],
      ['nullable string', z.nullable(z.string()), mini.nullable(mini.string())],
      ['nullable nullable boolean', z.nullable(z.nullable(z.boolean())), mini.nullable(mini.nullable(mini.boolean()))],
      ['string with a check', z.string().check(z.minLength(2)), mini.string().check(mini.minLength(2))],
      ['coerced string', z.coerce.string(), mini.coerce.string()],
      ['number', z.number(), mini.number()],
      ['nullable number', z.nullable(z.number()), mini.nullable(mini.number())],
      ['nullable string with a check', z.nullable(z.string().check(z.maxLength(1))), mini.nullable(mini.string().check(mini.maxLength(1)))],
    ];
    const values = ['x', 'long', '', null, undefined, 1, Number.NaN, true, false, { a: 1 }, ['x']];
    for (const [label, ours, theirs] of pairs) {
      const input = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
      for (const one of [input, ...values.map((v) => ({ only: v }))]) {
        const a = z.safeParse(z.record(z.string(), ours), one);
        const b = mini.safeParse(mini.record(mini.string(), theirs), one);
        expect(a.success, `${label}: ${JSON.stringify(one)}`).toBe(b.success);
        if (a.success && b.success) expect(a.data, label).toEqual(b.data);
        else expect(a.error?.issues.map((i) => [i.code, i.path, i.message]), label).toEqual(b.error?.issues.map((i) => [i.code, i.path, i.message]));
      }
    }
    // In place: a passing value never runs its schema; a failing one does (zod's own issue).
    let valueRuns = 0;
    const counting = z.nullable(z.string());
    const internals = counting._zod;
    const run = internals.run.bind(internals);
    internals.run = (payload, ctx) => ((valueRuns += 1), run(payload, ctx));
    const schema = z.record(z.string(), counting);
    z.parse(schema, { a: 'x', b: null, c: 'y' });
    expect(valueRuns).toBe(0);
    expect(z.safeParse(schema, { a: 'x', b: 2 }).error?.issues.map((i) => i.path)).toEqual([['b']]);
    expect(valueRuns).toBe(1);
  });
});
