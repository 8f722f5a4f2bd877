import { parseGid } from '../gid.js';
import { resolveArg, type GraphqlDocument, type Selection } from '../graphql-document.js';

/**
 * Shapes a stored record like a GraphQL response for a selection: only the selected fields, aliases
 * honoured, nested arrays served as connections (`nodes`, `edges`, `pageInfo`) sized by `first`, and
 * inline fragments applied when the record's GID type matches.
 */
export interface ProjectionContext {
  fragments: GraphqlDocument['fragments'];
  variables: Record<string, unknown> | undefined;
}

function typeOf(record: Record<string, unknown>): string | undefined {
  return typeof record.id === 'string' ? parseGid(record.id)?.type : undefined;
}

function cursorFor(item: unknown, index: number): string {
  const id = typeof (item as { id?: unknown })?.id === 'string' ? ((item as { id: string }).id) : String(index);
  return Buffer.from(JSON.stringify({ last_id: id, index })).toString('base64');
}

export function project(record: Record<string, unknown>, selections: Selection[], ctx: ProjectionContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const type = typeOf(record);
  for (const s of selections) {
    if (s.kind === 'inline') {
      if (s.typeCondition === undefined || type === undefined || s.typeCondition === type) Object.assign(out, project(record, s.selections, ctx));
      continue;
    }
    if (s.kind === 'spread') {
      const fragment = ctx.fragments.get(s.name);
      if (fragment && (type === undefined || fragment.typeCondition === type)) Object.assign(out, project(record, fragment.selections, ctx));
      continue;
    }
    const key = s.alias ?? s.name;
    if (s.name === '__typename') {
      out[key] = type ?? null;
      continue;
    }
    let value = record[s.name];
    if (Array.isArray(value) && 'names' in s.args) {
      const names = resolveArg(s.args.names, ctx.variables);
      if (Array.isArray(names)) value = value.filter((v) => names.includes((v as { name?: unknown }).name));
    }
    if (!s.selections) {
      out[key] = value === undefined ? null : value;
    } else if (Array.isArray(value) && ('first' in s.args || 'last' in s.args)) {
      out[key] = connection(value, s.selections, s.args, ctx);
    } else if (Array.isArray(value)) {
      out[key] = (value as unknown[]).map((v) => (typeof v === 'object' && v !== null ? project(v as Record<string, unknown>, s.selections as Selection[], ctx) : v));
    } else if (typeof value === 'object' && value !== null) {
      out[key] = project(value as Record<string, unknown>, s.selections, ctx);
    } else {
      out[key] = null;
    }
  }
  return out;
}

/** A connection over `items` for a selection of `nodes`, `edges` and `pageInfo`. */
export function connection(
  items: unknown[],
  selections: Selection[],
  args: Record<string, unknown>,
  ctx: ProjectionContext,
  page: { hasNextPage?: boolean; hasPreviousPage?: boolean; offset?: number; cursor?: (item: unknown, index: number) => string } = {},
): Record<string, unknown> {
  const first = resolveArg(args.first as never, ctx.variables);
  const size = typeof first === 'number' ? first : items.length;
  const slice = items.slice(0, size);
  const cursor = page.cursor ?? ((item: unknown, i: number) => cursorFor(item, (page.offset ?? 0) + i));
  const out: Record<string, unknown> = {};
  for (const s of selections) {
    if (s.kind !== 'field') continue;
    const key = s.alias ?? s.name;
    if (s.name === 'nodes' && s.selections) {
      out[key] = slice.map((item) => project(item as Record<string, unknown>, s.selections as Selection[], ctx));
    } else if (s.name === 'edges' && s.selections) {
      out[key] = slice.map((item, i) => {
        const edge: Record<string, unknown> = {};
        for (const e of s.selections as Selection[]) {
          if (e.kind !== 'field') continue;
          if (e.name === 'cursor') edge[e.alias ?? 'cursor'] = cursor(item, i);
          if (e.name === 'node' && e.selections) edge[e.alias ?? 'node'] = project(item as Record<string, unknown>, e.selections, ctx);
        }
        return edge;
      });
    } else if (s.name === 'pageInfo' && s.selections) {
      const info = {
        hasNextPage: page.hasNextPage ?? items.length > size,
        hasPreviousPage: page.hasPreviousPage ?? (page.offset ?? 0) > 0,
        startCursor: slice.length > 0 ? cursor(slice[0], 0) : null,
        endCursor: slice.length > 0 ? cursor(slice[slice.length - 1], slice.length - 1) : null,
      };
      out[key] = project(info, s.selections, ctx);
    } else if (s.name === '__typename') {
      out[key] = 'Connection';
    }
  }
  return out;
}
