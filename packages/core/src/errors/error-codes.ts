/**
 * Stable error codes. They are part of the public API: a code is never renamed or reused.
 * `CLIENT_CLOSED` is raised by calls made after `disconnect()`.
 */
export const ERROR_CODES = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'AUTH_FAILED',
  'RATE_LIMIT',
  'INVALID_REQUEST',
  'NOT_FOUND',
  'SERVER_ERROR',
  'PARSING_ERROR',
  'VALIDATION_ERROR',
  'CANCELLED',
  'CIRCUIT_OPEN',
  'UNSUPPORTED',
  'CLIENT_CLOSED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
