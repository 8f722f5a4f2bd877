import { shapeOf } from './json-shape.js';
import { zodSource } from './zod-source.js';

/**
 * The source of a schema that accepts every sample given (and, loosely, their unknown fields), in the `zod/mini`
 * API connectors import from `@cf/core/zod`: `inferZodSchema([{ id: 'a', note: null }, { id: 'b' }])` is
 * `z.looseObject({ id: z.string(), note: z.optional(z.unknown()) })` written over several lines.
 */
export function inferZodSchema(samples: readonly unknown[]): string {
  return zodSource(shapeOf(samples));
}
