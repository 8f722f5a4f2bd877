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
});
