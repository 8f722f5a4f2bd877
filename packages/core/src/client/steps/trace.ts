import { isConnectorError } from '../../errors/guards.js';
import type { ClientContext } from '../client-context.js';
import type { Exchange, Operation, Step } from '../operation.js';

/** `operationStart` / `operationEnd` around all attempts of one operation (tracing, metrics); free when unheard. */
export function trace(ctx: ClientContext): Step {
  // Not async on the way through: an unheard trace costs no promise of its own.
  return (op, next) => (ctx.events.has('operationStart') || ctx.events.has('operationEnd') ? traced(ctx, op, next) : next());
}

async function traced(ctx: ClientContext, op: Operation, next: () => Promise<Exchange>): Promise<Exchange> {
  const base = { requestId: op.requestId, operation: op.spec.operation, method: op.request.method, url: template(ctx, op) };
  ctx.events.emit('operationStart', { ...base, startedAt: op.startedAt });
  try {
    const exchange = await next();
    ctx.events.emit('operationEnd', { ...base, ...totals(ctx, op), status: exchange.status });
    return exchange;
  } catch (error) {
    ctx.events.emit('operationEnd', { ...base, ...totals(ctx, op), errorCode: isConnectorError(error) ? error.code : 'UNKNOWN' });
    throw error;
  }
}

function totals(ctx: ClientContext, op: Operation): { durationMs: number; attempts: number; rateLimitWaitMs: number } {
  return { durationMs: ctx.clock.now() - op.startedAt, attempts: op.attempt, rateLimitWaitMs: op.rateLimitWaitMs };
}

/** The URL template (`/v1/items/{id}`), not the filled path: low cardinality for metrics, no ids in traces. */
function template(ctx: ClientContext, op: Operation): string {
  return ctx.redactor.url(op.spec.url ?? `${ctx.baseUrl.href}${op.spec.path ?? ''}`);
}
