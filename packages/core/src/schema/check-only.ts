/**
 * Check-only validation for "pure" zod schemas: schemas whose successful parse returns a value deep-equal to its
 * input (no transform, default, coercion, stripped key...). For those, a predicate can stand in for `safeParse` on
 * the success path and the input itself is the result: no validated copy is built. Written against zod 4's parse
 * semantics (zod/v4/core/schemas.js); wherever this file is unsure it answers false, and the caller runs zod, which
 * decides and reports the issues.
 */
import * as core from 'zod/v4/core';

/** The parts of a schema's `_zod` internals read here. */
interface Internals {
  def: Def;
  traits: Set<string>;
  values?: Set<unknown>;
  optin?: string;
  optout?: string;
  propValues?: Record<string, Set<unknown>>;
  run: (payload: { value: unknown; issues: unknown[] }, ctx: { async: false }) => { value: unknown; issues: unknown[] };
}
type Def = Record<string, unknown> & { type: string; checks?: unknown[]; coerce?: boolean };
type Check = (value: unknown) => boolean;
/** One compilation: its mode, its cache, and the schemas being compiled (a schema met again inside itself is recursive). */
interface Compiler {
  json: boolean;
  nodes: WeakMap<object, Check>;
  visiting: Set<object>;
}

const NEVER: Check = () => false;
const ANY: Check = () => true;
/** Checks for which false means zod fails too (not merely "unsure"): a union need not run zod after them. */
const exact = new WeakSet<Check>([ANY]);
/** An expression testing the variable it is given, for checks simple enough to inline in generated code. */
const inline = new WeakMap<Check, (x: string) => string>([[ANY, () => 'true']]);
const modes = { any: { nodes: new WeakMap<object, Check>(), roots: new WeakMap<object, Check | null>() }, json: { nodes: new WeakMap<object, Check>(), roots: new WeakMap<object, Check | null>() } };
const SYNC = { async: false } as const;
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
const symbols = Object.getOwnPropertySymbols;
/** Objects and records get a test generated for their keys where the runtime allows `new Function` (as zod's compiled objects do). */
const canGenerate = (): boolean => !core.globalConfig.jitless && core.util.allowsEval.value;

/**
 * A check-only validator for `schema`, or undefined when the schema is not pure. The predicate returns true only if
 * zod's `safeParse(schema, value)` would succeed with `data` deep-equal to `value` (so `value` itself can be used as
 * the result); false when zod would fail, or change the value, or this module is unsure. It never throws. Built once
 * per schema (and input kind).
 *
 * Pure: string, number, boolean, null, undefined, literal, enum, unknown, any; nullable and optional of pure;
 * arrays, loose/strip/strict objects, string-keyed records and (discriminated) unions of pure schemas. Primitive
 * leaves with checks (`z.int()`, `z.email()`, `minLength`) run zod on the leaf, which must return the value itself.
 * Objects and arrays must be plain (prototype `Object.prototype` or null, `Array.prototype`), as JSON.parse makes them.
 *
 * `input: 'json'` promises the value is what JSON.parse returned (no symbol-keyed properties): the predicate then
 * skips looking for symbol keys on every object, the one check that allocates.
 */
export function checkOnly(schema: object, input: 'any' | 'json' = 'any'): ((value: unknown) => boolean) | undefined {
  const mode = modes[input];
  let root = mode.roots.get(schema);
  if (root === undefined) {
    const check = compile(schema, { json: input === 'json', nodes: mode.nodes, visiting: new Set() });
    root = check === NEVER ? null : guarded(check);
    mode.roots.set(schema, root);
  }
  return root ?? undefined;
}

function guarded(check: Check): Check {
  return (value) => {
    try {
      // An enumerable key on Object.prototype would show up in zod's `for...in` over every object.
      for (const _ in Object.prototype) return false;
      return check(value);
    } catch {
      return false;
    }
  };
}

function compile(schema: unknown, c: Compiler): Check {
  if (typeof schema !== 'object' || schema === null) return NEVER;
  let check = c.nodes.get(schema);
  if (check) return check;
  try {
    // Touching `_zod` resolves a lazySchema stand-in.
    const zod = (schema as { _zod?: Internals })._zod;
    if (!zod?.def || !(zod.traits instanceof Set) || c.visiting.has(zod)) return NEVER;
    c.visiting.add(zod);
    check = node(zod, c);
    c.visiting.delete(zod);
  } catch {
    check = NEVER;
  }
  c.nodes.set(schema, check);
  return check;
}

