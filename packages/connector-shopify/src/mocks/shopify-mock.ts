import { randomUUID } from 'node:crypto';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { estimateOperationCost } from '../cost-estimate.js';
import { parseGid } from '../gid.js';
import { GraphqlSyntaxError, parseDocument, selectOperation, type GraphqlDocument, type Selection } from '../graphql-document.js';
import { resultResponse, type MockBulkOperation, type MockBulkOptions } from './bulk-mock.js';
import { MockCostBucket, type MockBucketOptions, type ThrottleStatusBody } from './cost-bucket.js';
import { mutationResolvers, type MutationContext } from './mutations-mock.js';
import { resolveQueryField, type QueryContext } from './queries-mock.js';
import { createStore, MockGraphqlError, type MockStore, type MockStoreOptions } from './store.js';

/** Every route answers on any host (`*`), so the handlers serve the loopback mock server and a proxy prefix alike. */
export const GRAPHQL_PATH = '*/admin/api/:version/graphql.json';
/** The route of bulk operation result files (JSONL), on any host. */
export const BULK_RESULT_PATH = '*/bulk-results/:file';

/**
 * Options of `createShopifyMock`: the store's records, the clock, the cost bucket, the API versions served, bulk
 * behaviour and the accepted token.
 */
export interface ShopifyMockOptions extends MockStoreOptions {
  /** The clock the bucket refills by; pass the same FakeClock as the connector. @default Date.now */
  clock?: { now(): number };
  /** The cost bucket (1000 points, 50/s by default), or false for no cost limits. */
  bucket?: MockBucketOptions | false;
  /** Versions served; an older one falls forward to the oldest here, a newer one is a 404. */
  supportedVersions?: string[];
  /** How bulk operations behave: polls until done, outcome, result origin, cut downloads. */
  bulk?: MockBulkOptions;
  /** When set, only this token is accepted. */
  accessToken?: string;
}

/** Counters for tests (`ShopifyMock.stats`). */
export interface ShopifyMockStats {
  /** GraphQL requests received (all, answered or refused). */
  graphqlRequests: number;
  /** Requests answered THROTTLED. */
  throttled: number;
  /** Bulk result lines generated (streamed) so far. */
  linesProduced: number;
}

/** What `createShopifyMock` returns: the handlers, and the state behind them to inspect or script. */
export interface ShopifyMock {
  /**
   * MSW handlers for the GraphQL endpoint and bulk result files; serve them with `startMockServer` or `setupServer`.
   */
  handlers: RequestHandler[];
  /** The records served, by resource; edit them between calls. */
  store: MockStore;
  /** The cost bucket, or undefined with `bucket: false`. */
  bucket: MockCostBucket | undefined;
  /** Every bulk operation started, oldest first. */
  bulkOperations: MockBulkOperation[];
  /** Request and throttle counters. */
  stats: ShopifyMockStats;
  /** The next `times` GraphQL requests answer THROTTLED (HTTP 200), as when another app drained the bucket. */
  throttleNext(times?: number): void;
  /**
   * The next `times` GraphQL requests are executed (a mutation applies) and then their answer is lost: the
   * connection drops (`'reset'`) or the edge answers a 5xx instead, as when Shopify's edge fails after the
   * handler ran. The outcome of a write is then unknown to the client.
   */
  loseNextAnswers(options?: { times?: number; as?: 'reset' | 502 | 503 | 504 }): void;
}

/** The API versions the mock serves by default; an older version falls forward to the oldest, a newer one gets 404. */
export const DEFAULT_SUPPORTED_VERSIONS = ['2025-01', '2025-04', '2025-07', '2025-10', '2026-01', 'unstable'];

const json = (body: unknown, headers: Record<string, string>, status = 200): Response =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers: { 'x-request-id': randomUUID(), ...headers } });

/** Which version answers a requested one: itself, the oldest supported (fall-forward), or none (404). */
function servedVersion(requested: string, supported: string[]): string | undefined {
  if (supported.includes(requested)) return requested;
  const stable = supported.filter((v) => v !== 'unstable').sort();
  if (stable.length === 0 || requested === 'unstable') return undefined;
  return requested < (stable[0] as string) ? stable[0] : undefined;
}

function selectsField(selections: Selection[] | undefined, name: string): boolean {
  return (selections ?? []).some(
    (s) => (s.kind === 'field' && (s.name === name || selectsField(s.selections, name))) || (s.kind === 'inline' && selectsField(s.selections, name)),
  );
}

/**
 * A Shopify Admin GraphQL API in memory: it routes queries and mutations to stored records, computes
 * each query's cost from Shopify's documented rules, keeps the cost bucket on the given clock, and
 * answers THROTTLED / MAX_COST_EXCEEDED / userErrors exactly as the API does (HTTP 200).
 */
