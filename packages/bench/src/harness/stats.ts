/** The p-th percentile (0–100) of ascending values, nearest rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * The median of `values` with a distribution-free confidence interval (order statistics: the interval between the
 * k-th smallest and k-th largest value holds the true median with probability ≥ `confidence`, whatever the
 * distribution, from the binomial(n, ½) law). Fewer than 6 values give no 95 % interval: `low`/`high` are then the
 * extremes.
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { median: number; low: number; high: number } {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, low: Number.NaN, high: Number.NaN };
  // P(X ≤ j) for X ~ Bin(n, ½), accumulated until a tail of (1 − confidence) / 2 is passed.
  const tail = (1 - confidence) / 2;
  let k = 0;
  let term = 0.5 ** n;
  let below = term;
  while (below <= tail) {
    k += 1;
    term = (term * (n - k + 1)) / k;
    below += term;
  }
  // k values sit below the interval at most: the interval is [sorted[k - 1]..sorted[n - k]] with k ≥ 1.
  const rank = Math.max(1, k);
  return { median: median(values), low: sorted[rank - 1]!, high: sorted[n - rank]! };
}
