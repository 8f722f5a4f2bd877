import { bytesToText, parseJson } from '../../http/read-body.js';
import { checkOnly } from '../../schema/check-only.js';
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

/**
 * The body of one exchange as the caller gets it: text, or JSON validated by the call's schema (the parsed value
 * itself when a pure schema accepts it, else zod's result); a validation failure throws a ValidationError.
 */
export function decodeExchange(ctx: ClientContext, op: Operation, exchange: Exchange): Exchange {
  if (op.streaming) return exchange;
  let data: unknown;
  // Whether `data` was made here from the bytes, so nothing but this call holds it.
  let fresh = true;
  if (op.spec.responseType === 'text') data = bytesToText(exchange.buffer);
  // A body parsed for quota observation or inspection is reused, unless it was kept as text (not JSON).
  else if (exchange.parsed !== undefined && typeof exchange.parsed.value !== 'string') {
    data = exchange.parsed.value;
    // Not fresh: `observeQuota` and `inspectResponse` (connector and user code) were handed this very object and may
    // keep it. zod's validated copy keeps the caller's data apart from theirs; returning it as is would not.
    // (Observers get `data` through a getter: a body they never read, HubSpot's 2xx pages among them, is fresh.)
    fresh = false;
  } else data = parseJson(exchange.buffer, exchange.headers['content-type'], { source: ctx.source });
  const schema = op.spec.schema;
  // A pure schema that accepts fresh data (JSON.parse's, or text) needs no validated copy: zod's would be deep-equal
  // to it. Anything else, failures included, goes through zod, so results, issues and messages stay zod's own.
  if (schema && !(fresh && checkOnly(schema, 'json')?.(data) === true)) {
    const result = safeParse(schema, data);
    if (!result.success) {
      throw zodToValidationError(result.error, `The ${ctx.source} API response did not match the expected shape`, ctx.source, { status: exchange.status });
    }
    data = result.data;
  }
  return { ...exchange, data };
}
