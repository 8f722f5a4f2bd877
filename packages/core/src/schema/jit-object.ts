import * as mini from 'zod/mini';
import * as core from 'zod/v4/core';

/**
 * zod/mini's object and record schemas on fast paths. Objects: zod's compiled parser. `zod/mini` objects check every field through the
 * generic interpreter; `zod`'s classic objects compile a parser per shape on first use (where the runtime allows
 * `new Function`; elsewhere, e.g. Cloudflare Workers, zod falls back to the interpreter by itself). The same
 * schema class otherwise (`instanceof ZodMiniObject`, `.shape`, `z.extend`/`z.pick` keep the fast path): a page of
 * 100 HubSpot records validates in ~60 % of the time (packages/bench/src/probes/schema-probe.ts).
 */
type Init = (inst: unknown, def: unknown) => void;

const ZodMiniObjectJIT = core.$constructor('ZodMiniObject', (inst: mini.ZodMiniObject, def: mini.ZodMiniObject['_zod']['def']) => {
  (core.$ZodObjectJIT.init as Init)(inst, def);
  (mini.ZodMiniType.init as Init)(inst, def);
  core.util.installLazyProp(inst, 'shape', (self: mini.ZodMiniObject) => self._zod.def.shape, false);
}) as unknown as new (def: object) => mini.ZodMiniObject;

/**
 * `z.object(shape)` (unknown keys stripped), with zod's compiled parser: the same schema class as zod/mini's, faster
 * on large objects.
 */
export const object: typeof mini.object = ((shape?: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape: shape ?? {}, ...core.util.normalizeParams(params) })) as typeof mini.object;

/** `z.strictObject(shape)` (unknown keys rejected), with zod's compiled parser. */
export const strictObject: typeof mini.strictObject = ((shape: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape, catchall: mini.never(), ...core.util.normalizeParams(params) })) as typeof mini.strictObject;

/** `z.looseObject(shape)` (unknown keys passed through), with zod's compiled parser. */
export const looseObject: typeof mini.looseObject = ((shape: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape, catchall: mini.unknown(), ...core.util.normalizeParams(params) })) as typeof mini.looseObject;

/** A key schema that accepts every string key unchanged: `z.string()` with no checks, no coercion. */
function plainStringKey(keyType: core.$ZodType): boolean {
  const def = keyType._zod.def as { type: string; checks?: unknown[]; coerce?: boolean };
  return def.type === 'string' && (def.checks?.length ?? 0) === 0 && def.coerce !== true;
}

type Payload = core.ParsePayload;
type Parse = (payload: Payload, ctx?: core.ParseContextInternal) => Payload | Promise<Payload>;

/**
 * A record keyed by plain strings (`z.record(z.string(), value)`, HubSpot's `properties`): every own key is valid, so
 * only the values are checked, in one loop (zod's generic record runs the key schema and reflection on every key:
 * ~0.1 µs a key). The same result and issues (paths included); anything unusual (async parsing, symbol keys, a key
 * schema with checks, zod's memoizer) takes zod's own path.
 */
/**
 * For value schemas that return a valid input unchanged and allocate nothing doing so — `z.string()`, `z.boolean()`,
 * `z.unknown()`, `z.any()` without checks or coercion, and `z.nullable()` of one — a plain test of a value that
 * passes; undefined for any other schema (or when zod is configured to run something on every parse).
 */
function passThroughCheck(schema: core.$ZodType): ((value: unknown) => boolean) | undefined {
  const def = schema._zod.def as core.$ZodTypeDef & { coerce?: boolean; innerType?: core.$ZodType };
  if ((def.checks?.length ?? 0) > 0 || def.coerce === true) return undefined;
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'nullable': {
      const inner = def.innerType ? passThroughCheck(def.innerType) : undefined;
      return inner ? (v) => v === null || inner(v) : undefined;
    }
    default:
      return undefined;
  }
}

const ZodMiniRecordFast = core.$constructor('ZodMiniRecord', (inst: mini.ZodMiniRecord, def: mini.ZodMiniRecord['_zod']['def']) => {
  // What zod/mini's ZodMiniRecord does (its own init would see its trait, which this class carries, and skip).
  (core.$ZodRecord.init as Init)(inst, def);
  (mini.ZodMiniType.init as Init)(inst, def);
  const generic = inst._zod.parse.bind(inst._zod) as Parse;
  if (!plainStringKey(def.keyType) || core.globalConfig.memoizer) return;
  const passes = passThroughCheck(def.valueType);
  inst._zod.parse = (payload: Payload, ctx?: core.ParseContextInternal) => {
    const input = payload.value;
    if (ctx?.async !== false || !core.util.isPlainObject(input) || Object.getOwnPropertySymbols(input).length > 0) return generic(payload, ctx);
    const out: Record<string, unknown> = {};
    const issues: core.$ZodRawIssue[] = [];
    const value = def.valueType._zod;
    for (const key of Object.keys(input)) {
      if (key === '__proto__') continue;
      const v = (input as Record<string, unknown>)[key];
      // A value the schema passes through unchanged (a string for z.nullable(z.string())) needs no run; anything
      // else, failures included, takes zod's run, so results and issues stay zod's own.
      if (passes?.(v)) {
        out[key] = v;
        continue;
      }
      const result = value.run({ value: v, issues: [] }, ctx);
      if (result instanceof Promise) return generic(payload, ctx);
      if (result.issues.length > 0) issues.push(...core.util.prefixIssues(key, result.issues));
      out[key] = result.value;
    }
    payload.value = out;
    if (issues.length > 0) payload.issues.push(...issues);
    return payload;
  };
}) as unknown as new (def: object) => mini.ZodMiniRecord;

/**
 * `z.record(keyType, valueType)`; keyed by plain strings, only the values are checked, in one loop (faster, same
 * result and issues).
 */
export const record: typeof mini.record = ((keyType: core.$ZodType, valueType?: core.$ZodType | string | core.$ZodRecordParams, params?: string | core.$ZodRecordParams) => {
  // zod's v3 form `z.record(valueType, params?)` keys by strings.
  if (valueType === undefined || typeof valueType === 'string' || !('_zod' in valueType)) {
    return new ZodMiniRecordFast({ type: 'record', keyType: mini.string(), valueType: keyType, ...core.util.normalizeParams(valueType) });
  }
  return new ZodMiniRecordFast({ type: 'record', keyType, valueType, ...core.util.normalizeParams(params) });
}) as typeof mini.record;