export function createShopifyMock(options: ShopifyMockOptions = {}): ShopifyMock {
  const clock = options.clock ?? { now: () => Date.now() };
  const store = createStore(options);
  const bucket = options.bucket === false ? undefined : new MockCostBucket(() => clock.now(), options.bucket);
  const bulkOperations: MockBulkOperation[] = [];
  const stats: ShopifyMockStats = { graphqlRequests: 0, throttled: 0, linesProduced: 0 };
  const supported = options.supportedVersions ?? DEFAULT_SUPPORTED_VERSIONS;
  const bulk = options.bulk ?? {};
  let forcedThrottles = 0;
  let lostAnswers: { left: number; as: 'reset' | 502 | 503 | 504 } = { left: 0, as: 'reset' };
  const downloads = new Map<string, number>();

  const bucketStatus = (): ThrottleStatusBody => bucket?.status() ?? { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 };

  const throttled = (requested: number, headers: Record<string, string>): Response => {
    stats.throttled += 1;
    return json(
      {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucketStatus() } },
      },
      headers,
    );
  };

  const graphqlHandler = http.post(GRAPHQL_PATH, async ({ request, params }) => {
    const response = await answerGraphql(request, String(params.version));
    if (lostAnswers.left <= 0) return response;
    lostAnswers.left -= 1;
    if (lostAnswers.as === 'reset') return HttpResponse.error();
    return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: lostAnswers.as, headers: { 'content-type': 'text/html' } });
  });

  async function answerGraphql(request: Request, requestedVersion: string): Promise<Response> {
    stats.graphqlRequests += 1;
    const token = request.headers.get('x-shopify-access-token');
    if (!token || (options.accessToken !== undefined && token !== options.accessToken)) {
      return json({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }, {}, 401);
    }
    const served = servedVersion(requestedVersion, supported);
    if (!served) return json({ errors: 'Not Found' }, {}, 404);
    const headers: Record<string, string> = { 'x-shopify-api-version': served };

    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json({ errors: [{ message: 'Invalid JSON in request body' }] }, headers, 400);
    }
    if (typeof body.query !== 'string') return json({ errors: [{ message: 'No query string was present' }] }, headers);
    let doc: GraphqlDocument;
    try {
      doc = parseDocument(body.query);
    } catch (error) {
      const message = error instanceof GraphqlSyntaxError ? error.message : String(error);
      return json({ errors: [{ message: `Parse error: ${message}` }] }, headers);
    }
    const variables = (typeof body.variables === 'object' && body.variables !== null ? body.variables : {}) as Record<string, unknown>;
    const op = selectOperation(doc, typeof body.operationName === 'string' ? body.operationName : undefined);
    if (!op) return json({ errors: [{ message: 'An operation name is required' }] }, headers);

    const requested = estimateOperationCost(op, doc.fragments, variables);
    if (requested > 1000) {
      return json(
        {
          errors: [
            {
              message: `Query cost is ${requested}, which exceeds the single query max cost limit (1000).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
              extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: 1000, documentation: 'https://shopify.dev/api/usage/limits#rate-limits' },
            },
          ],
        },
        headers,
      );
    }
    if (forcedThrottles > 0) {
      forcedThrottles -= 1;
      bucket?.drain(Math.max(0, requested - 100));
      return throttled(requested, headers);
    }
    if (bucket && !bucket.charge(requested)) return throttled(requested, headers);

    if (op.operation === 'query' && ['customers', 'customer'].some((root) => op.selections.some((s) => s.kind === 'field' && s.name === root && selectsField(s.selections, 'email')))) {
      headers['x-shopify-api-deprecated-reason'] = 'https://shopify.dev/api/usage/versioning#deprecation-practices';
    }

    const ctx: QueryContext = { fragments: doc.fragments, variables, doc, store, bulkOperations, bulk, now: () => clock.now() };
    const mutationCtx: MutationContext = { store, bulkOperations, bulk, now: () => clock.now(), origin: new URL(request.url).origin, projection: ctx };
    const data: Record<string, unknown> = {};
    const errors: Array<Record<string, unknown>> = [];
    let actual = 0;
    for (const s of op.selections) {
      if (s.kind !== 'field') continue;
      try {
        if (op.operation === 'mutation') {
          const resolver = mutationResolvers[s.name];
          if (!resolver) throw new MockGraphqlError(`Field '${s.name}' doesn't exist on type 'Mutation'`, 'undefinedField', ['mutation', s.name]);
          data[s.alias ?? s.name] = resolver(s, mutationCtx);
          actual += 10;
        } else {
          const result = resolveQueryField(s, ctx);
          data[s.alias ?? s.name] = result.value;
          actual += result.actual;
        }
      } catch (error) {
        if (!(error instanceof MockGraphqlError)) throw error;
        errors.push({ message: error.message, ...(error.path ? { path: error.path } : {}), ...(error.code ? { extensions: { code: error.code } } : {}) });
      }
    }
    bucket?.refund(requested - Math.min(actual, requested));
    const cost = { requestedQueryCost: requested, actualQueryCost: Math.min(actual, requested), throttleStatus: bucketStatus() };
    if (errors.length > 0) return json({ errors, extensions: { cost } }, headers);
    return json({ data, extensions: { cost } }, headers);
  }

  const bulkResultHandler = http.get(BULK_RESULT_PATH, ({ request, params }) => {
    const id = String(params.file).replace(/\.jsonl$/, '');
    const op = bulkOperations.find((b) => parseGid(b.id)?.id === id);
    if (!op || op.status !== 'COMPLETED') {
      return new HttpResponse('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>', { status: 404, headers: { 'content-type': 'application/xml' } });
    }
    const n = downloads.get(op.id) ?? 0;
    downloads.set(op.id, n + 1);
    const file = { lines: bulk.lines ?? 9, childrenPerRoot: bulk.childrenPerRoot ?? 2, padding: bulk.padding ?? 0 };
    return resultResponse(file, stats, { range: request.headers.get('range'), honourRange: bulk.range !== 'ignore', cutAt: bulk.cutAtBytes?.[n] });
  });

  return {
    handlers: [graphqlHandler, bulkResultHandler],
    store,
    bucket,
    bulkOperations,
    stats,
    throttleNext(times = 1) {
      forcedThrottles += times;
    },
    loseNextAnswers(options = {}) {
      lostAnswers = { left: options.times ?? 1, as: options.as ?? 'reset' };
    },
  };
}
