/**
 * Resident set size while an arm runs: once when half the records are written and once at the end. Peak RSS alone
 * cannot tell a flat process from one that grows until its last row; flat memory keeps the two close.
 */
export class RssProbe {
  halfwayBytes = 0;

  constructor(private readonly records: number) {}

  /** Call with the records written so far (after a page, after a commit). */
  progress(written: number): void {
    if (this.halfwayBytes === 0 && written >= this.records / 2) this.halfwayBytes = process.memoryUsage.rss();
  }
}
