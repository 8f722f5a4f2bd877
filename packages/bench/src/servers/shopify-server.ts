import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockCostBucket } from '@cf/connector-shopify/mocks';
import { argValue, connectionSize, nodeCost, parseOperation, selectionCost, type Field } from './graphql-cost.js';
import { cursor, shopifyProduct } from './records.js';
import { readConfig, sendJson, serve, type FakeApi } from './serve.js';

/**
 * A fake Shopify Admin GraphQL API (the `products` connection, and `shop`'s scalars) enforcing the cost model: each query's requested
 * cost is taken from a leaky bucket (1000 points restoring 50/s on the Standard plan) before it runs, the unused
 * part refunded after; a query that does not fit gets THROTTLED on HTTP 200, and every response reports
 * `extensions.cost.throttleStatus`. Run it in its own process.
 */
export interface ShopifyServerConfig {
  /** Products to page over (generated on the fly). */
  records: number;
  maximumAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;
const MAX_SINGLE_QUERY_COST = 1000;
const MAX_PAGE = 250;
/** The shop's scalar fields the fake serves (`shop { ... }` costs 1 point: an object, its scalars free). */
const SHOP = { id: 'gid://shopify/Shop/1', name: 'Bench', myshopifyDomain: 'bench.myshopify.com', currencyCode: 'USD' };

class FakeShopify implements FakeApi {
  private bucket: MockCostBucket;
  private readonly documents = new Map<string, Field[]>();
  private counts = { requests: 0, served: 0, throttled: 0 };

  constructor(private readonly config: ShopifyServerConfig) {
    this.bucket = this.newBucket();
  }

  /** Shopify's server-side bucket, shared with the connector's own mocks (one model, not two). */
  private newBucket(): MockCostBucket {
    return new MockCostBucket(() => performance.now(), { maximumAvailable: this.config.maximumAvailable, restoreRate: this.config.restoreRate });
  }

  stats() {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = { requests: 0, served: 0, throttled: 0 };
    this.bucket = this.newBucket();
  }

  handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    this.counts.requests += 1;
    const headers = { 'x-request-id': randomUUID(), 'x-shopify-api-version': '2025-07' };
    if (req.method !== 'POST' || !GRAPHQL_PATH.test(new URL(req.url ?? '/', 'http://localhost').pathname)) {
      return sendJson(res, 404, { errors: 'Not Found' }, headers);
    }
    if (!req.headers['x-shopify-access-token']) {
      return sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, headers);
    }
    let query: string;
    let variables: Record<string, unknown>;
    let root: Field[];
    try {
      const parsed = JSON.parse(body) as { query?: unknown; variables?: unknown };
      if (typeof parsed.query !== 'string') throw new Error('a query string is required');
      query = parsed.query;
      variables = (parsed.variables ?? {}) as Record<string, unknown>;
      root = this.documents.get(query) ?? parseOperation(query);
      this.documents.set(query, root);
    } catch (error) {
      return sendJson(res, 400, { errors: [{ message: `Parse error: ${(error as Error).message}` }] }, headers);
    }
    const requested = selectionCost(root, variables);
    if (requested > MAX_SINGLE_QUERY_COST) {
      return sendJson(res, 200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
      }, headers);
    }
    if (!this.bucket.charge(requested)) {
      this.counts.throttled += 1;
      return sendJson(res, 200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.bucket.status() } },
      }, headers);
    }
    const data: Record<string, unknown> = {};
    let refund = 0;
    for (const field of root) {
      if (field.name === 'shop') {
        // What the connector's 1-point probe asks for (`shop { id }`): its answer carries throttleStatus.
        const unknown = (field.selections ?? []).find((f) => !(f.name in SHOP));
        if (unknown || !field.selections) {
          this.bucket.refund(requested);
          return sendJson(res, 200, { errors: [{ message: `Field '${unknown?.name ?? 'shop'}' doesn't exist on type 'Shop'` }] }, headers);
        }
        data.shop = Object.fromEntries(field.selections.map((f) => [f.name, SHOP[f.name as keyof typeof SHOP]]));
        continue;
      }
      if (field.name !== 'products') {
        this.bucket.refund(requested);
        return sendJson(res, 200, { errors: [{ message: `Field '${field.name}' is not served by the bench fake.` }] }, headers);
      }
      const page = this.products(field, variables);
      data.products = page.connection;
      refund += page.unused;
    }
    this.bucket.refund(refund);
    this.counts.served += 1;
    sendJson(res, 200, {
      data,
      extensions: { cost: { requestedQueryCost: requested, actualQueryCost: requested - refund, throttleStatus: this.bucket.status() } },
    }, headers);
  }

  /** One page of the connection, and the points not spent because it held fewer nodes than asked. */
  private products(field: Field, variables: Record<string, unknown>): { connection: Record<string, unknown>; unused: number } {
    const size = Math.min(MAX_PAGE, connectionSize(field, variables) ?? 0);
    const start = cursor.decode(argValue(field, 'after', variables)) ?? 0;
    const end = Math.min(this.config.records, start + size);
    const nodes = [];
    for (let i = start; i < end; i += 1) nodes.push(shopifyProduct(i));
    const selected = new Set((field.selections ?? []).map((f) => f.name));
    const connection: Record<string, unknown> = {
      pageInfo: {
        hasNextPage: end < this.config.records,
        hasPreviousPage: start > 0,
        startCursor: nodes.length > 0 ? cursor.encode(start + 1) : null,
        endCursor: nodes.length > 0 ? cursor.encode(end) : null,
      },
    };
    if (selected.has('nodes')) connection.nodes = nodes;
    if (selected.has('edges')) connection.edges = nodes.map((node, i) => ({ cursor: cursor.encode(start + i + 1), node }));
    return { connection, unused: (size - nodes.length) * nodeCost(field, variables) };
  }
}

serve(new FakeShopify(readConfig<ShopifyServerConfig>({ records: 10_000, maximumAvailable: 1000, restoreRate: 50 })));
