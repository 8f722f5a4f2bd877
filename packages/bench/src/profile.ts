/**
 * How big each part of the bench is. `full` is what `pnpm bench` runs (a few minutes); `smoke` proves every part
 * works in seconds, with the same shapes at a smaller scale (a 1 s window instead of 10 s, tiny extracts).
 */
export interface Profile {
  name: 'full' | 'smoke';
  command: string;
  overhead: { concurrencies: number[]; rounds: number; warmupMs: number; durationMs: number };
  quota: {
    hubspot: { records: number; limit: number; windowMs: number };
    shopify: { records: number; maximumAvailable: number; restoreRate: number };
  };
  memory: {
    /** Records extracted through our iterators. */
    records: number;
    /** Records for the HubSpot SDK's `getAll`, which keeps everything and re-copies its array every page. */
    sdkRecords: number;
  };
  imports: { runs: number };
  load: {
    /** Contacts the fake server holds; every arm reads (and lands) all of them. */
    records: number;
    /** Each round runs every arm once, in alternating order. */
    rounds: number;
  };
}

export const FULL: Profile = {
  name: 'full',
  command: 'pnpm bench',
  overhead: { concurrencies: [1, 16], rounds: 5, warmupMs: 300, durationMs: 1000 },
  quota: {
    // 400 pages at 100 per 10 s: 30 s if the first window is used in one burst, 40 s at a steady 10/s.
    hubspot: { records: 40_000, limit: 100, windowMs: 10_000 },
    // 6 pages of 250 at 502 points each against 1000 points restoring 50/s: about 40 s.
    shopify: { records: 1_500, maximumAvailable: 1000, restoreRate: 50 },
  },
  memory: { records: 1_000_000, sdkRecords: 200_000 },
  // 31 rounds of 8 fresh processes, ~20 s: the per-round spread is ±1–2 ms, the differences that matter ~1 ms.
  imports: { runs: 31 },
  // One round: the three arms take about 3 minutes at this size on 2 shared cores.
  load: { records: 1_000_000, rounds: 1 },
};

export const SMOKE: Profile = {
  name: 'smoke',
  command: 'pnpm bench:smoke',
  overhead: { concurrencies: [1, 16], rounds: 1, warmupMs: 50, durationMs: 200 },
  quota: {
    hubspot: { records: 3_000, limit: 10, windowMs: 1_000 },
    shopify: { records: 1_000, maximumAvailable: 1000, restoreRate: 1000 },
  },
  memory: { records: 2_000, sdkRecords: 2_000 },
  imports: { runs: 3 },
  load: { records: 5_000, rounds: 2 },
};
