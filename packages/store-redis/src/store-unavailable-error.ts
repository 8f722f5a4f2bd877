import { NetworkError, type ConnectorErrorOptions } from '@cf/core';

/**
 * The shared store (Redis) did not answer: refused, closed, or past `commandTimeoutMs`. The API call it guarded
 * was not sent. Not retried by core: a store outage is fixed by the operator or by `onUnavailable: 'fallback'`,
 * not by hammering Redis again.
 */
export class StoreUnavailableError extends NetworkError {
  constructor(options: ConnectorErrorOptions) {
    super({ source: 'redis', ...options, retryable: false, notSent: true });
  }

  /** Every `NetworkError` carries `code: 'NETWORK_ERROR'`; this marker tells a store outage from an API outage. */
  readonly storeUnavailable = true as const;

  /** A literal, not the constructor's name: it survives minification. */
  override get name(): string {
    return 'StoreUnavailableError';
  }
}

/** Survives two copies of this package in one process (checks the marker, not the class). */
export function isStoreUnavailableError(error: unknown): error is StoreUnavailableError {
  return (error as { storeUnavailable?: unknown } | undefined)?.storeUnavailable === true;
}
