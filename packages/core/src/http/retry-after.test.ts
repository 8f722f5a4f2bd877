import { describe, expect, it } from 'vitest';
import { parseResetHeader, parseRetryAfter, serverRetryDelay } from './retry-after.js';

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('Retry-After', () => {
  it('reads delta-seconds, fractional seconds and HTTP-dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('2.0', now)).toBe(2000);
    expect(parseRetryAfter('0.25', now)).toBe(250);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });

  it('reads reset headers as delta seconds or epoch seconds/ms', () => {
    expect(parseResetHeader('10', now)).toBe(10_000);
    expect(parseResetHeader(String(now / 1000 + 60), now)).toBe(60_000);
    expect(parseResetHeader(String(now + 5000), now)).toBe(5000);
    expect(parseResetHeader('x', now)).toBeUndefined();
  });

  it('prefers Retry-After, then the reset headers in order', () => {
    expect(serverRetryDelay({ 'retry-after': '3', 'x-ratelimit-reset': '9' }, now, ['X-RateLimit-Reset'])).toBe(3000);
    expect(serverRetryDelay({ 'x-ratelimit-reset': '9' }, now, ['X-RateLimit-Reset'])).toBe(9000);
    expect(serverRetryDelay({}, now, ['x-ratelimit-reset'])).toBeUndefined();
  });
});
