import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** The connection failed before a response: refused, reset, DNS, TLS. */
export class NetworkError extends ConnectorError {
  /** Always `NETWORK_ERROR`. */
  readonly code = 'NETWORK_ERROR' as const;
  /** True when the request provably never reached the server (connection refused, DNS failure). */
  readonly notSent: boolean;
  constructor(options: ConnectorErrorOptions & { notSent?: boolean }) {
    super(options, true);
    this.notSent = options.notSent ?? false;
  }
}

/** The request took longer than `timeoutMs` (or the server answered 408). */
export class TimeoutError extends ConnectorError {
  /** Always `TIMEOUT`. */
  readonly code = 'TIMEOUT' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, true);
  }
}

/** Credentials missing, invalid, expired or lacking a scope (401/403). */
export class AuthError extends ConnectorError {
  /** Always `AUTH_FAILED`. */
  readonly code = 'AUTH_FAILED' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** A quota was exhausted, locally or by the API (429). `retryAfterMs` says when it resets, if known. */
export class RateLimitError extends ConnectorError {
  /** Always `RATE_LIMIT`. */
  readonly code = 'RATE_LIMIT' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, true);
  }
}

/** The API rejected the request as malformed or conflicting (400, 409, 422, other 4xx). */
export class InvalidRequestError extends ConnectorError {
  /** Always `INVALID_REQUEST`. */
  readonly code = 'INVALID_REQUEST' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** The resource does not exist (404, 410). */
export class NotFoundError extends ConnectorError {
  /** Always `NOT_FOUND`. */
  readonly code = 'NOT_FOUND' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** The API failed (5xx). */
export class ServerError extends ConnectorError {
  /** Always `SERVER_ERROR`. */
  readonly code = 'SERVER_ERROR' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, true);
  }
}

/** The response body could not be read or decoded (bad JSON, truncated body, too large). */
export class ParsingError extends ConnectorError {
  /** Always `PARSING_ERROR`. */
  readonly code = 'PARSING_ERROR' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** Input failed validation before the network, or a response did not match its schema. Never retried. */
export class ValidationError extends ConnectorError {
  /** Always `VALIDATION_ERROR`. */
  readonly code = 'VALIDATION_ERROR' as const;
  /** One entry per problem: the path (`field`) and the rule that failed. */
  readonly issues: ReadonlyArray<{ path: string; message: string }>;
  constructor(options: ConnectorErrorOptions & { issues?: ReadonlyArray<{ path: string; message: string }> }) {
    super(options, false);
    this.issues = options.issues ?? [];
  }
}

/** The caller aborted the operation through its `AbortSignal`. */
export class CancelledError extends ConnectorError {
  /** Always `CANCELLED`. */
  readonly code = 'CANCELLED' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** The circuit breaker for this origin is open: the call was rejected without touching the network. */
export class CircuitOpenError extends ConnectorError {
  /** Always `CIRCUIT_OPEN`. */
  readonly code = 'CIRCUIT_OPEN' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** The operation is not supported by this API, plan or connector. */
export class UnsupportedError extends ConnectorError {
  /** Always `UNSUPPORTED`. */
  readonly code = 'UNSUPPORTED' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}

/** The client was disconnected; create a new one or call `connect()` again. */
export class ClientClosedError extends ConnectorError {
  /** Always `CLIENT_CLOSED`. */
  readonly code = 'CLIENT_CLOSED' as const;
  constructor(options: ConnectorErrorOptions) {
    super(options, false);
  }
}
