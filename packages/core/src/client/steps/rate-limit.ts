import type { ConnectorError } from '../../errors/connector-error.js';
import { isConnectorError } from '../../errors/guards.js';
import type { ClientContext } from '../client-context.js';
import type { Exchange, Operation, Step } from '../operation.js';
import { isRateLimitAnswer } from '../response-to-error.js';
import { toConnectorError } from '../to-connector-error.js';
import { DEFAULT_RETRY } from '../../policies/retry-policy.js';
import type { RateLimiter } from '../../policies/rate-limiter.js';

/**
 * Waits for quota in every window (FIFO, ends at once on abort, never longer than what is left of the retry
 * budget), marks the units answered when the response arrives, and on a rate-limit answer the caller will wait
 * out, pauses every call sharing the limiter until the reset so the queue does not fire into the wall.
 */
export function rateLimit(ctx: ClientContext): Step {
  return (op, next) => (op.limiter ? limited(ctx, op, op.limiter, next) : next());
}

async function limited(ctx: ClientContext, op: Operation, limiter: RateLimiter, next: () => Promise<Exchange>): Promise<Exchange> {
  ctx.watch(limiter);
  const cost = op.spec.cost ?? 1;
  const budgetLeft = op.retry ? Math.max(0, op.retry.budgetMs - (ctx.clock.now() - op.startedAt)) : undefined;
  try {
    op.rateLimitWaitMs += await limiter.acquire(cost, op.signal, op.requestId, budgetLeft === undefined ? {} : { maxWaitMs: budgetLeft });
  } catch (reason) {
    throw toConnectorError(reason, op.signal, ctx.source, ctx.redactor);
  }
  let answered = false;
  const complete = (): void => {
    if (answered) return;
    answered = true;
    limiter.complete(cost);
  };
  op.onAnswer = complete;
  try {
    return await next();
  } catch (error) {
    if (isConnectorError(error) && shouldPause(error, op)) await limiter.pauseUntil(ctx.clock.now() + (error.retryAfterMs ?? 0));
    throw error;
  } finally {
    complete();
    op.onAnswer = undefined;
  }
}

/**
 * Only a retryable rate-limit answer with a known wait that the call itself will wait out pauses the queue: a
 * `Retry-After: 3600` beyond `maxRetryAfterMs` fails this call with the reset time instead of holding every
 * other caller for an hour, and a non-retryable 429 (a daily quota) is each caller's to handle.
 */
function shouldPause(error: ConnectorError, op: Operation): boolean {
  if (!isRateLimitAnswer(error) || !error.retryable || error.retryAfterMs === undefined) return false;
  const maxWait = op.retry ? op.retry.maxRetryAfterMs : DEFAULT_RETRY.maxRetryAfterMs;
  return error.retryAfterMs <= maxWait;
}
