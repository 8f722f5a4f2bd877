import * as mini from 'zod/mini';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeExchange } from '../client/steps/decode.js';
import type { ClientContext } from '../client/client-context.js';
import type { Exchange, Operation } from '../client/operation.js';
import { checkOnly } from './check-only.js';
import * as z from './zod.js';

/** Same own enumerable keys (strings and symbols), same values (Object.is), same holes: what returning `value` for zod's data needs. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => [...Object.keys(o), ...Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s))];
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** The soundness rule: true only if zod succeeds and its data is deep-equal to the value. */
function sound(schema: z.Schema, value: unknown, input: 'any' | 'json' = 'any'): boolean {
  if (checkOnly(schema, input)?.(value) !== true) return true;
  const result = z.safeParse(schema, value);
  return result.success && deepEqual(result.data, value);
}
const accepts = (schema: z.Schema, value: unknown, input: 'any' | 'json' = 'any') => {
  expect(sound(schema, value, input)).toBe(true);
  return checkOnly(schema, input)?.(value) === true;
};
const withKey = (o: object, key: PropertyKey, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

// HubSpot's list response, as packages/connector-hubspot/src/schemas.ts builds it (core cannot import a connector).
const hubspotPaging = z.lazySchema(() => z.looseObject({ next: z.optional(z.looseObject({ after: z.string(), link: z.optional(z.string()) })) }));
const hubspotHistory = z.lazySchema(() =>
  z.looseObject({ value: z.optional(z.nullable(z.string())), timestamp: z.string(), sourceType: z.optional(z.string()), sourceId: z.optional(z.string()), sourceLabel: z.optional(z.string()), updatedByUserId: z.optional(z.number()) }),
);
const hubspotRecord = z.lazySchema(() =>
  z.looseObject({
    id: z.string(),
    properties: z.record(z.string(), z.nullable(z.string())),
    createdAt: z.string(),
    updatedAt: z.string(),
    archived: z.optional(z.boolean()),
    archivedAt: z.optional(z.string()),
    propertiesWithHistory: z.optional(z.record(z.string(), z.array(hubspotHistory))),
    associations: z.optional(z.record(z.string(), z.looseObject({ results: z.array(z.looseObject({ id: z.string(), type: z.string() })), paging: z.optional(hubspotPaging) }))),
    objectWriteTraceId: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
);
const hubspotList = z.lazySchema(() => z.looseObject({ results: z.array(hubspotRecord), paging: z.optional(hubspotPaging) }));
const contact = (i: number) => ({
  id: String(i),
  properties: { email: `c${i}@example.com`, firstname: 'Ada', lastname: null, hs_object_id: String(i) },
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  archived: false,
  ...(i % 3 === 0 ? { propertiesWithHistory: { email: [{ value: 'x', timestamp: 't', updatedByUserId: 7 }] } } : {}),
  ...(i % 4 === 0 ? { associations: { companies: { results: [{ id: '1', type: 'contact_to_company' }] } } } : {}),
});
const hubspotPage = JSON.stringify({ results: Array.from({ length: 20 }, (_, i) => contact(i)), paging: { next: { after: '20', link: 'x' } } });

describe('checkOnly: the fast path is taken', () => {
  afterEach(() => vi.restoreAllMocks());

  it("accepts a valid page of HubSpot's list response, in both input kinds", () => {
    expect(accepts(hubspotList, JSON.parse(hubspotPage), 'json')).toBe(true);
    expect(accepts(hubspotList, JSON.parse(hubspotPage))).toBe(true);
  });

  const op = (schema: z.Schema) => ({ streaming: false, spec: { schema } }) as unknown as Operation;
  const ctx = { source: 'test' } as unknown as ClientContext;
  const exchange = (text: string, parsed?: unknown): Exchange => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    buffer: new TextEncoder().encode(text),
    fromCache: false,
    url: new URL('http://api.test/'),
    ...(parsed !== undefined ? { parsed: { value: parsed } } : {}),
  });

  it('decodeExchange returns the very object it parsed (no validated copy) for a HubSpot page', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const { data } = decodeExchange(ctx, op(hubspotList), exchange(hubspotPage));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(data).toBe(parse.mock.results[0]!.value);
  });

  it('decodeExchange runs zod on a body parsed earlier (handed to observeQuota/inspectResponse), and on failures', () => {
    const shared = JSON.parse(hubspotPage) as unknown;
    const { data } = decodeExchange(ctx, op(hubspotList), exchange(hubspotPage, shared));
    expect(data).not.toBe(shared);
    expect(data).toEqual(shared);
    const bad = JSON.stringify({ results: [{ ...contact(1), createdAt: 5 }] });
    expect(() => decodeExchange(ctx, op(hubspotList), exchange(bad))).toThrow(/did not match the expected shape: results\[0\]\.createdAt: Invalid input: expected string, received number/);
  });

  it('decodeExchange still strips through zod when the fast path says no', () => {
    const { data } = decodeExchange(ctx, op(z.object({ a: z.number() })), exchange('{"a":1,"b":2}'));
    expect(data).toEqual({ a: 1 });
  });
});

