import { CONNECTOR_ERROR_MARK, type ConnectorError } from './connector-error.js';
import type { ErrorCode } from './error-codes.js';
import type {
  AuthError,
  CancelledError,
  CircuitOpenError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './error-classes.js';

/**
 * True for any error thrown by any copy of `@cf/core` (checks a global-symbol marker, not `instanceof`,
 * so it works when two versions of the package are installed side by side).
 */
export function isConnectorError(error: unknown): error is ConnectorError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[CONNECTOR_ERROR_MARK] === true &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Whether `error` is a connector error (from any copy of `@cf/core`) with this code; narrows its type. */
export function hasErrorCode<C extends ErrorCode>(error: unknown, code: C): error is ConnectorError & { code: C } {
  return isConnectorError(error) && error.code === code;
}

/** Whether `e` is a RATE_LIMIT error (429 or the API's own rate-limit answer; `retryAfterMs` says how long to wait). */
export const isRateLimitError = (e: unknown): e is RateLimitError => hasErrorCode(e, 'RATE_LIMIT');
/** Whether `e` is an AUTH_FAILED error (401/403: bad, expired or insufficient credentials). */
export const isAuthError = (e: unknown): e is AuthError => hasErrorCode(e, 'AUTH_FAILED');
/** Whether `e` is a NOT_FOUND error (404). */
export const isNotFoundError = (e: unknown): e is NotFoundError => hasErrorCode(e, 'NOT_FOUND');
/** Whether `e` is a TIMEOUT error (an attempt took longer than `timeoutMs`). */
export const isTimeoutError = (e: unknown): e is TimeoutError => hasErrorCode(e, 'TIMEOUT');
/** Whether `e` is a CANCELLED error (the call's `signal` aborted). */
export const isCancelledError = (e: unknown): e is CancelledError => hasErrorCode(e, 'CANCELLED');
/** Whether `e` is a CIRCUIT_OPEN error (the breaker refused the call without sending it). */
export const isCircuitOpenError = (e: unknown): e is CircuitOpenError => hasErrorCode(e, 'CIRCUIT_OPEN');
/** Whether `e` is a VALIDATION_ERROR (bad input or options, caught before the network). */
export const isValidationError = (e: unknown): e is ValidationError => hasErrorCode(e, 'VALIDATION_ERROR');

/** True for any of the webhook receiver's refusals (`WEBHOOK_*` codes), from any copy of core. */
export function isWebhookError(error: unknown): error is ConnectorError & { code: Extract<ErrorCode, `WEBHOOK_${string}`> } {
  return isConnectorError(error) && error.code.startsWith('WEBHOOK_');
}

/**
 * True for a network error that provably never reached the server (connection refused, DNS). Duck-typed, so it
 * works for an error from another copy of core.
 */
export function wasNeverSent(error: ConnectorError): boolean {
  return error.code === 'NETWORK_ERROR' && (error as { notSent?: unknown }).notSent === true;
}
