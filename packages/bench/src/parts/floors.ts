/**
 * The least time a quota allows for a sequential extract, ignoring network time: when the last page can be sent
 * at the earliest.
 */

/** A rolling window of `limit` per `windowMs` that starts empty: page k goes out at floor(k / limit) windows. */
export function rollingWindowFloorMs(pages: number, limit: number, windowMs: number): number {
  return Math.floor(Math.max(0, pages - 1) / limit) * windowMs;
}

/** The steady-rate floor: pages at limit / windowMs, with no credit for the first full window. */
export function steadyRateFloorMs(pages: number, limit: number, windowMs: number): number {
  return (pages * windowMs) / limit;
}

/**
 * A leaky bucket that starts full: each query needs its requested cost available, the unused part of a short
 * last page is refunded after; sending as soon as the points are there is optimal.
 */
export function costBucketFloorMs(requested: number[], actual: number[], bucket: number, restorePerSecond: number): number {
  let available = bucket;
  let t = 0;
  requested.forEach((cost, i) => {
    if (available < cost) {
      t += ((cost - available) / restorePerSecond) * 1000;
      available = cost;
    }
    available = Math.min(bucket, available - cost + (cost - (actual[i] ?? cost)));
  });
  return t;
}
