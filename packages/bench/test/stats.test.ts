import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../src/harness/stats.js';

describe('medianInterval', () => {
  it('brackets the median by order statistics: ranks 6 and 16 of 21 values at 95 %', () => {
    // For n = 21, P(Bin(21, ½) ≤ 5) ≈ 0.0133 ≤ 0.025 < P(≤ 6) ≈ 0.0392: 5 values may sit below, the 6th bounds it.
    const values = Array.from({ length: 21 }, (_, i) => 20 - i); // 20 … 0, unsorted on purpose
    expect(medianInterval(values)).toEqual({ median: 10, low: 5, high: 15 });
    expect(median(values)).toBe(10);
  });

  it('widens as confidence rises and narrows as it falls', () => {
    const values = Array.from({ length: 21 }, (_, i) => i);
    const wide = medianInterval(values, 0.99);
    const narrow = medianInterval(values, 0.5);
    expect(wide.low).toBeLessThan(5);
    expect(wide.high).toBeGreaterThan(15);
    expect(narrow.low).toBeGreaterThan(5);
    expect(narrow.high).toBeLessThan(15);
  });

  it('falls back to the extremes when there are too few values for the confidence asked', () => {
    expect(medianInterval([3, 1, 2])).toEqual({ median: 2, low: 1, high: 3 });
    expect(medianInterval([])).toEqual({ median: Number.NaN, low: Number.NaN, high: Number.NaN });
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => medianInterval([1, 2], 1)).toThrow(RangeError);
    expect(() => medianInterval([1, 2], Number.NaN)).toThrow(RangeError);
  });
});
