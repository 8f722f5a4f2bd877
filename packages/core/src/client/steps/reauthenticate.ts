import { isConnectorError } from '../../errors/guards.js';
import type { ClientContext } from '../client-context.js';
import type { Step } from '../operation.js';
import { toConnectorError } from '../to-connector-error.js';

/**
 * A 401 with renewable credentials (OAuth) is repeated once, at once, after the provider renews them; the
 * repeat is the same attempt (it does not count against `maxAttempts`) and neutral for the breaker.
 */
export function reauthenticate(ctx: ClientContext): Step {
  return async (op, next) => {
    const renew = ctx.auth.onUnauthorized?.bind(ctx.auth);
    if (!renew) return next();
    try {
      return await next();
    } catch (error) {
      if (!isConnectorError(error) || error.code !== 'AUTH_FAILED' || error.status !== 401 || op.renewedAuth) throw error;
      op.renewedAuth = true;
      let renewed: boolean;
      try {
        renewed = await renew(op.signal);
      } catch (reason) {
        throw toConnectorError(reason, op.signal, ctx.source, ctx.redactor);
      }
      if (!renewed) throw error;
      op.sent = false;
      return next();
    }
  };
}
