import type { ImportRow } from '../parts/import-cost.js';
import type { LoadRow } from '../parts/load.js';
import type { MemoryRow } from '../parts/memory.js';
import type { QuotaRow } from '../parts/quota.js';
import type { Profile } from '../profile.js';
import type { OverheadSample } from '../workers/task.js';
import type { Machine } from './machine.js';

/** Everything one run measured; `--json` writes it as is. */
export interface BenchResults {
  profile: Profile;
  machine: Machine;
  /** Load average when the run ended. */
  endLoadAverage: number;
  durationMs: number;
  overhead?: OverheadSample[];
  quota?: QuotaRow[];
  memory?: MemoryRow[];
  imports?: ImportRow[];
  load?: LoadRow[];
}

/** The goals. */
export const GOALS = {
  /** Our per-request time at most this many times raw undici's. */
  overheadRatio: 1.15,
  /** At least this fraction of the quota's floor, with no 429 / THROTTLED. */
  quotaRatio: 0.95,
  /** Peak RSS of a 1,000,000-record extract through our iterator. */
  peakRssBytes: 150 * 2 ** 20,
  /** `sync()` into a destination takes at most this many times the extract-only time. */
  loadRatio: 1.25,
  /** Memory flat: RSS at the end of a sync at most this many times its RSS when half the records were written. */
  loadRssGrowth: 1.1,
};
