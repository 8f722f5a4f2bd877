import { ERROR_NAMES, type ErrorCode } from './error-codes.js';

/** Marker property so guards work across two copies of `@cf/core` in one process. */
export const CONNECTOR_ERROR_MARK = Symbol.for('@cf/core/ConnectorError');

/** What was being done when the error happened. Never contains secrets (paths are redacted). */
export interface ErrorDetails {
  method?: string;
  /** Path and query with secret parameters redacted. */
  path?: string;
  attempt?: number;
  durationMs?: number;
  /** The API's own request/correlation id, when it sent one. */
  apiRequestId?: string;
  [key: string]: unknown;
}

/**
 * What a failed non-idempotent request (a POST or PATCH without an idempotency key) did to the API's data:
 * - `not-applied`: provably nothing happened (never sent, refused with a 4xx, rate limited): safe to send again;
 * - `may-have-applied`: it reached the server and the outcome is unknown (5xx, timeout, a connection lost after
 *   sending, a success whose body could not be read): sending it again may write twice, so `retryable` is false.
 * Undefined for reads and for requests that are safe to repeat (idempotent methods, an idempotency key).
 */
export type WriteOutcome = 'not-applied' | 'may-have-applied';

export interface ConnectorErrorOptions {
  message: string;
  status?: number | undefined;
  retryable?: boolean | undefined;
  requestId?: string | undefined;
  source?: string | undefined;
  details?: ErrorDetails | undefined;
  /** The API's own error body, parsed when it was JSON. */
  body?: unknown;
  cause?: unknown;
  retryAfterMs?: number | undefined;
  writeOutcome?: WriteOutcome | undefined;
}

/** Base class of every error a connector throws. Switch on `code`, not on the class. */
export abstract class ConnectorError extends Error {
  abstract readonly code: ErrorCode;
  readonly status: number | undefined;
  /**
   * Whether sending the same request again may succeed and is safe. The client sets it to false on a write
   * whose outcome is unknown (`writeOutcome: 'may-have-applied'`).
   */
  retryable: boolean;
  /** The operation's correlation id (stamped by the client on the way out). */
  requestId: string | undefined;
  /** The connector that threw it (stamped by the client on the way out). */
  source: string | undefined;
  details: ErrorDetails;
  /** The API's own error body (secrets redacted by the client on the way out). */
  body: unknown;
  /** Milliseconds the server asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  /** For a non-idempotent request: whether the write provably did not happen, or may have. See `WriteOutcome`. */
  writeOutcome: WriteOutcome | undefined;
  readonly [CONNECTOR_ERROR_MARK] = true;

  constructor(options: ConnectorErrorOptions, defaultRetryable = false) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.retryable = options.retryable ?? defaultRetryable;
    this.requestId = options.requestId;
    this.source = options.source;
    this.details = { ...options.details };
    this.body = options.body;
    this.retryAfterMs = options.retryAfterMs;
    this.writeOutcome = options.writeOutcome;
  }

  /**
   * From the code (`ERROR_NAMES`), never `constructor.name`: minifiers mangle class names. A subclass that
   * wants its own name overrides this getter.
   */
  override get name(): string {
    // `code` is an instance field, unset while `super()` runs; a code from another copy may be unknown here.
    const name: string | undefined = (ERROR_NAMES as Partial<Record<string, string>>)[this.code];
    return name ?? 'ConnectorError';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      retryable: this.retryable,
      requestId: this.requestId,
      source: this.source,
      details: this.details,
      retryAfterMs: this.retryAfterMs,
      writeOutcome: this.writeOutcome,
      body: this.body,
    };
  }
}
