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

export interface ThrottleStatusBody {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

// Tolerance for floating-point time arithmetic (a client that waited exactly enough must not be refused).
const EPSILON = 1e-6;

export class MockCostBucket {
  readonly maximumAvailable: number;
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

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  /** Empties the bucket down to `points` (another app or process spending the same shop's points). */
  drain(points = 0): void {
    this.refill();
    this.available = Math.max(0, Math.min(this.available, points));
  }

  status(): ThrottleStatusBody {
    this.refill();
    // Shopify reports whole points.
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available + EPSILON), restoreRate: this.restoreRate };
  }
}
