import type { ConnectorError, ConnectorErrorOptions } from './connector-error.js';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from './error-classes.js';

/** The statuses that are worth another attempt, per the specification. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Maps a non-2xx status to the error class of its code (one place, like a status table). */
export function errorForStatus(status: number, options: ConnectorErrorOptions): ConnectorError {
  const retryable = RETRYABLE_STATUSES.has(status);
  const opts = { ...options, status, retryable: options.retryable ?? retryable };
  if (status === 401 || status === 403) return new AuthError(opts);
  if (status === 404 || status === 410) return new NotFoundError(opts);
  if (status === 408) return new TimeoutError(opts);
  if (status === 429) return new RateLimitError(opts);
  if (status >= 500) return new ServerError(opts);
  return new InvalidRequestError(opts);
}

/** A short actionable message when the API gave none. */
export function defaultMessageForStatus(status: number): string {
  switch (status) {
    case 401:
      return 'Authentication failed (401): check the credentials.';
    case 403:
      return 'Forbidden (403): the credentials lack the permission or scope for this call.';
    case 404:
      return 'Not found (404).';
    case 408:
      return 'The server timed out waiting for the request (408).';
    case 429:
      return 'Rate limited by the API (429).';
    default:
      return status >= 500 ? `The API failed with status ${status}.` : `The API rejected the request with status ${status}.`;
  }
}
