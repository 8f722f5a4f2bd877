/**
 * `source` with `values` and `types` imported from `module`: merged into its import of that module (one
 * `import { a, type B } from '...'`, or `import type { ... }` when it imports types only), else a new import after the last.
 */
export function mergeImport(source: string, module: string, values: readonly string[], types: readonly string[] = []): string {
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const existing = new RegExp(`^import (type )?\\{([^}]*)\\} from '${escaped}';$`, 'm').exec(source);
  const have = { values: new Set<string>(), types: new Set<string>() };
  if (existing) {
    const typeOnly = existing[1] !== undefined;
    for (const raw of (existing[2] ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
      if (typeOnly || raw.startsWith('type ')) have.types.add(raw.replace(/^type /, ''));
      else have.values.add(raw);
    }
  }
  const missingValues = values.filter((v) => !have.values.has(v));
  const missingTypes = types.filter((t) => !have.types.has(t) && !have.values.has(t));
  if (existing && missingValues.length === 0 && missingTypes.length === 0) return source;
  for (const v of missingValues) have.values.add(v);
  for (const t of missingTypes) have.types.add(t);
  // A name imported as a value serves as a type too.
  for (const v of have.values) have.types.delete(v);
  const line = importLine(module, [...have.values].sort(), [...have.types].sort());
  if (existing) return source.replace(existing[0], line);
  return addImportLine(source, line);
}

/** `source` with `line` after its last import (or first, when it has none); unchanged when it has that line. */
export function addImportLine(source: string, line: string): string {
  if (source.split('\n').includes(line)) return source;
  const imports = [...source.matchAll(/^import [^;]*;$/gm)];
  const last = imports[imports.length - 1];
  if (last === undefined) return `${line}\n${source}`;
  const at = last.index + last[0].length;
  return `${source.slice(0, at)}\n${line}${source.slice(at)}`;
}

export function importLine(module: string, values: readonly string[], types: readonly string[]): string {
  if (values.length === 0) return `import type { ${types.join(', ')} } from '${module}';`;
  return `import { ${[...values, ...types.map((t) => `type ${t}`)].join(', ')} } from '${module}';`;
}
