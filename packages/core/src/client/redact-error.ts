import type { ConnectorError } from '../errors/connector-error.js';
import { isConnectorError } from '../errors/guards.js';
import type { Redactor } from '../http/redact.js';

const MAX_CAUSE_DEPTH = 5;

/**
 * Removes every secret the client knows (read live from the auth provider: a refreshed token included) from
 * an error on its way out: message, the API's body, details (a connector's `mapError` may add any), and the
 * messages along the cause chain (a socket error may quote a URL with a key in it).
 */
export function redactError(error: ConnectorError, redactor: Redactor): void {
  error.message = redactor.text(error.message);
  if (typeof error.stack === 'string') error.stack = redactor.text(error.stack);
  error.body = redactor.value(error.body);
  error.details = redactor.value(error.details);
  let cause: unknown = error.cause;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && cause instanceof Error; depth += 1) {
    if (isConnectorError(cause)) {
      redactError(cause, redactor);
      return;
    }
    rewrite(cause, 'message', redactor);
    rewrite(cause, 'stack', redactor);
    cause = cause.cause;
  }
}

/** Some errors (DOMException) expose `message` through a getter only: those are left as they are. */
function rewrite(error: Error, key: 'message' | 'stack', redactor: Redactor): void {
  const value = error[key];
  if (typeof value !== 'string') return;
  const clean = redactor.text(value);
  if (clean === value) return;
  try {
    error[key] = clean;
  } catch {
    /* read-only: nothing of ours can be in a platform error's message */
  }
}