describe('checkOnly: soundness rules', () => {
  it('strip mode: an unknown key is stripped by zod, so false; loose passes it; strict rejects it', () => {
    expect(accepts(z.object({ a: z.number() }), { a: 1 })).toBe(true);
    expect(accepts(z.object({ a: z.number() }), { a: 1, b: 2 })).toBe(false);
    expect(accepts(mini.object({ a: mini.number() }), { a: 1, b: 2 })).toBe(false);
    expect(accepts(z.looseObject({ a: z.number() }), { a: 1, b: 2 })).toBe(true);
    expect(accepts(z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toBe(false);
    expect(accepts(mini.catchall(mini.object({ a: mini.number() }), mini.string()), { a: 1, b: 'x' })).toBe(true);
    expect(accepts(mini.catchall(mini.object({ a: mini.number() }), mini.string()), { a: 1, b: 2 })).toBe(false);
  });

  it('NaN and ±Infinity (JSON.parse("1e999")) are not numbers to zod', () => {
    for (const n of [NaN, Infinity, -Infinity, JSON.parse('1e999')]) expect(accepts(z.number(), n)).toBe(false);
    expect(accepts(z.number(), -0)).toBe(true);
    expect(accepts(z.looseObject({ a: z.number() }), JSON.parse('{"a":1e999}'))).toBe(false);
  });

  it('an own __proto__ key (JSON.parse makes one) is dropped by zod, so false', () => {
    const text = '{"a":1,"__proto__":{"x":1}}';
    expect(accepts(z.looseObject({ a: z.number() }), JSON.parse(text), 'json')).toBe(false);
    expect(accepts(z.object({ a: z.number() }), JSON.parse(text), 'json')).toBe(false);
    expect(accepts(z.record(z.string(), z.unknown()), JSON.parse('{"__proto__":1}'), 'json')).toBe(false);
  });

  it('a transform, default, pipe or refine makes the schema not pure; optional and absent, it is skipped', () => {
    expect(checkOnly(z.pipe(z.string(), z.transform((s) => s.length)))).toBeUndefined();
    expect(checkOnly(z.object({ a: z._default(z.string(), 'x') }))).toBeUndefined();
    expect(checkOnly(z.object({ a: z.string() }).check(z.refine(() => true)))).toBeUndefined();
    expect(checkOnly(z.coerce.number())).toBeUndefined();
    const partly = z.looseObject({ a: z.string(), t: z.optional(z.pipe(z.string(), z.transform((s) => s.length))) });
    expect(accepts(partly, { a: 'x' })).toBe(true);
    expect(accepts(partly, { a: 'x', t: 'abc' })).toBe(false);
  });

  it('a failing check is false; a check that rewrites the value (trim) is false', () => {
    expect(accepts(z.string().check(z.minLength(2)), 'a')).toBe(false);
    expect(accepts(z.string().check(z.minLength(2)), 'ab')).toBe(true);
    expect(accepts(z.int(), 1.5)).toBe(false);
    expect(accepts(z.int(), 2)).toBe(true);
    expect(accepts(z.email(), 'nope')).toBe(false);
    expect(accepts(z.email(), 'a@b.co')).toBe(true);
    expect(accepts(z.string().check(z.trim()), ' a ')).toBe(false);
    expect(accepts(z.string().check(z.trim()), 'a')).toBe(true);
  });

  it("optional keys exactly as zod: optional may be absent; unknown, undefined and exactOptional's undefined may not", () => {
    expect(accepts(z.object({ a: z.optional(z.string()) }), {})).toBe(true);
    expect(accepts(z.object({ a: z.optional(z.string()) }), { a: undefined })).toBe(true);
    expect(accepts(z.object({ a: z.unknown() }), {})).toBe(false);
    expect(accepts(z.object({ a: z.unknown() }), { a: undefined })).toBe(true);
    expect(accepts(z.object({ a: z.undefined() }), {})).toBe(false);
    expect(accepts(z.object({ a: mini.exactOptional(z.string()) }), { a: undefined })).toBe(false);
    expect(accepts(z.looseObject({ a: mini.exactOptional(z.string()) }), { a: undefined })).toBe(false);
    expect(accepts(z.looseObject({ a: mini.exactOptional(z.string()) }), {})).toBe(true);
    expect(accepts(z.optional(z.string()), undefined)).toBe(true);
    // zod reads presence with `in`: an inherited toString is "present".
    expect(accepts(z.object({ toString: z.optional(z.unknown()) }), {})).toBe(false);
    expect(accepts(z.looseObject({ toString: z.optional(z.unknown()) }), {})).toBe(false);
    expect(accepts(z.looseObject({ toString: z.optional(z.string()) }), { toString: 'x' })).toBe(true);
    expect(accepts(z.object({ toString: z.optional(z.unknown()) }), Object.create(null))).toBe(true);
  });

  it('a union is true only if zod would pick an option that returns the value unchanged', () => {
    const first = z.union([z.object({ a: z.number() }), z.looseObject({ a: z.number() })]);
    expect(accepts(first, { a: 1, b: 2 })).toBe(false);
    expect(accepts(z.union([z.string(), z.number()]), 1)).toBe(true);
    const tagged = z.discriminatedUnion('k', [z.object({ k: z.literal('a'), n: z.number() }), z.looseObject({ k: z.literal('b') })]);
    expect(accepts(tagged, { k: 'a', n: 1 })).toBe(true);
    expect(accepts(tagged, { k: 'b', x: 1 })).toBe(true);
    expect(accepts(tagged, { k: 'c' })).toBe(false);
    expect(checkOnly(mini.xor([z.string(), z.number()]))).toBeUndefined();
  });

  it('non-plain objects and arrays, holes and symbol keys are false; it never throws', () => {
    class Thing {
      a = 1;
    }
    expect(accepts(z.looseObject({ a: z.number() }), new Thing())).toBe(false);
    const holey: unknown[] = [1];
    holey[2] = 3;
    expect(accepts(z.array(z.unknown()), holey)).toBe(false);
    expect(accepts(z.array(z.number()), new (class extends Array<number> {})())).toBe(false);
    expect(accepts(z.record(z.string(), z.number()), withKey({}, Symbol('s'), 1))).toBe(false);
    expect(accepts(z.looseObject({}), withKey({}, Symbol('s'), 1))).toBe(false);
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('no'); } });
    expect(accepts(z.looseObject({}), hostile)).toBe(false);
  });
});

