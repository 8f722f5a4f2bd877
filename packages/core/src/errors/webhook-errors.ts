import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * Options of the webhook receiver's refusals (the classes below: why it refused a delivery). Each carries the HTTP `status` the receiver answered with, is never
 * retryable from our side (the API decides whether to send the delivery again), and never carries a secret: messages
 * name headers and limits, never a signature, a secret or the body.
 */
export type WebhookErrorOptions = Omit<ConnectorErrorOptions, 'status' | 'retryable'>;

/** The delivery was not a POST (405; the answer carries `Allow: POST`). */
export class WebhookMethodError extends ConnectorError {
  /** Always `WEBHOOK_METHOD_NOT_ALLOWED`. */
  readonly code = 'WEBHOOK_METHOD_NOT_ALLOWED' as const;
  constructor(options: WebhookErrorOptions) {
    super({ ...options, status: 405, retryable: false });
  }
}

/** The body is over the receiver's `maxBodyBytes` (413), by its Content-Length or by the bytes that arrived. */
export class WebhookPayloadTooLargeError extends ConnectorError {
  /** Always `WEBHOOK_PAYLOAD_TOO_LARGE`. */
  readonly code = 'WEBHOOK_PAYLOAD_TOO_LARGE' as const;
  constructor(options: WebhookErrorOptions) {
    super({ ...options, status: 413, retryable: false });
  }
}

/**
 * The signature is missing, malformed or does not match the raw body (401): nothing of the delivery was parsed,
 * claimed or handed to the handler. `details.reason`: `missing`, `malformed`, `mismatch` or `unsupported`.
 */
export class WebhookSignatureError extends ConnectorError {
  /** Always `WEBHOOK_SIGNATURE_INVALID`. */
  readonly code = 'WEBHOOK_SIGNATURE_INVALID' as const;
  constructor(options: WebhookErrorOptions) {
    super({ ...options, status: 401, retryable: false });
  }
}

/**
 * The signed timestamp is missing, malformed, or outside the tolerance in either direction (401): a replayed old
 * delivery, or a clock far off. `details.reason`: `missing`, `malformed`, `stale` or `future`, with `skewMs`.
 */
export class WebhookTimestampError extends ConnectorError {
  /** Always `WEBHOOK_TIMESTAMP_INVALID`. */
  readonly code = 'WEBHOOK_TIMESTAMP_INVALID' as const;
  constructor(options: WebhookErrorOptions) {
    super({ ...options, status: 401, retryable: false });
  }
}

/**
 * An authentic delivery the receiver cannot read (400): malformed JSON, a payload that does not match its schema
 * (`issues`, one per path), a required header missing, or a body that could not be read.
 */
export class WebhookPayloadError extends ConnectorError {
  /** Always `WEBHOOK_PAYLOAD_INVALID`. */
  readonly code = 'WEBHOOK_PAYLOAD_INVALID' as const;
  /** What did not match the payload's schema: one entry per path, with its message. */
  readonly issues: ReadonlyArray<{ path: string; message: string }>;
  constructor(options: WebhookErrorOptions & { issues?: ReadonlyArray<{ path: string; message: string }> }) {
    super({ ...options, status: 400, retryable: false });
    this.issues = options.issues ?? [];
  }
}
