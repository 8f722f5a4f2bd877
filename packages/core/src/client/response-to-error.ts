import type { ConnectorError } from '../errors/connector-error.js';
import { RateLimitError } from '../errors/error-classes.js';
import { defaultMessageForStatus, errorForStatus } from '../errors/http-error-factory.js';
import type { HeaderMap } from '../http/headers.js';
import { serverRetryDelay } from '../http/retry-after.js';
import type { ClientContext } from './client-context.js';
import type { RateLimitAnswerContext } from './options.js';
import { bytesToText } from '../http/read-body.js';

/** The default rate-limit classifier: 429 and nothing else. Connectors declare more with `isRateLimited`. */
export const isStatus429 = (ctx: RateLimitAnswerContext): boolean => ctx.status === 429;

export interface FailedResponse {
  status: number;
  headers: HeaderMap;
  /** Parsed JSON, or text when not JSON, or undefined when empty. */
  body: unknown;
  method: string;
  /** Redacted path and query. */
  path: string;
}

/**
 * A non-2xx answer becomes the error of its code, in one place:
 * 1. is it a rate limit (`isRateLimited`, 429 by default)? Then RATE_LIMIT, whatever the status;
 * 2. the server's wait: `Retry-After` on any answer; the API's reset headers on rate-limit answers only;
 * 3. the API's message in ours; 4. the connector's `mapError` may refine it.
 */
export function responseToError(ctx: ClientContext, res: FailedResponse): ConnectorError {
  const { status, headers, body } = res;
  const rateLimited = (ctx.options.isRateLimited ?? isStatus429)({ status, headers, body });
  const resetHeaders = rateLimited ? (ctx.options.retryAfterHeaders ?? []) : [];
  const retryAfterMs = serverRetryDelay(headers, ctx.clock.now(), resetHeaders);
  const apiMessage = extractMessage(body);
  const base = rateLimited && status !== 429 ? `Rate limited by the API (${status}).` : defaultMessageForStatus(status);
  const message = apiMessage ? `${base} ${ctx.source} says: ${apiMessage}` : base;
  const options = { message, body, retryAfterMs, source: ctx.source };
  const defaultError = rateLimited ? new RateLimitError({ ...options, status, retryable: true }) : errorForStatus(status, options);
  const mapped = ctx.options.mapError?.({ ...res, retryAfterMs, rateLimited, defaultError, clock: ctx.clock });
  return mapped ?? defaultError;
}

/** A rate-limit answer from the server (not a local quota, not a GraphQL THROTTLED inside a 200). */
export function isRateLimitAnswer(error: ConnectorError): boolean {
  return error.code === 'RATE_LIMIT' && error.status !== undefined && error.status >= 400;
}

/** Parses a body for error reporting: JSON when it is, else its first 2,000 characters. */
export function parseLoosely(buffer: Uint8Array): unknown {
  if (buffer.length === 0) return undefined;
  const text = bytesToText(buffer);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 2000);
  }
}

/** The API's own message from common error body shapes. */
export function extractMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'detail', 'error', 'errors']) {
    const v = b[key];
    if (typeof v === 'string' && v.trim() !== '') return v.slice(0, 300);
  }
  return undefined;
}