function node(zod: Internals, c: Compiler): Check {
  const def = zod.def;
  const checked = (def.checks?.length ?? 0) > 0 || zod.traits.has('$ZodCheck');
  if (def.coerce === true) return NEVER;
  switch (def.type) {
    case 'string':
      return leaf(zod, checked, (v) => typeof v === 'string', (x) => `typeof ${x} === "string"`);
    case 'number':
      // zod rejects NaN and ±Infinity.
      return leaf(zod, checked, (v) => Number.isFinite(v), (x) => `Number.isFinite(${x})`);
    case 'boolean':
      return leaf(zod, checked, (v) => typeof v === 'boolean', (x) => `typeof ${x} === "boolean"`);
    case 'null':
      return leaf(zod, checked, (v) => v === null, (x) => `${x} === null`);
    case 'undefined':
    case 'void':
      return leaf(zod, checked, (v) => v === undefined, (x) => `${x} === undefined`);
    case 'literal':
    case 'enum': {
      const values = zod.values;
      return values instanceof Set ? leaf(zod, checked, (v) => values.has(v)) : NEVER;
    }
    case 'unknown':
    case 'any':
      return leaf(zod, checked, ANY);
  }
  if (checked) return NEVER;
  const sub = (child: unknown): Check => compile(child, c);
  switch (def.type) {
    case 'nullable':
      return orValue(null, sub(def.innerType));
    case 'optional':
      // exactOptional rejects a present undefined (and a defaulted inner is not pure).
      return zod.traits.has('$ZodExactOptional') ? NEVER : orValue(undefined, sub(def.innerType));
    case 'array':
      return array(sub(def.element), c.json);
    case 'object':
      return object(def, sub, c.json);
    case 'record':
      return record(def, sub(def.valueType), c.json);
    case 'union':
      if (zod.traits.has('$ZodXor')) return NEVER;
      return zod.traits.has('$ZodDiscriminatedUnion') ? discriminated(def, sub) : union(def.options as unknown[], sub);
    default:
      return NEVER;
  }
}

/** A primitive type test; with checks, zod runs on the leaf too and must succeed returning the value itself. */
function leaf(zod: Internals, checked: boolean, type: Check, expression?: (x: string) => string): Check {
  if (checked) {
    return (v) => {
      if (!type(v)) return false;
      const result = zod.run({ value: v, issues: [] }, SYNC);
      return result.issues.length === 0 && Object.is(result.value, v);
    };
  }
  if (expression) inline.set(type, expression);
  exact.add(type);
  return type;
}

/** nullable (null passes as is) and optional (undefined passes as is) around `inner`. */
function orValue(value: null | undefined, inner: Check): Check {
  const check: Check = (v) => v === value || inner(v);
  if (exact.has(inner)) exact.add(check);
  const expression = inline.get(inner);
  if (expression) inline.set(check, (x) => `(${x} === ${String(value)} || ${expression(x)})`);
  return check;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

function array(element: Check, json: boolean): Check {
  if (element === NEVER) return NEVER;
  return (v) => {
    if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
    // Named or symbol keys, which zod's copy would not have (JSON.parse makes neither).
    if (!json && (Object.keys(v).length !== v.length || symbols(v).length > 0)) return false;
    for (let i = 0; i < v.length; i += 1) {
      const item: unknown = v[i];
      // zod's copy has `undefined` where the input has a hole.
      if ((item === undefined && !(i in v)) || !element(item)) return false;
    }
    return true;
  };
}

interface ObjectPlan {
  keys: string[];
  checks: Check[];
  /** zod leaves out an absent key only when its schema is optional in and out (z.optional); else absent fails. */
  optional: boolean[];
  /** Optional, and its check passes undefined: absent or own undefined, the key passes either way. */
  mayBeUndefined: boolean[];
  /** zod tests presence with `in`: a key Object.prototype has (toString) reads as present when it is not own. */
  inherited: boolean[];
  /** Unknown keys: stripped (no catchall) or rejected (never) → none allowed; passed through (unknown, any); checked. */
  rest: Check | 'none' | 'any';
  /** Whether to look for symbol keys (which zod's output would not have). */
  symbols: boolean;
}

function object(def: Def, sub: (child: unknown) => Check, json: boolean): Check {
  const shape = def.shape as Record<string, unknown>;
  if (typeof shape !== 'object' || shape === null || symbols(shape).length > 0) return NEVER;
  const keys = Object.keys(shape);
  // zod never outputs a __proto__ key.
  if (keys.includes('__proto__')) return NEVER;
  const checks = keys.map((key) => sub(shape[key]));
  const optional = keys.map((key) => {
    const zod = (shape[key] as { _zod: Internals })._zod;
    return zod.optin === 'optional' && zod.optout === 'optional';
  });
  if (checks.some((check, i) => check === NEVER && !optional[i])) return NEVER;
  const catchall = def.catchall as { _zod: Internals } | undefined;
  const rest = catchall === undefined || catchall._zod.def.type === 'never' ? 'none' : sub(catchall) === ANY ? 'any' : sub(catchall);
  const mayBeUndefined = checks.map((check, i) => optional[i]! && guarded(check)(undefined));
  const plan: ObjectPlan = { keys, checks, optional, mayBeUndefined, inherited: keys.map((key) => key in Object.prototype), rest, symbols: !json };
  return canGenerate() ? generatedObject(plan) : interpretedObject(plan);
}

function interpretedObject({ keys, checks, optional, inherited, rest, symbols: look }: ObjectPlan): Check {
  const known = new Set(keys);
  return (v) => {
    if (!isPlainObject(v) || (look && symbols(v).length > 0)) return false;
    let present = 0;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      const value = v[key];
      if ((value === undefined || inherited[i]) && !hasOwn(v, key)) {
        if (!optional[i] || key in v) return false;
      } else {
        if (!checks[i]!(value)) return false;
        present += 1;
      }
    }
    if (rest === 'any') return !hasOwn(v, '__proto__');
    if (rest === 'none') {
      let count = 0;
      for (const _ in v) count += 1;
      return count === present;
    }
    for (const key in v) {
      if (!known.has(key) && (key === '__proto__' || !rest(v[key]))) return false;
    }
    return true;
  };
}

