import type { QuotaObservation, RateLimiterOptions } from '@cf/core';
import * as z from '@cf/core/zod';

/**
 * Cost-aware pacing, in core's limiter terms. Shopify's GraphQL Admin API spends points from a leaky
 * bucket per app and shop; the connector keeps a local mirror of that bucket (a core token-bucket
 * window named `cost`), corrects it from every response's `throttleStatus`, and takes each call's
 * expected cost from it before sending.
 */

/** The limiter window that mirrors Shopify's bucket. A custom `rateLimit` must use this name to be corrected. */
export const COST_WINDOW = 'cost';
/** Standard-plan bucket in the legacy docs; the mirror adopts the shop's real size from the first response. */
export const DEFAULT_BUCKET_SIZE = 1000;
/** Standard-plan restore rate in the legacy docs (points per second); adopted from responses too. */
export const DEFAULT_RESTORE_RATE = 50;
/** Shopify refuses a query whose requested cost exceeds this, whatever the bucket holds (MAX_COST_EXCEEDED). */
export const MAX_SINGLE_QUERY_COST = 1000;
/** Largest `first`/`last` a connection accepts. */
export const MAX_PAGE_SIZE = 250;

export const throttleStatusSchema = z.lazySchema(() => z.looseObject({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
}));

export const queryCostSchema = z.lazySchema(() => z.looseObject({
  requestedQueryCost: z.optional(z.nullable(z.number())),
  actualQueryCost: z.optional(z.nullable(z.number())),
  throttleStatus: z.optional(throttleStatusSchema),
}));

/**
 * The shop's bucket after a call, from `extensions.cost.throttleStatus`: `maximumAvailable` (points),
 * `currentlyAvailable` (points), `restoreRate` (points per second).
 */
export type ThrottleStatus = z.infer<typeof throttleStatusSchema>;
/**
 * `extensions.cost` of a GraphQL response: `requestedQueryCost` (the static estimate Shopify took from the bucket),
 * `actualQueryCost` (what the query really cost; the difference is refunded) and `throttleStatus`.
 */
export type QueryCost = z.infer<typeof queryCostSchema>;

/** The limiter options for a shop's bucket; the key makes a shared store (Redis) spend one bucket per shop. */
export function costRateLimit(shopDomain: string): RateLimiterOptions {
  return {
    key: `shopify:${shopDomain}`,
    windows: [
      {
        name: COST_WINDOW,
        limit: DEFAULT_BUCKET_SIZE,
        intervalMs: (DEFAULT_BUCKET_SIZE / DEFAULT_RESTORE_RATE) * 1000,
        algorithm: 'token-bucket',
      },
    ],
  };
}

/** `extensions.cost` of a GraphQL response body, when present and well formed. */
export function readQueryCost(body: unknown): QueryCost | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const extensions = (body as { extensions?: unknown }).extensions;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const parsed = queryCostSchema.safeParse((extensions as { cost?: unknown }).cost);
  return parsed.success ? parsed.data : undefined;
}

/**
 * What a response says about the bucket, for core's `observeQuota`. `exact` adopts the server's number
 * (refunds of `requested - actual` included); core lowers it by the cost of calls still in flight,
 * which the server's number cannot include yet.
 */
export function observeCost(body: unknown): QuotaObservation[] {
  const status = readQueryCost(body)?.throttleStatus;
  if (!status) return [];
  return [
    {
      window: COST_WINDOW,
      remaining: status.currentlyAvailable,
      limit: status.maximumAvailable,
      refillPerSecond: status.restoreRate,
      mode: 'exact',
    },
  ];
}

/** How long until a THROTTLED request fits: `(requested - available) / restoreRate`, in ms. */
export function throttleWaitMs(cost: QueryCost | undefined): number {
  const requested = cost?.requestedQueryCost;
  const status = cost?.throttleStatus;
  if (typeof requested !== 'number' || !status || !(status.restoreRate > 0)) return 1000;
  const deficit = requested - status.currentlyAvailable;
  return Math.max(1, Math.ceil((deficit / status.restoreRate) * 1000));
}

/**
 * Remembers the server's `requestedQueryCost` per operation, so the next call of the same operation takes
 * exactly that from the local bucket instead of an estimate. Bounded: the oldest entries are dropped.
 */
export class CostLearner {
  private readonly costs = new Map<string, number>();

  constructor(private readonly maxEntries = 500) {}

  /** The key of an operation: its document and the numeric variables, which are what change its cost. */
  static key(document: string, variables: Record<string, unknown> | undefined): string {
    const sized = Object.entries(variables ?? {})
      .filter(([, v]) => typeof v === 'number')
      .sort(([a], [b]) => a.localeCompare(b));
    return `${document}\u0000${JSON.stringify(sized)}`;
  }

  get(key: string): number | undefined {
    return this.costs.get(key);
  }

  learn(key: string, requested: number | null | undefined): void {
    if (typeof requested !== 'number' || !Number.isFinite(requested)) return;
    this.costs.delete(key);
    this.costs.set(key, requested);
    if (this.costs.size > this.maxEntries) {
      const oldest = this.costs.keys().next().value;
      if (oldest !== undefined) this.costs.delete(oldest);
    }
  }
}

/** The cost to take from the local bucket: never below 1, never above what one query may cost. */
export function clampCost(cost: number): number {
  return Math.min(MAX_SINGLE_QUERY_COST, Math.max(1, Math.ceil(cost)));
}