/** A small seeded PRNG (mulberry32), so the differential test is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

/** A random schema, and a function making values it accepts. */
type Gen = { schema: z.Schema; valid: () => unknown };
const KEYS = ['a', 'b', 'c', 'toString', 'k'] as const;
const WEIRD = [NaN, Infinity, -Infinity, -0, 0, 1.5, 2, '', 'x', 'ab', true, false, null, undefined, {}, [], { a: 1 }, [1], 'a@b.co'];

function genSchema(r: ReturnType<typeof prng>, depth: number): Gen {
  const json = (): unknown => r.pick([1, 'x', null, true, { a: 1 }, [1, 'y'], -0, 2.5]);
  const leaves: (() => Gen)[] = [
    () => ({ schema: z.string(), valid: () => r.pick(['', 'x', 'ab']) }),
    () => ({ schema: z.number(), valid: () => r.pick([0, -0, 1.5, 2]) }),
    () => ({ schema: z.boolean(), valid: () => r.next() < 0.5 }),
    () => ({ schema: z.null(), valid: () => null }),
    () => ({ schema: z.undefined(), valid: () => undefined }),
    () => ({ schema: z.literal(r.pick(['x', 2, true] as const)), valid: () => 'x' }),
    () => ({ schema: z.enum(['x', 'ab']), valid: () => r.pick(['x', 'ab']) }),
    () => ({ schema: z.unknown(), valid: json }),
    () => ({ schema: z.any(), valid: json }),
    () => ({ schema: z.int(), valid: () => r.pick([0, 2]) }),
    () => ({ schema: z.string().check(z.minLength(2)), valid: () => 'ab' }),
    () => ({ schema: z.email(), valid: () => 'a@b.co' }),
    () => ({ schema: z.string().check(z.trim()), valid: () => r.pick(['x', ' x']) }),
    () => ({ schema: z.coerce.number(), valid: () => 2 }),
    () => ({ schema: z.pipe(z.string(), z.transform((s) => s)), valid: () => 'x' }),
    () => ({ schema: z.date(), valid: () => new Date(0) }),
  ];
  if (depth <= 0) return r.pick(leaves)();
  const inner = () => genSchema(r, depth - 1);
  const objectOf = (make: (shape: Record<string, z.Schema>) => z.Schema, extra: boolean): Gen => {
    const fields = KEYS.slice(0, 1 + r.int(3)).map((key) => [r.next() < 0.15 ? 'toString' : key, inner()] as const);
    const shape = Object.fromEntries(fields.map(([key, g]) => [key, g.schema]));
    return {
      schema: make(shape),
      valid: () => {
        const o: Record<string, unknown> = {};
        for (const [key, g] of fields) {
          const v = g.valid();
          if (v !== undefined || r.next() < 0.5) o[key] = v;
        }
        if (extra && r.next() < 0.3) o.extra = json();
        return o;
      },
    };
  };
  const nodes: (() => Gen)[] = [
    () => {
      const g = inner();
      return { schema: z.nullable(g.schema), valid: () => (r.next() < 0.3 ? null : g.valid()) };
    },
    () => {
      const g = inner();
      return { schema: z.optional(g.schema), valid: () => (r.next() < 0.3 ? undefined : g.valid()) };
    },
    () => {
      const g = inner();
      return { schema: mini.exactOptional(g.schema), valid: g.valid };
    },
    () => {
      const g = inner();
      return { schema: z.array(g.schema), valid: () => Array.from({ length: r.int(3) }, g.valid) };
    },
    () => objectOf(z.object, false),
    () => objectOf(mini.object, false),
    () => objectOf(z.looseObject, true),
    () => objectOf(z.strictObject, false),
    () => {
      const rest = inner();
      return objectOf((shape) => mini.catchall(mini.object(shape), rest.schema), false);
    },
    () => objectOf((shape) => z.object(shape).check(z.refine(() => true)), false),
    () => {
      const g = inner();
      return { schema: z.record(z.string(), g.schema), valid: () => Object.fromEntries(Array.from({ length: r.int(3) }, (_, i) => [`k${i}`, g.valid()])) };
    },
    () => {
      const [g, h] = [inner(), inner()];
      return { schema: z.union([g.schema, h.schema]), valid: () => (r.next() < 0.5 ? g.valid() : h.valid()) };
    },
    () => {
      const [g, h] = [objectOf(z.object, false), objectOf(z.looseObject, true)];
      const schema = z.discriminatedUnion('tag', [z.extend(g.schema as z.ZodObject, { tag: z.literal('g') }), z.extend(h.schema as z.ZodObject, { tag: z.literal('h') })]);
      return { schema, valid: () => (r.next() < 0.5 ? { ...(g.valid() as object), tag: 'g' } : { ...(h.valid() as object), tag: 'h' }) };
    },
    () => {
      const g = inner();
      return { schema: z.lazySchema(() => z.looseObject({ a: g.schema })), valid: () => ({ a: g.valid() }) };
    },
    () => {
      const [g, h] = [inner(), inner()];
      return { schema: z.tuple([g.schema, h.schema]), valid: () => [g.valid(), h.valid()] };
    },
  ];
  return r.next() < 0.25 ? r.pick(leaves)() : r.pick(nodes)();
}

