import type { JsonShape } from './json-shape.js';
import { propertyKey } from './ts-syntax.js';

export interface ZodSourceOptions {
  indent?: string;
  /** Writes `source` for the array at `path` instead of inferring it (a page's records: `z.array(orderSchema)`). */
  replace?: { path: readonly string[]; source: string } | undefined;
}

/**
 * The zod 4 source for a shape: objects are `z.looseObject` (unknown fields pass through), arrays `z.array` of
 * their merged elements, fields missing from some objects `.optional()`, values seen as null `.nullable()`.
 * Strings stay strings (ISO dates included: the API sends text, the caller decides whether to parse it).
 * A value only ever seen as null, or the elements of arrays only ever seen empty, is `z.unknown()`: the sample
 * does not say what it holds.
 */
export function zodSource(shape: JsonShape, options: ZodSourceOptions = {}): string {
  return sourceAt(shape, options.indent ?? '', [], options.replace);
}

function sourceAt(shape: JsonShape, indent: string, path: string[], replace: ZodSourceOptions['replace']): string {
  const replaced = replace !== undefined && samePath(path, replace.path);
  const kinds: string[] = [];
  if (shape.strings > 0) kinds.push('z.string()');
  if (shape.numbers > 0) kinds.push('z.number()');
  if (shape.booleans > 0) kinds.push('z.boolean()');
  if (replaced) kinds.push(replace.source);
  else if (shape.array) kinds.push(`z.array(${shape.array.element ? sourceAt(shape.array.element, indent, [...path, '[]'], replace) : 'z.unknown()'})`);
  if (shape.object) kinds.push(objectSource(shape, indent, path, replace));
  if (kinds.length === 0) return 'z.unknown()';
  const base = kinds.length === 1 ? (kinds[0] ?? '') : `z.union([${kinds.join(', ')}])`;
  return shape.nulls > 0 ? `${base}.nullable()` : base;
}

function objectSource(shape: JsonShape, indent: string, path: string[], replace: ZodSourceOptions['replace']): string {
  const fields = shape.object?.fields ?? new Map<string, JsonShape>();
  if (fields.size === 0) return 'z.looseObject({})';
  const inner = `${indent}  `;
  const lines = [...fields].map(([key, field]) => {
    const optional = field.count < (shape.object?.count ?? 0) ? '.optional()' : '';
    return `${inner}${propertyKey(key)}: ${sourceAt(field, inner, [...path, key], replace)}${optional},`;
  });
  return `z.looseObject({\n${lines.join('\n')}\n${indent}})`;
}

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