/** interpretedObject's test unrolled over the keys: named loads, primitive tests inlined. */
function generatedObject({ keys, checks, optional, mayBeUndefined, inherited, rest, symbols: look }: ObjectPlan): Check {
  const lines = keys.map((key, i) => {
    const k = JSON.stringify(key);
    const test = `if (!(${inline.get(checks[i]!)?.('x') ?? `c[${i}](x)`})) return false; present++;`;
    // Only strip mode needs to count an own undefined.
    if (mayBeUndefined[i] && !inherited[i] && rest !== 'none') return `x = v[${k}]; if (x !== undefined) { ${test} }`;
    const absent = optional[i] ? `if (${k} in v) return false;` : 'return false;';
    return `x = v[${k}]; if (${inherited[i] ? 'true' : 'x === undefined'} && !hasOwn(v, ${k})) { ${absent} } else { ${test} }`;
  });
  const tail =
    rest === 'any'
      ? 'return !hasOwn(v, "__proto__");'
      : rest === 'none'
        ? 'let count = 0; for (const _ in v) count++; return count === present;'
        : 'for (const key in v) { if (!known.has(key) && (key === "__proto__" || !rest(v[key]))) return false; } return true;';
  const head = `if (!plain(v)${look ? ' || symbols(v).length > 0' : ''}) return false; let present = 0; let x;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the shape's keys (JSON.stringify'd), as zod's compiled objects are
  const build = new Function('c', 'hasOwn', 'plain', 'symbols', 'known', 'rest', `return (v) => { ${head}\n${lines.join('\n')}\n${tail} };`);
  return (build as (...args: unknown[]) => Check)(checks, hasOwn, isPlainObject, symbols, new Set(keys), rest);
}

/** `z.record(z.string(), value)`: every own key but __proto__ (which zod drops) kept, each value checked. */
function record(def: Def, value: Check, json: boolean): Check {
  const key = (def.keyType as { _zod: Internals })._zod;
  const plainKey = key.def.type === 'string' && (key.def.checks?.length ?? 0) === 0 && !key.traits.has('$ZodCheck') && key.def.coerce !== true;
  if (!plainKey) return NEVER;
  // A symbol key fails the string key schema.
  const look = !json;
  const expression = inline.get(value);
  if (canGenerate() && expression) {
    const head = `if (!plain(v)${look ? ' || symbols(v).length > 0' : ''}) return false;`;
    const body = `return (v) => { ${head} for (const k in v) { const x = v[k]; if (k === "__proto__" || !(${expression('x')})) return false; } return true; };`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- fixed code around an inlined primitive test
    return (new Function('plain', 'symbols', body) as (...args: unknown[]) => Check)(isPlainObject, symbols);
  }
  return (v) => {
    if (!isPlainObject(v) || (look && symbols(v).length > 0)) return false;
    for (const k in v) {
      if (k === '__proto__' || !value(v[k])) return false;
    }
    return true;
  };
}

/** zod returns the first option that succeeds: every option before the one accepted here must fail in zod. */
function union(options: unknown[], sub: (child: unknown) => Check): Check {
  const checks = options.map(sub);
  // Running zod on an option that is not pure could run a transform twice (here, then in the caller's safeParse).
  if (checks.includes(NEVER)) return NEVER;
  const zods = options.map((option) => (option as { _zod: Internals })._zod);
  const check: Check = (v) => {
    for (let i = 0; i < checks.length; i += 1) {
      if (checks[i]!(v)) return true;
      if (!exact.has(checks[i]!) && zods[i]!.run({ value: v, issues: [] }, SYNC).issues.length === 0) return false;
    }
    return false;
  };
  if (checks.every((option) => exact.has(option))) exact.add(check);
  return check;
}

/** zod runs the one option the discriminator's value maps to (a value two options claim maps to none). */
function discriminated(def: Def, sub: (child: unknown) => Check): Check {
  const { discriminator, options, unionFallback } = def as Def & { discriminator: string; options: unknown[]; unionFallback?: boolean };
  if (unionFallback) return NEVER;
  const map = new Map<unknown, Check | null>();
  for (const option of options) {
    const values = (option as { _zod: Internals })._zod.propValues?.[discriminator];
    if (!values || values.size === 0) return NEVER;
    for (const value of values) map.set(value, map.has(value) ? null : sub(option));
  }
  return (v) => {
    if (!isPlainObject(v)) return false;
    const check = map.get(v[discriminator]);
    return check ? check(v) : false;
  };
}
