/**
 * Stable error codes. They are part of the public API: a code is never renamed or reused.
 * `CLIENT_CLOSED` is raised by calls made after `disconnect()`. The `WEBHOOK_*` codes are the webhook receiver's
 * (`src/webhooks/`): why it refused a delivery, each with the HTTP status it answered.
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
  'WEBHOOK_METHOD_NOT_ALLOWED',
  'WEBHOOK_PAYLOAD_TOO_LARGE',
  'WEBHOOK_SIGNATURE_INVALID',
  'WEBHOOK_TIMESTAMP_INVALID',
  'WEBHOOK_PAYLOAD_INVALID',
] as const;

/** Every code a connector error may carry (one of `ERROR_CODES`). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The `name` of each error, by code. Taken from this table, not from `constructor.name`, which a minifier
 * renames (`e`) or empties (an anonymous class), so logs and `toJSON()` keep a readable name in any bundle.
 */
export const ERROR_NAMES: Readonly<Record<ErrorCode, string>> = {
  NETWORK_ERROR: 'NetworkError',
  TIMEOUT: 'TimeoutError',
  AUTH_FAILED: 'AuthError',
  RATE_LIMIT: 'RateLimitError',
  INVALID_REQUEST: 'InvalidRequestError',
  NOT_FOUND: 'NotFoundError',
  SERVER_ERROR: 'ServerError',
  PARSING_ERROR: 'ParsingError',
  VALIDATION_ERROR: 'ValidationError',
  CANCELLED: 'CancelledError',
  CIRCUIT_OPEN: 'CircuitOpenError',
  UNSUPPORTED: 'UnsupportedError',
  CLIENT_CLOSED: 'ClientClosedError',
  WEBHOOK_METHOD_NOT_ALLOWED: 'WebhookMethodError',
  WEBHOOK_PAYLOAD_TOO_LARGE: 'WebhookPayloadTooLargeError',
  WEBHOOK_SIGNATURE_INVALID: 'WebhookSignatureError',
  WEBHOOK_TIMESTAMP_INVALID: 'WebhookTimestampError',
  WEBHOOK_PAYLOAD_INVALID: 'WebhookPayloadError',
};
