import { shapeOf } from './json-shape.js';
import { zodSource } from './zod-source.js';

/**
 * The zod 4 source of a schema that accepts every sample given (and, loosely, their unknown fields):
 * `inferZodSchema([{ id: 'a', note: null }, { id: 'b' }])` is
 * `z.looseObject({ id: z.string(), note: z.unknown().optional() })` written over several lines.
 */
export function inferZodSchema(samples: readonly unknown[]): string {
  return zodSource(shapeOf(samples));
}
