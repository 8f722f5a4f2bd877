/**
 * `_version`, the number ReplacingMergeTree keeps the highest of: one per commit, strictly increasing.
 *
 * A version is `Date.now() * 1000 + n`, n counting commits within the same millisecond (past 1000 of them it borrows
 * from the next millisecond, still increasing). That is below 2^53 until the year 2255, so it stays a safe JavaScript
 * number and a plain JSON number on the wire. Wall clocks go backwards (NTP steps, another machine running the next
 * sync): the clock never hands out a version at or below one it has `observe`d, and the destination observes the
 * highest `_version` already stored in `_cf_state` and `_cf_rejects` on `open()` and in each table on `ensureTable()`.
 * So a batch replayed after a crash is always newer than the copy of it the crash left behind, and the replay wins.
 */
export class VersionClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Makes every later version greater than `version` (a number or the server's quoted UInt64). */
  observe(version: number | string | null | undefined): void {
    const n = typeof version === 'string' ? Number(version) : version;
    if (typeof n === 'number' && Number.isFinite(n) && n > this.last) this.last = n;
  }

  next(): number {
    const candidate = Math.floor(this.now()) * 1000;
    this.last = candidate > this.last ? candidate : this.last + 1;
    if (!Number.isSafeInteger(this.last)) {
      throw new RangeError(`_version ${this.last} is past 2^53: a stored _version is far in the future`);
    }
    return this.last;
  }
}
