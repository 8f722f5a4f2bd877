import { describe, expect, it } from 'vitest';
import { CONNECTOR_ERROR_MARK, ConnectorError } from './connector-error.js';
import * as classes from './error-classes.js';
import * as webhookClasses from './webhook-errors.js';
import { AuthError, NetworkError, NotFoundError, RateLimitError, ValidationError } from './error-classes.js';
import { ERROR_CODES, ERROR_NAMES } from './error-codes.js';
import { isAuthError, isConnectorError, isRateLimitError, isValidationError, isWebhookError, hasErrorCode } from './guards.js';
import { defaultMessageForStatus, errorForStatus, RETRYABLE_STATUSES } from './http-error-factory.js';

describe('errors', () => {
  it('maps statuses to codes in one place', () => {
    const codes = [400, 401, 403, 404, 408, 409, 410, 422, 425, 429, 500, 502, 503, 504].map((s) => [s, errorForStatus(s, { message: 'x' }).code]);
    expect(Object.fromEntries(codes)).toEqual({
      400: 'INVALID_REQUEST', 401: 'AUTH_FAILED', 403: 'AUTH_FAILED', 404: 'NOT_FOUND', 408: 'TIMEOUT', 409: 'INVALID_REQUEST',
      410: 'NOT_FOUND', 422: 'INVALID_REQUEST', 425: 'INVALID_REQUEST', 429: 'RATE_LIMIT', 500: 'SERVER_ERROR', 502: 'SERVER_ERROR',
      503: 'SERVER_ERROR', 504: 'SERVER_ERROR',
    });
  });

  it('marks exactly the specified statuses retryable', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([408, 425, 429, 500, 502, 503, 504]);
    expect(errorForStatus(425, { message: 'x' }).retryable).toBe(true);
    expect(errorForStatus(404, { message: 'x' }).retryable).toBe(false);
    expect(errorForStatus(501, { message: 'x' }).retryable).toBe(false);
  });

  it('carries status, request id, source, details, body, cause and retryAfterMs', () => {
    const cause = new Error('root');
    const error = new RateLimitError({ message: 'slow down', status: 429, requestId: 'r1', source: 'api', details: { method: 'GET' }, body: { a: 1 }, cause, retryAfterMs: 5 });
    expect(error).toMatchObject({ name: 'RateLimitError', code: 'RATE_LIMIT', status: 429, requestId: 'r1', source: 'api', retryable: true, retryAfterMs: 5, body: { a: 1 } });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toMatchObject({ code: 'RATE_LIMIT', details: { method: 'GET' } });
    expect(error).toBeInstanceOf(Error);
  });

  it('guards recognise errors from another copy of the package by marker, not instanceof', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'RATE_LIMIT', [Symbol.for('@cf/core/ConnectorError')]: true });
    expect(isConnectorError(foreign)).toBe(true);
    expect(isRateLimitError(foreign)).toBe(true);
    expect(isAuthError(foreign)).toBe(false);
    expect(isConnectorError(new Error('plain'))).toBe(false);
    expect(isConnectorError(null)).toBe(false);
    expect(new AuthError({ message: 'x' })[CONNECTOR_ERROR_MARK]).toBe(true);
    expect(hasErrorCode(new NotFoundError({ message: 'x' }), 'NOT_FOUND')).toBe(true);
    expect(isValidationError(new ValidationError({ message: 'x', issues: [{ path: 'a', message: 'b' }] }))).toBe(true);
  });

  it('has stable codes, and network errors know whether the request was sent', () => {
    expect(ERROR_CODES).toContain('CIRCUIT_OPEN');
    expect(new NetworkError({ message: 'x', notSent: true }).notSent).toBe(true);
    expect(new NetworkError({ message: 'x' }).notSent).toBe(false);
    expect(defaultMessageForStatus(403)).toMatch(/scope/);
    expect(defaultMessageForStatus(502)).toMatch(/502/);
    expect(defaultMessageForStatus(418)).toMatch(/418/);
  });

  it('takes its name from its code, so a minified (renamed or anonymous) class keeps it', () => {
    const Mangled = class extends ConnectorError {
      readonly code = 'NETWORK_ERROR' as const;
    };
    Object.defineProperty(Mangled, 'name', { value: 'e' }); // what a minifier leaves
    const anonymous = [class extends ConnectorError {
      readonly code = 'NOT_FOUND' as const;
    }][0]!;
    expect(anonymous.name).toBe('');
    expect(new Mangled({ message: 'x' }).name).toBe('NetworkError');
    expect(new anonymous({ message: 'x' }).name).toBe('NotFoundError');
    expect(new Mangled({ message: 'x' }).toJSON()).toMatchObject({ name: 'NetworkError' });
    expect(String(new anonymous({ message: 'gone' }))).toBe('NotFoundError: gone');
  });

  it('names every code, and each class reports the name of its code', () => {
    for (const code of ERROR_CODES) expect(ERROR_NAMES[code]).toMatch(/^[A-Z][A-Za-z]+Error$/);
    type ErrorClass = new (options: { message: string }) => ConnectorError;
    const made = ([...Object.values(classes), ...Object.values(webhookClasses)] as unknown[])
      .filter((value): value is ErrorClass => typeof value === 'function' && value.prototype instanceof ConnectorError)
      .map((Class) => new Class({ message: 'x' }));
    expect(made.map((e) => e.code).sort()).toEqual([...ERROR_CODES].sort());
    for (const error of made) expect(error.name).toBe(ERROR_NAMES[error.code]);
    expect(new classes.ParsingError({ message: 'x' }).name).toBe('ParsingError');
  });

  it('webhook refusals carry the status the receiver answered, are not retryable, and have their own guard', () => {
    const statuses = [
      new webhookClasses.WebhookMethodError({ message: 'x' }),
      new webhookClasses.WebhookPayloadTooLargeError({ message: 'x' }),
      new webhookClasses.WebhookSignatureError({ message: 'x' }),
      new webhookClasses.WebhookTimestampError({ message: 'x' }),
      new webhookClasses.WebhookPayloadError({ message: 'x', issues: [{ path: '[0].eventId', message: 'required' }] }),
    ].map((e) => [e.code, e.status, e.retryable, isWebhookError(e)]);
    expect(statuses).toEqual([
      ['WEBHOOK_METHOD_NOT_ALLOWED', 405, false, true],
      ['WEBHOOK_PAYLOAD_TOO_LARGE', 413, false, true],
      ['WEBHOOK_SIGNATURE_INVALID', 401, false, true],
      ['WEBHOOK_TIMESTAMP_INVALID', 401, false, true],
      ['WEBHOOK_PAYLOAD_INVALID', 400, false, true],
    ]);
    expect(isWebhookError(new AuthError({ message: 'x' }))).toBe(false);
  });
});
