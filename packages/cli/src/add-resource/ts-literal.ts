import { propertyKey, quote } from './ts-syntax.js';

/**
 * A JSON value as a TypeScript literal in the repository's style: single quotes, bare keys where they are
 * identifiers, objects one field per line, short arrays of scalars on one line.
 */
export function tsLiteral(value: unknown, indent = ''): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    const inline = `[${value.map((v) => tsLiteral(v)).join(', ')}]`;
    if (scalars && inline.length <= 100) return inline;
    return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${tsLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}
