import {
  isConnectorError,
  isRateLimitError,
  ValidationError,
  type ApiResponse,
  type CallOptions,
  type ConnectorError,
  type EventBus,
  type HttpClient,
  type Logger,
} from '@cf/core';
import * as z from '@cf/core/zod';
import { clampCost, COST_WINDOW, CostLearner, MAX_SINGLE_QUERY_COST, observeCost, readQueryCost, type QueryCost } from './cost.js';
import { PROBE_QUERY, type CostCalibration } from './cost-calibration.js';
import { estimateOperationCost } from './cost-estimate.js';
import type { ShopifyEvents } from './events.js';
import { GraphqlSyntaxError, parseDocument, selectOperation, type GraphqlDocument, type OperationDefinition } from './graphql-document.js';

/** Options of one GraphQL call, on top of core's per-call options. */
export interface GraphqlCallOptions<TData = unknown> extends CallOptions {
  /** Which operation to run when the document defines several. */
  operationName?: string;
  /** Validates `data` at runtime: any zod 4 schema (use `z.looseObject` so unknown fields pass through). */
  schema?: z.Schema<TData>;
  /** A name for logs, events and metrics. @default the operation's name */
  operation?: string;
  /**
   * Points to take from the local bucket before sending. By default the server's last `requestedQueryCost`
   * for the same document and sizes, or a static estimate from Shopify's cost rules.
   */
  cost?: number;
}

/** What the connector learned about one call, beyond its data. */
export interface ShopifyResponseMeta {
  /** Our correlation id (sent as `X-Request-Id`). */
  requestId: string;
  /** Shopify's own `X-Request-Id`, to quote to Shopify support. */
  apiRequestId: string | undefined;
  /** The version pinned and the version the server answered with (`X-Shopify-API-Version`). */
  apiVersion: { requested: string; served: string | undefined };
  /** `X-Shopify-API-Deprecated-Reason`, when the call used something deprecated. */
  deprecatedReason: string | undefined;
  /** `extensions.cost`: requested and actual cost, and the bucket after the call. */
  cost: QueryCost | undefined;
  /** Points taken from the local bucket before sending (learned or estimated). */
  expectedCost: number;
  /** HTTP attempts the call took (1 when it was not retried). */
  attempts: number;
  /** Milliseconds from the first attempt to the parsed response, waits included. */
  durationMs: number;
  /** Milliseconds spent waiting for the bucket. */
  rateLimitWaitMs: number;
}

/** What `shopify.graphql()` returns: the response's `data`, its `extensions`, and the call's metadata. */
export interface GraphqlResult<TData> {
  /** The response's `data`, typed as the caller declared it (GraphQL errors throw instead). */
  data: TData;
  /** The response's `extensions` (cost, and anything else Shopify adds). */
  extensions: Record<string, unknown> | undefined;
  /** Request id, API versions, cost, attempts and timings of the call. */
  meta: ShopifyResponseMeta;
}

export interface GraphqlExecutorDeps {
  http: () => HttpClient;
  /** Whether the current client's bucket state is known yet (see `CostCalibration`). */
  calibration: () => CostCalibration;
  events: EventBus<ShopifyEvents>;
  apiVersion: string;
  logger: Logger | undefined;
}

const MAX_CACHED_DOCUMENTS = 200;

/**
 * The one place every GraphQL call goes through: it reads the document (query or mutation, expected cost),
 * sends it through core's funnel with that cost, learns the real cost, and reports version notices.
 */
export class GraphqlExecutor {
  private readonly learner = new CostLearner();
  private readonly documents = new Map<string, GraphqlDocument>();
  private readonly noticed = new Set<string>();

  constructor(private readonly deps: GraphqlExecutorDeps) {}

