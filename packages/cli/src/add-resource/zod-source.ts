import type { JsonShape } from './json-shape.js';
import { propertyKey } from './ts-syntax.js';

export interface ZodSourceOptions {
  indent?: string;
  /** Writes `source` for the array at `path` instead of inferring it (a page's records: `z.array(orderSchema)`). */
  replace?: { path: readonly string[]; source: string } | undefined;
}

/**
 * The source of a schema for a shape, in the `zod/mini` API connectors use (`import * as z from '@cf/core/zod'`):
 * objects are `z.looseObject` (unknown fields pass through), arrays `z.array` of their merged elements, fields
 * missing from some objects `z.optional(...)`, values seen as null `z.nullable(...)` (both: `z.nullish(...)`).
 * Strings stay strings (ISO dates included: the API sends text, the caller decides whether to parse it).
 * A value only ever seen as null, or the elements of arrays only ever seen empty, is `z.unknown()`: the sample
 * does not say what it holds.
 */
export function zodSource(shape: JsonShape, options: ZodSourceOptions = {}): string {
  return sourceAt(shape, options.indent ?? '', [], options.replace);
}

function sourceAt(shape: JsonShape, indent: string, path: string[], replace: ZodSourceOptions['replace'], optional = false): string {
  const replaced = replace !== undefined && samePath(path, replace.path);
  const kinds: string[] = [];
  if (shape.strings > 0) kinds.push('z.string()');
  if (shape.numbers > 0) kinds.push('z.number()');
  if (shape.booleans > 0) kinds.push('z.boolean()');
  if (replaced) kinds.push(replace.source);
  else if (shape.array) kinds.push(`z.array(${shape.array.element ? sourceAt(shape.array.element, indent, [...path, '[]'], replace) : 'z.unknown()'})`);
  if (shape.object) kinds.push(objectSource(shape, indent, path, replace));
  // `z.unknown()` accepts null and undefined already: only a missing field needs saying.
  if (kinds.length === 0) return optional ? 'z.optional(z.unknown())' : 'z.unknown()';
  const base = kinds.length === 1 ? (kinds[0] ?? '') : `z.union([${kinds.join(', ')}])`;
  const nullable = shape.nulls > 0;
  if (nullable && optional) return `z.nullish(${base})`;
  if (nullable) return `z.nullable(${base})`;
  return optional ? `z.optional(${base})` : base;
}

function objectSource(shape: JsonShape, indent: string, path: string[], replace: ZodSourceOptions['replace']): string {
  const fields = shape.object?.fields ?? new Map<string, JsonShape>();
  if (fields.size === 0) return 'z.looseObject({})';
  const inner = `${indent}  `;
  const lines = [...fields].map(([key, field]) => {
    const optional = field.count < (shape.object?.count ?? 0);
    return `${inner}${propertyKey(key)}: ${sourceAt(field, inner, [...path, key], replace, optional)},`;
  });
  return `z.looseObject({\n${lines.join('\n')}\n${indent}})`;
}

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
