import { DestinationError, DestinationUnavailableError, LoadError } from '../errors.js';

/**
 * ClickHouse error codes that mean "cannot get in" rather than "this statement is wrong": authentication
 * (UNKNOWN_USER 192, WRONG_PASSWORD 193, REQUIRED_PASSWORD 194, IP_ADDRESS_NOT_ALLOWED 195, AUTHENTICATION_FAILED 516),
 * overload and network trouble on the server's side (TOO_MANY_SIMULTANEOUS_QUERIES 202, SOCKET_TIMEOUT 209,
 * NETWORK_ERROR 210, ALL_CONNECTION_TRIES_FAILED 279), and a server shutting down (ABORTED 236).
 */
const UNAVAILABLE_CODES = new Set([192, 193, 194, 195, 202, 209, 210, 236, 279, 516]);

/** Node's socket errors and the driver's timeout. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ABORT_ERR']);

/** Replaces every occurrence of each secret (and its percent-encoded form) with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    out = out.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('***');
  }
  return out;
}

/** The server's code and message out of the HTTP body of a failed query (18.16's and newer servers' formats). */
export function parseServerError(message: string): { code: number; text: string } | undefined {
  const code = /\bCode: (\d+)/.exec(message);
  if (!code) return undefined;
  // 18.16: `Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = DB::Exception`
  // 20+:   `Code: 60. DB::Exception: Table x doesn't exist. (UNKNOWN_TABLE) (version 23.8.1.1)`
  const text = /DB::Exception: ([\s\S]*?)(?:, e\.what\(\) = [\s\S]*|\s*\(version [^)]*\)\s*)?$/.exec(message)?.[1] ?? message;
  return { code: Number(code[1]), text: text.trim() };
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  return /^(Timeout error|socket hang up|The user aborted a request|The operation was aborted)/i.test(error.message);
}

/** A copy of the driver's error with every secret removed (the original may be logged whole by a caller). */
function sanitizedCause(error: unknown, secrets: readonly string[]): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactSecrets(original.message, secrets));
  copy.name = original.name;
  const code = (original as { code?: unknown }).code;
  if (code !== undefined) (copy as { code?: unknown }).code = typeof code === 'string' ? redactSecrets(code, secrets) : code;
  copy.stack = redactSecrets(original.stack ?? `${copy.name}: ${copy.message}`, secrets);
  return copy;
}

/**
 * A driver error as `@cf/load`'s: unreachable, refused credentials or an overloaded server → DestinationUnavailableError;
 * anything the server refused → DestinationError. `doing` says what was being done (`creating table x`). No secret
 * survives in the message, the stack or the cause.
 */
export function toLoadError(error: unknown, label: string, doing: string, secrets: readonly string[]): LoadError {
  if (error instanceof LoadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const cause = sanitizedCause(error, secrets);
  const server = parseServerError(message);
  if (server !== undefined) {
    const reason = redactSecrets(`${doing}: ${server.text} (ClickHouse error ${server.code})`, secrets);
    if (UNAVAILABLE_CODES.has(server.code)) return new DestinationUnavailableError(label, reason, cause);
    return new DestinationError(label, reason, cause);
  }
  if (isNetworkError(error)) {
    return new DestinationUnavailableError(label, redactSecrets(`${doing}: ${message}`, secrets), cause);
  }
  return new DestinationError(label, redactSecrets(`${doing}: ${message}`, secrets), cause);
}
