/**
 * Shopify's leaky bucket as the server keeps it: a query's requested cost is taken before it runs (or it is
 * THROTTLED and takes nothing), the difference to its actual cost is refunded after, and the bucket refills
 * continuously at `restoreRate` points per second up to `maximumAvailable`.
 */
export class CostBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.available = maximumAvailable;
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
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  status(): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } {
    this.refill();
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }

  reset(): void {
    this.available = this.maximumAvailable;
    this.updatedAt = this.now();
  }
}
