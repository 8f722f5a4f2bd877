import { bytesToText, parseJson } from '../../http/read-body.js';
import { safeParse } from '../../schema/zod.js';
import { zodToValidationError } from '../../validation/parse.js';
import type { ClientContext } from '../client-context.js';
import type { Exchange, Operation, Step } from '../operation.js';

/** Parses the body (JSON once, or text) and validates it with the call's schema. A stream passes through. */
export function decode(ctx: ClientContext): Step {
  return async (op, next) => {
    const exchange = await next();
    try {
      return decodeExchange(ctx, op, exchange);
    } catch (error) {
      // The server said 2xx: a write happened, whatever its body looked like.
      if (!exchange.fromCache && exchange.status >= 200 && exchange.status < 300) op.mayHaveApplied = true;
      throw error;
    }
  };
}

export function decodeExchange(ctx: ClientContext, op: Operation, exchange: Exchange): Exchange {
  if (op.streaming) return exchange;
  let data: unknown;
  if (op.spec.responseType === 'text') data = bytesToText(exchange.buffer);
  // A body parsed for quota observation or inspection is reused, unless it was kept as text (not JSON).
  else if (exchange.parsed !== undefined && typeof exchange.parsed.value !== 'string') data = exchange.parsed.value;
  else data = parseJson(exchange.buffer, exchange.headers['content-type'], { source: ctx.source });
  const schema = op.spec.schema;
  if (schema) {
    const result = safeParse(schema, data);
    if (!result.success) {
      throw zodToValidationError(result.error, `The ${ctx.source} API response did not match the expected shape`, ctx.source, { status: exchange.status });
    }
    data = result.data;
  }
  return { ...exchange, data };
}
