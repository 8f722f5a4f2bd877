import type { JsonShape } from './json-shape.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/**
 * The zod 4 source for a shape: objects are `z.looseObject` (unknown fields pass through), arrays `z.array` of
 * their merged elements, fields missing from some objects `.optional()`, values seen as null `.nullable()`.
 * Strings stay strings (ISO dates included: the API sends text, the caller decides whether to parse it).
 * A value only ever seen as null, or an element of arrays only ever seen empty, is `z.unknown()`: the sample
 * does not say what it holds.
 */
export function zodSource(shape: JsonShape, indent = ''): string {
  const kinds: string[] = [];
  if (shape.strings > 0) kinds.push('z.string()');
  if (shape.numbers > 0) kinds.push('z.number()');
  if (shape.booleans > 0) kinds.push('z.boolean()');
  if (shape.array) kinds.push(`z.array(${shape.array.element ? zodSource(shape.array.element, indent) : 'z.unknown()'})`);
  if (shape.object) kinds.push(objectSource(shape, indent));
  if (kinds.length === 0) return 'z.unknown()';
  const base = kinds.length === 1 ? (kinds[0] ?? '') : `z.union([${kinds.join(', ')}])`;
  return shape.nulls > 0 ? `${base}.nullable()` : base;
}

function objectSource(shape: JsonShape, indent: string): string {
  const fields = shape.object?.fields ?? new Map<string, JsonShape>();
  if (fields.size === 0) return 'z.looseObject({})';
  const inner = `${indent}  `;
  const lines = [...fields].map(([key, field]) => {
    const optional = field.count < (shape.object?.count ?? 0) ? '.optional()' : '';
    return `${inner}${propertyKey(key)}: ${zodSource(field, inner)}${optional},`;
  });
  return `z.looseObject({\n${lines.join('\n')}\n${indent}})`;
}
