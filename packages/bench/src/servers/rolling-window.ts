/**
 * HubSpot's rolling window as the server counts it: at most `limit` accepted requests in any `windowMs`,
 * judged when the request is handled. Refused requests are not counted.
 */
export class RollingWindow {
  private log: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a request if it fits; returns whether it did and what is left in the window. */
  take(): { accepted: boolean; remaining: number } {
    const now = this.now();
    const cutoff = now - this.windowMs;
    while (this.head < this.log.length && (this.log[this.head] ?? 0) <= cutoff) this.head += 1;
    if (this.head > 1024) {
      this.log = this.log.slice(this.head);
      this.head = 0;
    }
    const used = this.log.length - this.head;
    if (used >= this.limit) return { accepted: false, remaining: 0 };
    this.log.push(now);
    return { accepted: true, remaining: this.limit - used - 1 };
  }

  reset(): void {
    this.log = [];
    this.head = 0;
  }
}
