import type { ConnectorError } from '../../errors/connector-error.js';
import { isConnectorError } from '../../errors/guards.js';
import type { ClientContext } from '../client-context.js';
import type { Operation, Step } from '../operation.js';
import { redactError } from '../redact-error.js';

/** What the exit needs of an operation (an operation that failed validation has only part of it). */
export type ExitInfo = Pick<Operation, 'requestId' | 'startedAt' | 'attempt' | 'mayHaveApplied'> & {
  method: string;
  /** Redacted by the exit. */
  url: URL | undefined;
  idempotent: boolean;
};

export function exitInfo(op: Operation): ExitInfo {
  return { ...op, method: op.request.method, url: op.request.url, idempotent: op.request.idempotent };
}

/**
 * The one door every error leaves by (a stream's mid-body errors included): stamped with the correlation id,
 * source, method, redacted path, attempt and duration; told whether a write may have applied (then never
 * `retryable`); scrubbed of every secret; logged. An exception thrown by user code (a hook) passes unchanged.
 */
export function exitErrors(ctx: ClientContext): Step {
  return async (op, next) => {
    try {
      const exchange = await next();
      exchange.body?.mapErrors((error) => finalizeError(ctx, exitInfo(op), error));
      return exchange;
    } catch (error) {
      throw finalizeError(ctx, exitInfo(op), error);
    }
  };
}

export function finalizeError(ctx: ClientContext, info: ExitInfo, error: unknown): unknown {
  if (!isConnectorError(error)) return error;
  stamp(ctx, info, error);
  redactError(error, ctx.redactor);
  ctx.logger.warn({ source: ctx.source, requestId: info.requestId, code: error.code, status: error.status, attempt: info.attempt }, error.message);
  return error;
}

function stamp(ctx: ClientContext, info: ExitInfo, error: ConnectorError): void {
  error.requestId ??= info.requestId;
  error.source ??= ctx.source;
  error.details = {
    ...error.details,
    method: info.method,
    ...(info.url ? { path: ctx.redactor.url(info.url.pathname + info.url.search) } : {}),
    attempt: info.attempt,
    durationMs: ctx.clock.now() - info.startedAt,
  };
  if (!info.idempotent && error.writeOutcome === undefined) {
    error.writeOutcome = info.mayHaveApplied ? 'may-have-applied' : 'not-applied';
  }
  // The rule generic retry wrappers rely on: never "retry me" for a write that may already have happened.
  if (error.writeOutcome === 'may-have-applied') error.retryable = false;
}
