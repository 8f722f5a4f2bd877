import { CancelledError } from '@cf/core';
import { DEFAULT_RESTORE_RATE } from './cost.js';

/** The cheapest query that returns `throttleStatus`: the `shop` object costs 1 point, its `id` nothing. */
export const PROBE_QUERY = 'query CostProbe { shop { id } }';

/**
 * A first call costing at most this is sent without a probe: while the bucket is unknown the local mirror assumes
 * it empty, so such a call waits at most a second of the slowest documented restore rate.
 */
export const PROBE_THRESHOLD = DEFAULT_RESTORE_RATE;

/**
 * Until Shopify has said how full the shop's bucket is (a first `throttleStatus`), a new process does not trust its
 * local mirror: another process may have spent the bucket a moment ago. Calls then go one at a time: the first one
 * alone (preceded by a 1-point probe when it is expensive), the others once its answer has set the mirror. The
 * connector's own mirror also starts empty until then (see `connector.ts`), so nothing is sent that the bucket may
 * not hold.
 */
export class CostCalibration {
  private observed = false;
  private leader: Promise<void> | undefined;

  constructor(private readonly enabled: boolean) {}

  /** A response carried `throttleStatus`: the mirror is exact from now on. */
  markObserved(): void {
    this.observed = true;
  }

  get known(): boolean {
    return !this.enabled || this.observed;
  }

  /**
   * Runs `call` once the bucket is known. The first caller goes alone: it sends `probe` first when `cost` is over
   * the threshold (a failed probe leaves the call itself to go alone), and the others wait for its answer.
   */
  async run<T>(cost: number, call: () => Promise<T>, probe: () => Promise<unknown>, signal: AbortSignal | undefined): Promise<T> {
    let probed = false;
    while (!this.known) {
      if (this.leader) {
        await waitFor(this.leader, signal);
        continue;
      }
      if (cost > PROBE_THRESHOLD && !probed) {
        probed = true;
        await this.lead(probe().then(noop, noop));
        continue;
      }
      const first = call();
      await this.lead(first.then(noop, noop));
      return first;
    }
    return call();
  }

  private async lead(settled: Promise<void>): Promise<void> {
    this.leader = settled;
    try {
      await settled;
    } finally {
      if (this.leader === settled) this.leader = undefined;
    }
  }
}

function noop(): void {}

/** Waits for the first caller's answer, or ends at once with CANCELLED when this caller's signal aborts. */
function waitFor(leader: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return leader;
  const cancelled = (): CancelledError => new CancelledError({ message: 'The operation was cancelled by the caller.', cause: signal.reason, source: 'shopify' });
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    void leader.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
