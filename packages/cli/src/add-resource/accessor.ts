import { mayBeAbsent, type JsonShape } from './json-shape.js';
import { propertyKey } from './ts-syntax.js';

/**
 * TypeScript that reads `path` from `base`, with `?.` exactly where the shape says a step may be null or
 * missing, and whether the result may be absent (so the caller adds `?? []`).
 */
export function accessor(base: string, path: readonly string[], shape: JsonShape): { expr: string; absent: boolean } {
  // `(data as Page).field`, but plain `data as Page` when the response is the value itself.
  let expr = path.length === 0 ? base.replace(/^\((.*)\)$/, '$1') : base;
  let absent = false;
  let at: JsonShape | undefined = shape;
  for (const key of path) {
    const prop = propertyKey(key);
    const step = prop === key ? `.${key}` : `[${prop}]`;
    expr += absent ? `?${step.startsWith('.') ? step : `.${step}`}` : step;
    const field: JsonShape | undefined = at?.object?.fields.get(key);
    absent = absent || field === undefined || mayBeAbsent(field, at);
    at = field;
  }
  return { expr, absent };
}

/** Reads `path` from a value whose type is the literal sample (always present there). */
export function literalAccessor(base: string, path: readonly string[]): string {
  return path.reduce((expr, key) => (propertyKey(key) === key ? `${expr}.${key}` : `${expr}[${propertyKey(key)}]`), base);
}