  /** Reads a document and picks its operation, or throws VALIDATION_ERROR (before any network). */
  operationOf(document: unknown, operationName?: string): { op: OperationDefinition; doc: GraphqlDocument } {
    if (typeof document !== 'string' || document.trim() === '') {
      throw new ValidationError({ message: 'query must be a non-empty GraphQL document string.', issues: [{ path: 'query', message: 'required' }] });
    }
    let doc = this.documents.get(document);
    if (!doc) {
      try {
        doc = parseDocument(document);
      } catch (cause) {
        if (!(cause instanceof GraphqlSyntaxError)) throw cause;
        throw new ValidationError({ message: `query is not valid GraphQL: ${cause.message}`, issues: [{ path: 'query', message: cause.message }], cause });
      }
      if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.clear();
      this.documents.set(document, doc);
    }
    const op = selectOperation(doc, operationName);
    if (!op) {
      const message =
        operationName === undefined
          ? 'the document defines several operations: pass operationName'
          : `no operation named "${operationName}" in the document`;
      throw new ValidationError({ message: `query: ${message}.`, issues: [{ path: 'operationName', message }] });
    }
    if (op.operation === 'subscription') {
      throw new ValidationError({ message: 'Subscriptions are not served over the Admin API HTTP endpoint; use webhooks.', issues: [{ path: 'query', message: 'must be a query or a mutation' }] });
    }
    return { op, doc };
  }

  async execute<TData = unknown>(
    document: string,
    variables: Record<string, unknown> | undefined,
    options: GraphqlCallOptions<TData> = {},
  ): Promise<GraphqlResult<TData>> {
    const { operationName, schema, operation, cost: costOverride, ...call } = options;
    if (variables !== undefined && (typeof variables !== 'object' || variables === null || Array.isArray(variables))) {
      throw new ValidationError({ message: 'variables must be an object.', issues: [{ path: 'variables', message: 'must be an object' }] });
    }
    const { op, doc } = this.operationOf(document, operationName);
    const isQuery = op.operation === 'query';
    if (!isQuery && call.idempotencyKey !== undefined) {
      throw new ValidationError({
        message: 'idempotencyKey is not supported: the Admin GraphQL endpoint ignores Idempotency-Key, so it would not make a mutation safe to repeat.',
        issues: [{ path: 'idempotencyKey', message: 'not supported for mutations' }],
      });
    }
    if (costOverride !== undefined && !(Number.isFinite(costOverride) && costOverride > 0)) {
      throw new ValidationError({ message: 'cost must be a positive number of points.', issues: [{ path: 'cost', message: 'must be a positive number' }] });
    }
    const key = `${operationName ?? ''}\u0000${CostLearner.key(document, variables)}`;
    const estimated = costOverride ?? this.learner.get(key) ?? estimateOperationCost(op, doc.fragments, variables);
    if (estimated > MAX_SINGLE_QUERY_COST) throw tooCostly(estimated, costOverride !== undefined);
    const expectedCost = clampCost(estimated);
    const requestId = call.requestId ?? globalThis.crypto.randomUUID();
    const name = operation ?? op.name ?? op.operation;
    const send = (): Promise<ApiResponse<{ data: TData; extensions?: Record<string, unknown> | undefined }>> =>
      this.deps.http().request({
        ...call,
        requestId,
        method: 'POST',
        path: '/graphql.json',
        body: { query: document, ...(variables !== undefined ? { variables } : {}), ...(operationName !== undefined ? { operationName } : {}) },
        // A query has no effect, so core may repeat it after a 5xx or a dropped connection; a mutation may
        // have run, so core repeats it only when Shopify provably did not run it (THROTTLED, as 429), and its
        // errors say `writeOutcome`.
        idempotent: isQuery,
        cost: expectedCost,
        operation: name,
        schema: envelopeSchema(schema),
      });
    let response;
    try {
      response = await this.deps.calibration().run(expectedCost, send, () => this.probe(call.signal), call.signal);
    } catch (error) {
      if (isRateLimitError(error)) this.learner.learn(key, error.details.requestedQueryCost as number | undefined);
      if (isConnectorError(error)) await this.settleRefusal(error, expectedCost, isQuery);
      throw error;
    }
    const cost = readQueryCost(response.data);
    this.learner.learn(key, cost?.requestedQueryCost);
    const served = response.headers['x-shopify-api-version'];
    const deprecatedReason = response.headers['x-shopify-api-deprecated-reason'];
    this.report(served, deprecatedReason, requestId, name);
    return {
      data: response.data.data,
      extensions: response.data.extensions,
      meta: {
        requestId,
        apiRequestId: response.headers['x-request-id'],
        apiVersion: { requested: this.deps.apiVersion, served },
        deprecatedReason,
        cost,
        expectedCost,
        attempts: response.meta.attempts,
        durationMs: response.meta.durationMs,
        rateLimitWaitMs: response.meta.rateLimitWaitMs,
      },
    };
  }

