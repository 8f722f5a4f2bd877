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

export function hasErrorCode<C extends ErrorCode>(error: unknown, code: C): error is ConnectorError & { code: C } {
  return isConnectorError(error) && error.code === code;
}

export const isRateLimitError = (e: unknown): e is RateLimitError => hasErrorCode(e, 'RATE_LIMIT');
export const isAuthError = (e: unknown): e is AuthError => hasErrorCode(e, 'AUTH_FAILED');
export const isNotFoundError = (e: unknown): e is NotFoundError => hasErrorCode(e, 'NOT_FOUND');
export const isTimeoutError = (e: unknown): e is TimeoutError => hasErrorCode(e, 'TIMEOUT');
export const isCancelledError = (e: unknown): e is CancelledError => hasErrorCode(e, 'CANCELLED');
export const isCircuitOpenError = (e: unknown): e is CircuitOpenError => hasErrorCode(e, 'CIRCUIT_OPEN');
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
