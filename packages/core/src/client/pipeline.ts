import type { ClientContext } from './client-context.js';
import type { Exchange, Operation, Step } from './operation.js';
import { cache } from './steps/cache.js';
import { breakerCheck, breakerPermit } from './steps/circuit-breaker.js';
import { concurrency } from './steps/concurrency.js';
import { decode } from './steps/decode.js';
import { exchange } from './steps/exchange.js';
import { exitErrors } from './steps/exit-errors.js';
import { rateLimit } from './steps/rate-limit.js';
import { reauthenticate } from './steps/reauthenticate.js';
import { retry } from './steps/retry.js';
import { trace } from './steps/trace.js';

/**
 * The funnel, in the order the specification lists it: a request goes down this list to the socket and its
 * answer (or error) comes back up through it. Each step is a `(op, next)` middleware in its own file.
 *
 * Why middleware and not cockatiel-style `execute(fn)` policies: several steps need the operation's state
 * (attempt number, whether the request was sent, the cached entry to revalidate) and a stream's answer must
 * carry ownership of the slot back out; one typed `(op, next)` shape says both plainly.
 */
export function requestPipeline(ctx: ClientContext): Step[] {
  // A step whose policy this client does not have (no cache, no breaker, credentials that cannot be renewed) is
  // left out rather than passed through: every step is an async frame on every call (spec §14, overhead).
  const renewable = ctx.auth.onUnauthorized !== undefined;
  return [
    trace(ctx), //                         operationStart / operationEnd events
    exitErrors(ctx), //                    every error leaves here: stamped, write outcome, secrets removed, logged
    ...(ctx.cache ? [cache(ctx)] : []), // GET: a fresh entry answers; a stale one is revalidated; only decoded 200s stored
    decode(ctx), //                        JSON or text, validated with the call's schema
    concurrency(ctx), //                   a slot for the whole operation (a stream keeps it until its body ends)
    retry(ctx), //                         attempts, backoff or the server's wait, the budget; `onError` / `onRetry` hooks
    ...(renewable ? [reauthenticate(ctx)] : []), // a 401 with renewable credentials is repeated once
    ...(ctx.breakers ? [breakerCheck(ctx)] : []), // an open circuit rejects before any wait
    rateLimit(ctx), //                     quota in every window; a rate-limit answer pauses the shared queue
    ...(ctx.breakers ? [breakerPermit(ctx)] : []), // the attempt (the one half-open probe) is claimed right before sending
    exchange(ctx), //                      headers, hooks, redirects, auth, transport and body under the deadline
  ];
}

/** Runs `op` through the steps, outermost first. The last step answers without calling `next`. */
export function runPipeline(steps: readonly Step[], op: Operation): Promise<Exchange> {
  const at = (index: number): Promise<Exchange> => {
    const step = steps[index];
    if (!step) return Promise.reject(new Error('The pipeline ended without an answer (the last step must not call next).'));
    return step(op, () => at(index + 1));
  };
  return at(0);
}
