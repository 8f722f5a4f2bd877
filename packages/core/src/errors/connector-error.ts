import type { ErrorCode } from './error-codes.js';

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
}

/** Base class of every error a connector throws. Switch on `code`, not on the class. */
export abstract class ConnectorError extends Error {
  abstract readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  requestId: string | undefined;
  readonly source: string | undefined;
  details: ErrorDetails;
  /** The API's own error body (secrets redacted). */
  readonly body: unknown;
  /** Milliseconds the server asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
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
  }

  override get name(): string {
    return this.constructor.name;
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
      body: this.body,
    };
  }
}
