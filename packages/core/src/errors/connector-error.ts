import { ERROR_NAMES, type ErrorCode } from './error-codes.js';

/** Marker property so guards work across two copies of `@cf/core` in one process. */
export const CONNECTOR_ERROR_MARK = Symbol.for('@cf/core/ConnectorError');

/** What was being done when the error happened. Never contains secrets (paths are redacted). */
export interface ErrorDetails {
  /** The request method. */
  method?: string;
  /** Path and query with secret parameters redacted. */
  path?: string;
  /** The attempt that failed (1 for the first). */
  attempt?: number;
  /** Milliseconds from the operation's start to the failure, waits included. */
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

/** What a `ConnectorError` is built from; every field but `message` is optional. */
export interface ConnectorErrorOptions {
  /** An actionable message (what failed, why, what to do); never contains secrets. */
  message: string;
  /** The HTTP status, when the API answered. */
  status?: number | undefined;
  /**
   * Whether repeating the request may succeed and is safe. @default the class's default (true for network errors,
   * timeouts, 5xx and rate limits)
   */
  retryable?: boolean | undefined;
  /** The operation's correlation id. */
  requestId?: string | undefined;
  /** The connector that threw it. */
  source?: string | undefined;
  /** What was being done (method, redacted path, attempt, the API's ids…). */
  details?: ErrorDetails | undefined;
  /** The API's own error body, parsed when it was JSON. */
  body?: unknown;
  /** The underlying error, kept as `Error.cause`. */
  cause?: unknown;
  /** Milliseconds the server asked to wait (Retry-After or a reset header). */
  retryAfterMs?: number | undefined;
  /** For a non-idempotent request: whether the write provably did not happen, or may have. */
  writeOutcome?: WriteOutcome | undefined;
}

/** Base class of every error a connector throws. Switch on `code`, not on the class. */
export abstract class ConnectorError extends Error {
  /** The stable error code (`RATE_LIMIT`, `NOT_FOUND`…): switch on it, not on the class. */
  abstract readonly code: ErrorCode;
  /** The HTTP status, when the API answered. */
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
  /**
   * What was being done: method, redacted path, attempt, duration, the API's request id and connector-specific
   * fields.
   */
  details: ErrorDetails;
  /** The API's own error body (secrets redacted by the client on the way out). */
  body: unknown;
  /** Milliseconds the server asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  /** For a non-idempotent request: whether the write provably did not happen, or may have. See `WriteOutcome`. */
  writeOutcome: WriteOutcome | undefined;
  /** Marks connector errors so `isConnectorError` recognises them across copies of `@cf/core`. */
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

  /**
   * A plain object of the error's fields (name, code, message, status, retryable, ids, details, body…), for logs and
   * `JSON.stringify`.
   */
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
