import type { ConnectorError } from '../errors/connector-error.js';
import { CancelledError, NetworkError, TimeoutError } from '../errors/error-classes.js';
import { isConnectorError } from '../errors/guards.js';
import { DeadlineExceeded } from '../http/deadline.js';
import type { Redactor } from '../http/redact.js';

/** Failures that prove the request never left this machine. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Any thrown value becomes a ConnectorError: the caller's abort is CANCELLED (checked first: with both a
 * signal and a timeout each keeps its own code), our deadline is TIMEOUT, the rest NETWORK_ERROR (with
 * `notSent` when the connection was never made).
 */
export function toConnectorError(cause: unknown, callerSignal: AbortSignal | undefined, source: string, redactor: Redactor): ConnectorError {
  if (isConnectorError(cause)) return cause;
  if (callerSignal?.aborted) {
    return new CancelledError({ message: 'The operation was cancelled by the caller.', cause: callerSignal.reason ?? cause, source });
  }
  if (cause instanceof DeadlineExceeded) return new TimeoutError({ message: cause.message, cause, source });
  const { code, message } = lowLevelError(cause);
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new TimeoutError({ message: `The server stopped responding (${code}).`, cause, source });
  }
  const notSent = typeof code === 'string' && NOT_SENT_CODES.has(code);
  return new NetworkError({ message: `Network error talking to ${source}: ${redactor.text(message)}`, cause, notSent, source });
}

/**
 * The code and message of the error underneath: undici throws its error itself, `fetch` wraps it
 * (`TypeError: fetch failed` with the socket error as `cause`), so the first `code` down the cause chain counts.
 */
export function lowLevelError(error: unknown): { code: string | undefined; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: current instanceof Error ? current.message : code };
    current = (current as { cause?: unknown }).cause;
  }
  return { code: undefined, message: error instanceof Error ? error.message : String(error) };
}
