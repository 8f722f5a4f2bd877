import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../errors/error-classes.js';
import { EventBus } from '../hooks/events.js';
import { createRedactor } from '../http/redact.js';
import { FakeClock } from '../time/fake-clock.js';
import type { ClientContext } from './client-context.js';
import type { HttpClientOptions } from './options.js';
import { extractMessage, isRateLimitAnswer, isStatus429, parseLoosely, responseToError } from './response-to-error.js';

const clock = new FakeClock();
function ctx(options: Partial<HttpClientOptions> = {}): ClientContext {
  return { source: 'api', clock, redactor: createRedactor(), events: new EventBus(), options: { baseUrl: 'https://api.example', source: 'api', ...options } } as unknown as ClientContext;
}
const answer = (status: number, headers: Record<string, string> = {}, body: unknown = undefined) => ({ status, headers, body, method: 'GET', path: '/x' });
const resetIn = (s: number) => String(Math.floor(clock.now() / 1000) + s);

describe('§3 responseToError: one place from a non-2xx answer to its error', () => {
  it('by default only 429 is a rate limit, and its reset headers count', () => {
    expect(isStatus429({ status: 429, headers: {}, body: undefined })).toBe(true);
    expect(isStatus429({ status: 403, headers: {}, body: undefined })).toBe(false);
    const limited = responseToError(ctx({ retryAfterHeaders: ['x-ratelimit-reset'] }), answer(429, { 'x-ratelimit-reset': resetIn(30) }));
    expect(limited).toMatchObject({ code: 'RATE_LIMIT', retryable: true, retryAfterMs: 30_000 });
  });

  it('reset headers never apply to other answers; Retry-After does', () => {
    const c = ctx({ retryAfterHeaders: ['x-ratelimit-reset'] });
    expect(responseToError(c, answer(502, { 'x-ratelimit-reset': resetIn(3600) })).retryAfterMs).toBeUndefined();
    expect(responseToError(c, answer(503, { 'retry-after': '7' })).retryAfterMs).toBe(7000);
  });

  it('a declared rate-limit answer is RATE_LIMIT, says so with its status, and the mapper sees rateLimited', () => {
    const seen: boolean[] = [];
    const c = ctx({
      isRateLimited: ({ status, headers }) => status === 403 && headers['x-ratelimit-remaining'] === '0',
      mapError: ({ rateLimited }) => (seen.push(rateLimited), undefined),
    });
    const error = responseToError(c, answer(403, { 'x-ratelimit-remaining': '0' }));
    expect(error).toMatchObject({ code: 'RATE_LIMIT', status: 403, retryable: true, message: 'Rate limited by the API (403).' });
    expect(responseToError(c, answer(403, { 'x-ratelimit-remaining': '12' }))).toMatchObject({ code: 'AUTH_FAILED', status: 403 });
    expect(responseToError(c, answer(429))).toMatchObject({ code: 'RATE_LIMIT', message: 'Rate limited by the API (429).' });
    expect(seen).toEqual([true, false, false]);
  });

  it("quotes the API's message from its usual keys, trimmed to 300 characters", () => {
    for (const key of ['message', 'error_description', 'detail', 'error', 'errors']) {
      expect(extractMessage({ [key]: `went wrong (${key})` })).toBe(`went wrong (${key})`);
    }
    expect(extractMessage({ message: '   ', detail: 'the detail' })).toBe('the detail');
    expect(extractMessage({ message: 'x'.repeat(500) })).toHaveLength(300);
    expect(extractMessage('  plain text  ')).toBe('plain text');
    expect(extractMessage('y'.repeat(400))).toHaveLength(300);
    expect(extractMessage('   ')).toBeUndefined();
    expect(extractMessage(null)).toBeUndefined();
    expect(extractMessage(42)).toBeUndefined();
    expect(extractMessage({ message: 7 })).toBeUndefined();
    expect(responseToError(ctx(), answer(400, {}, { error_description: 'bad scope' })).message).toBe('The API rejected the request with status 400. api says: bad scope');
  });

  it('parses an error body loosely: JSON, else its first 2,000 characters, and nothing for an empty one', () => {
    expect(parseLoosely(Buffer.from(''))).toBeUndefined();
    expect(parseLoosely(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(parseLoosely(Buffer.from('z'.repeat(5000)))).toBe('z'.repeat(2000));
  });

  it('a rate-limit answer is a RATE_LIMIT with an HTTP error status: not a local quota, not a THROTTLED inside a 200', () => {
    expect(isRateLimitAnswer(new RateLimitError({ message: 'x', status: 429 }))).toBe(true);
    expect(isRateLimitAnswer(new RateLimitError({ message: 'x', status: 400 }))).toBe(true);
    expect(isRateLimitAnswer(new RateLimitError({ message: 'x', status: 200 }))).toBe(false);
    expect(isRateLimitAnswer(new RateLimitError({ message: 'local quota' }))).toBe(false);
  });
});
