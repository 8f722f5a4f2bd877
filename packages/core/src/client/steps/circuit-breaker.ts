import { breakerOutcome } from '../../policies/circuit-breaker.js';
import { isConnectorError } from '../../errors/guards.js';
import type { ClientContext } from '../client-context.js';
import type { Step } from '../operation.js';

/**
 * Before waiting for quota: an open circuit rejects at once with CIRCUIT_OPEN, and nothing is claimed (a
 * half-open probe must not hold the probe slot while it queues in the limiter).
 */
export function breakerCheck(ctx: ClientContext): Step {
  return (op, next) => {
    ctx.breakers?.get(op.request.origin).check();
    return next();
  };
}

/**
 * Right before sending: claims the attempt (the one probe when half-open) and settles it with the attempt's
 * outcome (§4: retryable failures count, other 4xx are successes, rate limits and cancellation are neutral).
 */
export function breakerPermit(ctx: ClientContext): Step {
  return async (op, next) => {
    const breaker = ctx.breakers?.get(op.request.origin);
    if (!breaker) return next();
    const permit = breaker.acquire();
    let outcome: 'success' | 'failure' | 'ignore' = 'ignore';
    try {
      const exchange = await next();
      outcome = 'success';
      return exchange;
    } catch (error) {
      outcome = isConnectorError(error) ? breakerOutcome(error) : 'ignore';
      throw error;
    } finally {
      permit.settle(outcome);
    }
  };
}
