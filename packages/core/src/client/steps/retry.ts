import type { ConnectorError } from '../../errors/connector-error.js';
import { RateLimitError } from '../../errors/error-classes.js';
import { isConnectorError } from '../../errors/guards.js';
import { runHooks } from '../../hooks/hooks.js';
import { decideRetry, type RetryDecision } from '../../policies/retry-policy.js';
import { attemptState } from '../attempt-state.js';
import type { ClientContext } from '../client-context.js';
import type { Operation, Step } from '../operation.js';
import { redactError } from '../redact-error.js';
import { isRateLimitAnswer } from '../response-to-error.js';
import { toConnectorError } from '../to-connector-error.js';
import { attemptMayHaveApplied } from '../write-outcome.js';

/**
 * Attempts of one operation: each failure is judged by `decideRetry` (the ordered rules of §3), reported
 * (`onError` hooks, `error` event), and either thrown or waited out (`onRetry` hooks, `retry` event, a sleep
 * that ends at once on abort). When the breaker opens mid-operation, the real last error is thrown.
 */
export function retry(ctx: ClientContext): Step {
  return async (op, next) => {
    let lastError: ConnectorError | undefined;
    for (;;) {
      op.attempt += 1;
      op.sent = false;
      try {
        return await next();
      } catch (caught) {
        // Anything that is not a ConnectorError was thrown by user code (a hook, an inspector): a bug to
        // surface unchanged, never a retryable network error.
        if (!isConnectorError(caught)) throw caught;
        const error = caught;
        // Hooks and listeners see errors already scrubbed of secrets, as everything else does.
        redactError(error, ctx.redactor);
        if (error.code === 'CIRCUIT_OPEN' && lastError) {
          op.attempt -= 1;
          throw lastError;
        }
        if (op.sent && attemptMayHaveApplied(error)) op.mayHaveApplied = true;
        const decision: RetryDecision = op.retry
          ? decideRetry({ error, attempt: op.attempt, idempotent: op.request.idempotent, elapsedMs: ctx.clock.now() - op.startedAt }, op.retry)
          : { retry: false, reason: 'retries disabled' };
        await runHooks(ctx.hooks.onError, attemptState(ctx, op, { error }));
        ctx.events.emit('error', { requestId: op.requestId, code: error.code, message: error.message, attempt: op.attempt });
        if (!decision.retry) throw stopped(error, decision, op);
        ctx.events.emit('retry', { requestId: op.requestId, attempt: op.attempt, delayMs: decision.delayMs, reason: decision.reason, serverDelay: decision.serverDelay });
        ctx.logger.info({ source: ctx.source, requestId: op.requestId, attempt: op.attempt, delayMs: decision.delayMs, reason: decision.reason }, 'retrying');
        await runHooks(ctx.hooks.onRetry, attemptState(ctx, op, { error, delayMs: decision.delayMs }));
        try {
          await ctx.clock.sleep(decision.delayMs, op.signal);
        } catch (reason) {
          throw toConnectorError(reason, op.signal, ctx.source, ctx.redactor);
        }
        lastError = error;
      }
    }
  };
}

/**
 * The error an operation ends with. A server wait beyond `maxRetryAfterMs` keeps its code (a 503 stays
 * SERVER_ERROR) and its `retryAfterMs`; a rate-limit answer becomes a non-retryable RATE_LIMIT saying so.
 */
function stopped(error: ConnectorError, decision: Extract<RetryDecision, { retry: false }>, op: Operation): ConnectorError {
  if (decision.exceedsMaxRetryAfter && isRateLimitAnswer(error)) {
    return new RateLimitError({
      message: `${error.message} The API asked to wait ${Math.ceil((error.retryAfterMs ?? 0) / 1000)} s, longer than maxRetryAfterMs; not retried.`,
      status: error.status,
      retryable: false,
      retryAfterMs: error.retryAfterMs,
      body: error.body,
      cause: error,
      details: { ...error.details, retryStopped: decision.reason },
      source: error.source,
    });
  }
  if (error.retryable && op.attempt > 1) error.details.retryStopped = decision.reason;
  else if (decision.exceedsMaxRetryAfter) error.details.retryStopped = decision.reason;
  return error;
}
