import type { ColumnType } from '../destination.js';

/** What the stream's JSON Schema says about the column a field path lands in. */
export type TypeHint = ColumnType | 'object';

interface JsonSchemaNode {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  items?: unknown;
  enum?: unknown[];
  const?: unknown;
}

/** The non-null alternatives of a node (`anyOf: [X, {type: 'null'}]` is a nullable X). */
function alternatives(node: JsonSchemaNode): JsonSchemaNode[] {
  const union = node.anyOf ?? node.oneOf;
  if (union) return union.flatMap(alternatives);
  if (Array.isArray(node.type)) return node.type.filter((t) => t !== 'null').map((type) => ({ ...node, type }));
  if (node.type === 'null') return [];
  return [node];
}

function scalarHint(node: JsonSchemaNode): TypeHint | undefined {
  const options = alternatives(node);
  if (options.length !== 1) {
    // A union of scalars of one kind (`'a' | 'b'`) is still text; anything mixed is JSON.
    const kinds = new Set(options.map(scalarHint));
    return kinds.size === 1 ? [...kinds][0] : options.length === 0 ? undefined : 'json';
  }
  const only = options[0]!;
  if (only.allOf && only.allOf.length === 1) return scalarHint(only.allOf[0]!);
  const type = only.type ?? (only.enum ? typeof only.enum[0] : only.const !== undefined ? typeof only.const : undefined);
  switch (type) {
    case 'integer':
      return 'bigint';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'string':
      return only.format === 'date-time' ? 'timestamp' : 'text';
    case 'array':
      return 'json';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/**
 * Reads a record's JSON Schema into hints: `properties.email` → text, `createdAt` → timestamp. An object's
 * `additionalProperties` schema is the hint for every key it has (`properties.*`). Paths use `\u0000` between
 * levels (field names may contain anything else).
 */
export class SchemaHints {
  private readonly hints = new Map<string, TypeHint>();
  private readonly wildcards = new Map<string, TypeHint>();

  constructor(schema: unknown, maxDepth: number) {
    if (schema && typeof schema === 'object') this.visit(schema, [], maxDepth);
  }

  private visit(node: JsonSchemaNode, path: string[], depth: number): void {
    const objects = alternatives(node).filter((n) => n.type === 'object' || n.properties !== undefined);
    for (const object of objects) {
      for (const [key, child] of Object.entries(object.properties ?? {})) {
        const hint = scalarHint(child);
        if (hint === undefined) continue;
        const childPath = [...path, key];
        // An object at the nesting limit is one JSON column.
        this.hints.set(childPath.join('\u0000'), hint === 'object' && depth <= 1 ? 'json' : hint);
        if (hint === 'object' && depth > 1) this.visit(child, childPath, depth - 1);
      }
      if (object.additionalProperties && typeof object.additionalProperties === 'object') {
        const hint = scalarHint(object.additionalProperties);
        if (hint !== undefined) this.wildcards.set(path.join('\u0000'), hint);
      }
    }
  }

  /** The hint for a field path, from its declaration or its parent's `additionalProperties`. */
  hint(path: readonly string[]): TypeHint | undefined {
    const key = path.join('\u0000');
    return this.hints.get(key) ?? this.wildcards.get(path.slice(0, -1).join('\u0000'));
  }

  /** The declared top-level (and nested) scalar paths, so a table has their columns before any value arrives. */
  declaredPaths(): Array<{ path: string[]; type: ColumnType }> {
    const out: Array<{ path: string[]; type: ColumnType }> = [];
    for (const [key, hint] of this.hints) if (hint !== 'object') out.push({ path: key.split('\u0000'), type: hint });
    return out;
  }
}