/** The value with one thing changed somewhere in it: a wrong value, a key added or removed, a hole, a prototype... */
function mutate(r: ReturnType<typeof prng>, value: unknown, symbols: boolean): unknown {
  const containers: object[] = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    containers.push(v);
    for (const child of Object.values(v)) walk(child);
  };
  walk(value);
  if (containers.length === 0 || r.next() < 0.15) return r.pick(WEIRD);
  const target = r.pick(containers) as Record<string, unknown>;
  const keys = Object.keys(target);
  switch (r.int(symbols ? 9 : 8)) {
    case 0:
      if (keys.length > 0) target[r.pick(keys)] = r.pick(WEIRD);
      break;
    case 1:
      if (keys.length > 0) delete target[r.pick(keys)];
      break;
    case 2:
      withKey(target, r.pick(['extra', 'a', 'k', 'toString', 'tag']), r.pick(WEIRD));
      break;
    case 3:
      withKey(target, '__proto__', r.pick(WEIRD));
      break;
    case 4:
      Object.setPrototypeOf(target, r.next() < 0.5 ? null : Array.isArray(target) ? Object.prototype : Array.prototype);
      break;
    case 5:
      if (Array.isArray(target)) target.length += 1; // a hole at the end
      else withKey(target, r.pick(KEYS), undefined);
      break;
    case 6:
      if (keys.length > 0) target[r.pick(keys)] = r.next() < 0.5 ? [] : {};
      break;
    case 7:
      if (keys.length > 0) target[r.pick(keys)] = JSON.parse(r.pick(['1e999', '-1e999', '{"__proto__":1}', 'null']));
      break;
    default:
      withKey(target, Symbol('s'), 1);
  }
  return value;
}

