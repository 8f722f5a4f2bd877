import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, withJitter } from './exponential-backoff.js';

describe('exponential backoff', () => {
  it('doubles from 1 s and caps at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(DEFAULT_BACKOFF.maxDelayMs).toBe(30_000);
  });

  it('jitter keeps 50–100% of the delay', () => {
    expect(withJitter(1000, 0.5, () => 0)).toBe(500);
    expect(withJitter(1000, 0.5, () => 0.999999)).toBe(1000);
    for (let i = 0; i < 200; i += 1) {
      const d = withJitter(4000, 0.5);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
    expect(withJitter(1000, 2, () => 0)).toBe(1000);
  });
});
