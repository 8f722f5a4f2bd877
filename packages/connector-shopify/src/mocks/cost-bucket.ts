/**
 * The server side of Shopify's leaky bucket, as the mock keeps it: a query's requested cost is taken
 * before it runs (or it is THROTTLED, taking nothing), the difference to its actual cost is refunded
 * after, and the bucket refills at `restoreRate` per second of the mock's clock.
 */
export interface MockBucketOptions {
  /** @default 1000 */
  maximumAvailable?: number;
  /** Points per second. @default 50 */
  restoreRate?: number;
  /** Points available at the start (another process may have spent the bucket already). @default maximumAvailable */
  currentlyAvailable?: number;
}

/** The bucket as `extensions.cost.throttleStatus` reports it. */
export interface ThrottleStatusBody {
  /** The bucket's size, in points. */
  maximumAvailable: number;
  /** Points available now (whole points, as Shopify reports them). */
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

// Tolerance for floating-point time arithmetic (a client that waited exactly enough must not be refused).
const EPSILON = 1e-6;

/**
 * Shopify's leaky bucket of query cost points, as the mock enforces it: refilled at `restoreRate` points per second
 * up to `maximumAvailable`, charged each query's requested cost, refunded the difference from the actual cost.
 */
export class MockCostBucket {
  /** The bucket's size, in points. @default 1000 */
  readonly maximumAvailable: number;
  /** Points restored per second. @default 50 */
  readonly restoreRate: number;
  private available: number;
  private updatedAt: number;

  constructor(
    private readonly now: () => number,
    options: MockBucketOptions = {},
  ) {
    this.maximumAvailable = options.maximumAvailable ?? 1000;
    this.restoreRate = options.restoreRate ?? 50;
    this.available = Math.min(this.maximumAvailable, Math.max(0, options.currentlyAvailable ?? this.maximumAvailable));
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.updatedAt) / 1000) * this.restoreRate);
    this.updatedAt = now;
  }

  /** Takes `cost` points if the bucket holds them. */
  charge(cost: number): boolean {
    this.refill();
    if (cost > this.available + EPSILON) return false;
    this.available = Math.max(0, this.available - cost);
    return true;
  }

  /** Gives back `points` (requested minus actual cost), up to the bucket's size. */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  /** Empties the bucket down to `points` (another app or process spending the same shop's points). */
  drain(points = 0): void {
    this.refill();
    this.available = Math.max(0, Math.min(this.available, points));
  }

  /** The bucket now, as `throttleStatus` reports it. */
  status(): ThrottleStatusBody {
    this.refill();
    // Shopify reports whole points.
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available + EPSILON), restoreRate: this.restoreRate };
  }
}