/** The value as JSON.parse would return it after JSON.stringify (±Infinity kept, as 1e999 parses). */
function asJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value, (_key, v: unknown) => (v === Infinity ? '\u0000+inf' : v === -Infinity ? '\u0000-inf' : v));
  return JSON.parse(text.replaceAll('"\\u0000+inf"', '1e999').replaceAll('"\\u0000-inf"', '-1e999'));
}

describe('checkOnly: differential test against zod', () => {
  // Generated object tests where `new Function` is allowed; interpreted ones under zod's `jitless` (as on Workers).
  it.each([
    ['generated', 20261205, false],
    ['interpreted', 5121602, true],
  ])('whenever the predicate (%s) says true, zod succeeds with data deep-equal to the value', (_kind, seed, jitless) => {
    z.config({ jitless });
    try {
      const r = prng(seed);
      const failures: string[] = [];
      let trues = 0;
      let cases = 0;
      for (let s = 0; s < 300; s += 1) {
        const gen = genSchema(r, 1 + r.int(3));
        for (const input of ['any', 'json'] as const) {
          for (let v = 0; v < 6; v += 1) {
            const made = v < 2 ? gen.valid() : mutate(r, gen.valid(), input === 'any');
            // 'json' promises what JSON.parse returns: the value as it would come back from the wire.
            const value = input === 'json' ? asJson(made) : made;
            cases += 1;
            if (checkOnly(gen.schema, input)?.(value) === true) trues += 1;
            if (!sound(gen.schema, value, input)) failures.push(`schema #${s} (${input}) on ${String(JSON.stringify(value))}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // Not vacuous: the fast path answers true for a good share of the cases.
      expect(cases).toBe(3600);
      expect(trues).toBeGreaterThan(cases / 5);
    } finally {
      z.config({ jitless: false });
    }
  });
});
