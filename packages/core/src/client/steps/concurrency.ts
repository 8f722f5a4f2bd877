import type { ClientContext } from '../client-context.js';
import type { Step } from '../operation.js';
import { toConnectorError } from '../to-connector-error.js';

/**
 * A concurrency slot for the whole operation (attempts and waits between them). A stream keeps it until its
 * body ends, fails or is destroyed: a body still arriving holds a socket.
 */
export function concurrency(ctx: ClientContext): Step {
  return async (op, next) => {
    let release: () => void;
    try {
      release = await ctx.concurrency.acquire(op.signal);
    } catch (reason) {
      throw toConnectorError(reason, op.signal, ctx.source, ctx.redactor);
    }
    let handedToBody = false;
    try {
      const exchange = await next();
      if (exchange.body) {
        exchange.body.onClose(release);
        handedToBody = true;
      }
      return exchange;
    } finally {
      if (!handedToBody) release();
    }
  };
}