  /**
   * A refusal Shopify charged nothing for (MAX_COST_EXCEEDED, a parse or validation error, an HTTP 4xx) and whose
   * body carried no `throttleStatus` to correct the mirror with gives its points back to the local bucket. A
   * mutation refused that way, or with `userErrors`, provably did not apply.
   */
  private async settleRefusal(error: ConnectorError, expectedCost: number, isQuery: boolean): Promise<void> {
    const uncharged = refusedUncharged(error);
    if (uncharged) await this.deps.http().rateLimiter?.refund(expectedCost, COST_WINDOW).catch(() => undefined);
    if (!isQuery && (uncharged || Array.isArray(error.details.userErrors))) error.writeOutcome = 'not-applied';
  }

  /**
   * The 1-point query that learns the bucket before an expensive first call. It bypasses the local mirror (which
   * assumes the bucket empty until now) and feeds its `throttleStatus` to it directly.
   */
  private async probe(signal: AbortSignal | undefined): Promise<void> {
    const http = this.deps.http();
    const response = await http.request({ method: 'POST', path: '/graphql.json', body: { query: PROBE_QUERY }, idempotent: true, rateLimiter: false, operation: 'cost.probe', ...(signal ? { signal } : {}) });
    for (const observation of observeCost(response.data)) await http.rateLimiter?.observe(observation);
    if (readQueryCost(response.data)?.throttleStatus) this.deps.calibration().markObserved();
  }

  /** Emits a fall-forward once per served version and a deprecation once per operation and reason. */
  private report(served: string | undefined, deprecatedReason: string | undefined, requestId: string, operation: string): void {
    const requested = this.deps.apiVersion;
    if (served !== undefined && served !== requested && !this.noticed.has(`version:${served}`)) {
      this.noticed.add(`version:${served}`);
      this.deps.logger?.warn({ source: 'shopify', requested, served, requestId }, `Shopify answered with API version ${served}, not ${requested}`);
      this.deps.events.emit('apiVersionMismatch', { requested, served, requestId, operation });
    }
    if (deprecatedReason !== undefined && !this.noticed.has(`deprecated:${operation}:${deprecatedReason}`)) {
      this.noticed.add(`deprecated:${operation}:${deprecatedReason}`);
      this.deps.logger?.warn({ source: 'shopify', operation, requestId, reason: deprecatedReason }, `${operation} uses a deprecated API`);
      this.deps.events.emit('deprecation', { reason: deprecatedReason, requestId, operation, apiVersion: served ?? requested });
    }
  }
}

function tooCostly(estimated: number, declared: boolean): ValidationError {
  const what = declared ? `The cost you passed (${estimated} points)` : `The query's cost is estimated at ${estimated} points by Shopify's documented rules; it`;
  return new ValidationError({
    message:
      `${what} is over Shopify's single-query maximum of ${MAX_SINGLE_QUERY_COST}, so Shopify would refuse it (MAX_COST_EXCEEDED); it was not sent. ` +
      'Lower `first` (or nested connection sizes), select fewer nested connections, or use bulk.run(). If you know Shopify computes less, pass `cost`.',
    issues: [{ path: declared ? 'cost' : 'query', message: `cost ${estimated} exceeds the single query maximum of ${MAX_SINGLE_QUERY_COST}` }],
    source: 'shopify',
    details: { estimatedCost: estimated, maxCost: MAX_SINGLE_QUERY_COST },
  });
}

/** Shopify refused the request before executing it, charged nothing, and said nothing about the bucket. */
function refusedUncharged(error: ConnectorError): boolean {
  if (error.code === 'RATE_LIMIT' || readQueryCost(error.body)?.throttleStatus) return false;
  if (error.details.httpStatus === 200) {
    if ((error.details.codes as string[] | undefined)?.includes('MAX_COST_EXCEEDED')) return true;
    // GraphQL leaves `data` out when it refused the document before executing it (a parse or validation error).
    const body = error.body;
    return typeof body === 'object' && body !== null && 'errors' in body && !('data' in body);
  }
  const status = error.status;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

function envelopeSchema<TData>(data: z.Schema<TData> | undefined): z.Schema<{ data: TData; extensions?: Record<string, unknown> | undefined }> {
  return z.looseObject({
    data: data ?? z.unknown(),
    extensions: z.optional(z.record(z.string(), z.unknown())),
  }) as unknown as z.Schema<{ data: TData; extensions?: Record<string, unknown> | undefined }>;
}
