import { NotFoundError, paginate, validateInput, ValidationError, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext, ShopifyNode } from '../context.js';
import { MAX_PAGE_SIZE, MAX_SINGLE_QUERY_COST } from '../cost.js';
import { itemCost } from '../cost-estimate.js';
import { requireGid } from '../gid.js';
import { GraphqlSyntaxError, parseSelection } from '../graphql-document.js';
import { connectionSchema, dateTime } from '../schemas.js';
import { advance, beginRun, runSearchQuery, toCheckpoint, type SyncCheckpoint, type SyncStart } from '../sync-checkpoint.js';

/** How one Shopify connection (products, orders, ...) is queried. */
export interface ConnectionDefinition<TNode, TSortKey extends string> {
  /** The list field on QueryRoot, e.g. `products`. */
  root: string;
  /** The single-object field, e.g. `product`. */
  single: string;
  /** The GID type, e.g. `Product`. */
  type: string;
  /** The sort-key enum and its values, when the connection takes `sortKey`. */
  sort?: { type: string; keys: readonly [TSortKey, ...TSortKey[]] };
  /** The default field selection of a node. */
  fields: string;
  node: z.ZodType<TNode>;
}

/** Options of `list`: page size, cursor, search filter, order, node selection and a page cap. */
export interface ListOptions<TSortKey extends string = string> {
  /** Page size, 1–250. @default the largest page whose cost stays under Shopify's 1000-point single-query limit */
  first?: number;
  /** Start after this cursor (`pageInfo.endCursor` of an earlier page). */
  after?: string;
  /** Shopify search syntax, e.g. `status:active updated_at:>'2025-01-01T00:00:00Z'`. */
  query?: string;
  /**
   * The order of the nodes (the resource's sort keys, e.g. `UPDATED_AT`). @default Shopify's default for the
   * connection (usually `ID`)
   */
  sortKey?: TSortKey;
  /** Reverse the order. @default false */
  reverse?: boolean;
  /** Your own node selection instead of the default, e.g. `id title variants(first: 5) { nodes { sku } }`. */
  fields?: string;
  /** Stop after this many pages. @default 100000 */
  maxPages?: number;
}

/** Options of `changedSince`: page size, an extra filter, the node selection, the lag, and a page cap. */
export interface ChangedSinceOptions {
  /** Page size, 1–250. @default as for `list` */
  first?: number;
  /** An extra Shopify search filter, ANDed with the updated_at bounds. */
  query?: string;
  /** Your own node selection (`id` and `updatedAt` are always added). */
  fields?: string;
  /**
   * Leave out changes newer than this many ms, so records Shopify has not indexed yet for search are
   * picked up by the next run rather than skipped. @default 0
   */
  lagMs?: number;
  /** Stop after this many pages. @default 100000 */
  maxPages?: number;
}

const syncNodeSchema = z.lazySchema(() => z.looseObject({ id: z.string(), updatedAt: dateTime }));

