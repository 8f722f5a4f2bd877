/**
 * The schema library every connector uses: zod's `zod/mini` API (functions, not methods, so bundlers keep only
 * what a connector uses), compiled into core's dist without zod's 40 locale files. Importing zod from
 * node_modules costs ~50 ms of module loading on a cold start (its entry points load every locale); this copy
 * costs ~8 ms. Types still come from the `zod` package (a dependency), so schemas here are ordinary zod schemas.
 *
 * `import * as z from '@cf/core/zod'` — then `z.object({ id: z.string(), n: z.optional(z.number()) })`.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// The English messages ("Invalid input: expected string, received number"), as `zod` itself sets them.
config(en());

// What connectors use, and its close relatives. Deliberately not everything: each name kept here is code every
// cold start parses. For the rest (toJSONSchema, codecs, ...) import 'zod/mini' itself where the cost is fine.
export {
  // Schemas.
  any,
  array,
  boolean,
  custom,
  date,
  discriminatedUnion,
  enum,
  int,
  intersection,
  lazy,
  literal,
  null,
  number,
  string,
  tuple,
  undefined,
  union,
  unknown,
  url,
  email,
  uuid,
  // Wrappers and object helpers.
  _default,
  catch,
  extend,
  nullable,
  nullish,
  omit,
  optional,
  partial,
  pick,
  pipe,
  prefault,
  readonly,
  required,
  transform,
  // Checks.
  describe,
  endsWith,
  gt,
  gte,
  includes,
  length,
  lt,
  lte,
  maxLength,
  minLength,
  multipleOf,
  negative,
  nonnegative,
  positive,
  refine,
  regex,
  startsWith,
  superRefine,
  toLowerCase,
  toUpperCase,
  trim,
  // Parsing and errors.
  parse,
  safeParse,
  parseAsync,
  safeParseAsync,
  prettifyError,
  NEVER,
  config,
  // Classes (for `instanceof` and for building a schema directly).
  ZodMiniType,
  ZodMiniObject,
  ZodMiniString,
  ZodMiniISODate,
  ZodMiniISODateTime,
  // Namespaces: z.iso.datetime(), z.iso.date(), z.coerce.number().
  iso,
  coerce,
} from 'zod/mini';
export type { infer, input, output } from 'zod/mini';
// Objects on zod's compiled fast path, string-keyed records on a short one (see jit-object.ts).
export { looseObject, object, record, strictObject } from './jit-object.js';
export { lazySchema, realSchema } from './lazy-schema.js';
export type { $ZodType as Schema, $ZodIssue as Issue } from 'zod/v4/core';
export type { ZodMiniType as ZodType, ZodMiniObject as ZodObject } from 'zod/mini';
