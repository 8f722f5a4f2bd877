import * as mini from 'zod/mini';
import * as core from 'zod/v4/core';

/**
 * zod/mini's object schemas, parsed by zod's compiled fast path. `zod/mini` objects check every field through the
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

export const object: typeof mini.object = ((shape?: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape: shape ?? {}, ...core.util.normalizeParams(params) })) as typeof mini.object;

export const strictObject: typeof mini.strictObject = ((shape: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape, catchall: mini.never(), ...core.util.normalizeParams(params) })) as typeof mini.strictObject;

export const looseObject: typeof mini.looseObject = ((shape: core.$ZodLooseShape, params?: string | core.$ZodObjectParams) =>
  new ZodMiniObjectJIT({ type: 'object', shape, catchall: mini.unknown(), ...core.util.normalizeParams(params) })) as typeof mini.looseObject;