const first = z.lazySchema(() => z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE} (Shopify's page limit)`)));
const maxPages = z.lazySchema(() => z.int().check(z.positive()));

/** `fields` must be a readable selection; returns its per-item cost. */
function selectionCost(fields: string): number {
  try {
    return itemCost(parseSelection(fields), new Map());
  } catch (cause) {
    const message = cause instanceof GraphqlSyntaxError ? cause.message : String(cause);
    throw new ValidationError({ message: `fields is not a valid GraphQL selection: ${message}`, issues: [{ path: 'fields', message }], cause });
  }
}

/** The largest page whose requested cost (2 + first × item) stays within the single-query maximum. */
export function pageSizeFor(fields: string): number {
  const perItem = selectionCost(fields);
  const size = Math.min(MAX_PAGE_SIZE, Math.floor((MAX_SINGLE_QUERY_COST - 2) / perItem));
  if (size < 1) {
    throw new ValidationError({
      message: `fields: one node of this selection costs about ${perItem} points, over Shopify's ${MAX_SINGLE_QUERY_COST}-point limit per query; select fewer nested connections or use bulk.run().`,
      issues: [{ path: 'fields', message: `one node costs about ${perItem} points` }],
    });
  }
  return size;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The list query of a connection, with the given node selection. */
function listDocument(def: ConnectionDefinition<unknown, string>, fields: string): string {
  const sort = def.sort;
  const vars = `$first: Int!, $after: String, $query: String, $reverse: Boolean${sort ? `, $sortKey: ${sort.type}` : ''}`;
  const args = `first: $first, after: $after, query: $query, reverse: $reverse${sort ? ', sortKey: $sortKey' : ''}`;
  return `query ${pascal(def.root)}List(${vars}) {\n  ${def.root}(${args}) {\n    nodes { ${fields} }\n    pageInfo { hasNextPage endCursor }\n  }\n}`;
}

function listOptionsSchema(def: ConnectionDefinition<unknown, string>) {
  const sort = def.sort;
  return z.strictObject({
    first: z.optional(first),
    after: z.optional(z.string().check(z.minLength(1))),
    query: z.optional(z.string().check(z.maxLength(10_000))),
    sortKey: z.optional(sort ? z.enum(sort.keys as unknown as [string, ...string[]]) : z.undefined({ error: `${def.root} takes no sortKey` })),
    reverse: z.optional(z.boolean()),
    fields: z.optional(z.string().check(z.trim(), z.minLength(1))),
    maxPages: z.optional(maxPages),
  });
}

/**
 * A Shopify connection as a resource: `list` (an async iterator over nodes with cursor pagination),
 * `get` by id, and `changedSince` for incremental extraction. Each resource file describes its
 * connection and adds its own verbs (mutations).
 */
export class ConnectionResource<TNode, TSortKey extends string = never> {
  // `#private`, with protected getters for the resources built on this one: the connector's context is not a
  // field a caller can reach (nor one the conformance kit's walk mistakes for a resource).
  readonly #ctx: ShopifyContext;
  readonly #def: ConnectionDefinition<TNode, TSortKey>;

  constructor(ctx: ShopifyContext, def: ConnectionDefinition<TNode, TSortKey>) {
    this.#ctx = ctx;
    this.#def = def;
  }

  /** The connector's context (GraphQL executor, HTTP clients, events), for subclasses. */
  protected get ctx(): ShopifyContext {
    return this.#ctx;
  }

  /** The connection's definition (root field, sort keys, default selection, node schema), for subclasses. */
  protected get def(): ConnectionDefinition<TNode, TSortKey> {
    return this.#def;
  }

  /**
   * Every node of the connection, page by page (`first` up to 250, `pageInfo.endCursor`), as an async
   * iterator; `.pages()` gives each page with its cursor, `.toArray({ limit })` collects a bounded number.
   */
  list(options?: ListOptions<TSortKey> & { fields?: undefined }, call?: CallOptions): Paginated<TNode, string>;
  list<T extends object = ShopifyNode>(options: ListOptions<TSortKey> & { fields: string }, call?: CallOptions): Paginated<T, string>;
  list(options: ListOptions<TSortKey> = {}, call: CallOptions = {}): Paginated<unknown, string> {
    const opts = validateInput(listOptionsSchema(this.def), options, `Invalid ${this.def.root}.list options`);
    const fields = opts.fields ?? this.def.fields;
    const size = opts.first ?? pageSizeFor(fields);
    const node: z.ZodType<unknown> = opts.fields ? z.looseObject({}) : this.def.node;
    const document = listDocument(this.def, fields);
    const schema = z.looseObject({ [this.def.root]: connectionSchema(node) });
    return paginate<unknown, string>({
      start: opts.after,
      maxPages: opts.maxPages,
      signal: call.signal,
      fetchPage: async (cursor) => {
        const variables = {
          first: size,
          after: cursor ?? null,
          query: opts.query ?? null,
          reverse: opts.reverse ?? false,
          ...(this.def.sort ? { sortKey: opts.sortKey ?? null } : {}),
        };
        const { data } = await this.ctx.executor.execute(document, variables, { ...call, schema, operation: `${this.def.root}.list` });
        const connection = data[this.def.root];
        if (!connection) return { items: [], next: undefined };
        const next = connection.pageInfo.hasNextPage ? (connection.pageInfo.endCursor ?? undefined) : undefined;
        return { items: connection.nodes, next };
      },
    });
  }

  /** One node by GID (or numeric id). Throws NOT_FOUND when Shopify has none. */
  get(id: string | number, call?: CallOptions): Promise<TNode>;
  get<T extends object = ShopifyNode>(id: string | number, options: { fields: string }, call?: CallOptions): Promise<T>;
  async get(id: string | number, optionsOrCall: { fields?: string } & CallOptions = {}, maybeCall: CallOptions = {}): Promise<unknown> {
    const gid = requireGid(this.def.type, id);
    const { fields: custom, ...rest } = optionsOrCall;
    const call = custom === undefined ? rest : maybeCall;
    if (custom !== undefined) selectionCost(validateInput(z.string().check(z.trim(), z.minLength(1)), custom, 'Invalid fields'));
    const fields = custom ?? this.def.fields;
    const document = `query ${pascal(this.def.single)}Get($id: ID!) {\n  ${this.def.single}(id: $id) { ${fields} }\n}`;
    const node: z.ZodType<unknown> = custom !== undefined ? z.looseObject({}) : this.def.node;
    const schema = z.looseObject({ [this.def.single]: z.nullable(node) });
    const { data, meta } = await this.ctx.executor.execute(document, { id: gid }, { ...call, schema, operation: `${this.def.root}.get` });
    const found = data[this.def.single];
    if (found === null || found === undefined) {
      throw new NotFoundError({
        message: `No ${this.def.type} with id ${gid} in this shop (or the app cannot see it).`,
        requestId: meta.requestId,
        source: 'shopify',
        details: { id: gid, ...(meta.apiRequestId ? { apiRequestId: meta.apiRequestId } : {}) },
      });
    }
    return found;
  }
}

/** The fields `changedSince` always reads, whatever the selection. */
export type SyncNode = {
  /** The node's GID. */
  id: string;
  /** When the node last changed (ISO 8601). */
  updatedAt: string;
};

/** A connection that can be sorted by UPDATED_AT, hence read incrementally with `changedSince`. */
export class SyncableConnectionResource<TNode extends SyncNode, TSortKey extends string> extends ConnectionResource<TNode, TSortKey> {
  /**
   * Every node changed since `start` (a checkpoint saved from a previous page, an ISO date-time, or null
   * for everything), oldest change first. Save `page.checkpoint` from `.pages()` after processing each
   * page; passing it back resumes exactly, and the last page's checkpoint starts the next run without
   * losing or repeating records that share a timestamp.
   */
  changedSince(start?: SyncStart, options?: ChangedSinceOptions & { fields?: undefined }, call?: CallOptions): Paginated<TNode, SyncCheckpoint>;
  changedSince<T extends object = ShopifyNode>(
    start: SyncStart,
    options: ChangedSinceOptions & { fields: string },
    call?: CallOptions,
  ): Paginated<T & SyncNode, SyncCheckpoint>;
  changedSince(start?: SyncStart, options: ChangedSinceOptions = {}, call: CallOptions = {}): Paginated<SyncNode, SyncCheckpoint> {
    const checkpoint = toCheckpoint(start);
    const opts = validateInput(
      z.strictObject({
        first: z.optional(first),
        query: z.optional(z.string().check(z.maxLength(10_000))),
        fields: z.optional(z.string().check(z.trim(), z.minLength(1))),
        lagMs: z.optional(z.int().check(z.nonnegative())),
        maxPages: z.optional(maxPages),
      }),
      options,
      `Invalid ${this.def.root}.changedSince options`,
    );
    const fields = opts.fields !== undefined ? `id updatedAt ${opts.fields}` : this.def.fields;
    const size = opts.first ?? pageSizeFor(fields);
    const document = listDocument(this.def, fields);
    const node = opts.fields !== undefined ? syncNodeSchema : z.intersection(syncNodeSchema, this.def.node);
    const schema = z.looseObject({ [this.def.root]: connectionSchema(node) });
    return paginate<SyncNode, SyncCheckpoint>({
      start: checkpoint,
      maxPages: opts.maxPages,
      signal: call.signal,
      fetchPage: async (cursor) => {
        const current = beginRun(cursor ?? checkpoint, this.ctx.http().clock.now(), opts.lagMs ?? 0);
        const variables = {
          first: size,
          after: current.after,
          query: runSearchQuery(current, opts.query),
          reverse: false,
          sortKey: 'UPDATED_AT',
        };
        const { data } = await this.ctx.executor.execute(document, variables, { ...call, schema, operation: `${this.def.root}.changedSince` });
        const connection = data[this.def.root];
        const page = advance(current, (connection?.nodes ?? []) as SyncNode[], connection?.pageInfo ?? { hasNextPage: false, endCursor: null });
        return page;
      },
    });
  }
}
