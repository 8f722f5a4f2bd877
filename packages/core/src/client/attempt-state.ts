import type { AttemptState } from '../hooks/hooks.js';
import type { ClientContext } from './client-context.js';
import type { Operation } from './operation.js';

/** The one state object hooks receive (URL redacted, no credentials: auth is applied after hooks). */
export function attemptState(ctx: ClientContext, op: Operation, extra: Partial<AttemptState> = {}): AttemptState {
  return {
    requestId: op.requestId,
    operation: op.spec.operation,
    method: op.request.method,
    url: ctx.redactor.url(op.request.url.href),
    headers: {},
    attempt: op.attempt,
    clock: ctx.clock,
    ...extra,
  };
}
