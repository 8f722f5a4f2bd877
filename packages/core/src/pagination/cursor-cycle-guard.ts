/**
 * Tells whether a pagination walk returned a cursor it had already returned, in bounded memory. A Set of every
 * cursor would grow with the walk (100,000 pages, 100,000 keys), so it keeps two things instead:
 *
 * - the most recent `window` keys (a Set plus a ring), which catch a short cycle at its first repeat;
 * - one anchor key moved at powers of two (Brent's cycle detection), which catches a deterministic cycle of any
 *   length (the API maps each cursor to the same next cursor) within 2 × max(lead-in, length) + length pages.
 *
 * A cursor repeated once, more than `window` pages later, outside a cycle is not caught: it is not a loop.
 */
export class CursorCycleGuard {
  private readonly recent = new Set<string>();
  private readonly ring: Array<string | undefined>;
  private next = 0;
  private anchor: string | undefined;
  /** Steps since the anchor moved, and how many it waits before moving again. */
  private steps = 0;
  private power = 1;

  constructor(private readonly window = 1_000) {
    this.ring = new Array<string | undefined>(Math.max(1, window));
  }

  /** Records `key`; true when it was seen before (the walk is looping). */
  repeats(key: string): boolean {
    if (key === this.anchor || this.recent.has(key)) return true;
    this.remember(key);
    this.steps += 1;
    if (this.anchor === undefined || this.steps >= this.power) {
      // Brent: once `power` reaches the cycle length with the anchor inside the cycle, the anchor comes round.
      this.anchor = key;
      this.power *= 2;
      this.steps = 0;
    }
    return false;
  }

  private remember(key: string): void {
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.recent.delete(evicted);
    this.ring[this.next] = key;
    this.recent.add(key);
    this.next = (this.next + 1) % this.ring.length;
  }
}
