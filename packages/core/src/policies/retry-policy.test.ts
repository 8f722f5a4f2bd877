import { describe, expect, it } from 'vitest';
import { InvalidRequestError, NetworkError, RateLimitError, ServerError, TimeoutError } from '../errors/error-classes.js';
import { DEFAULT_RETRY, decideRetry, isIdempotentMethod, type RetryOptions } from './retry-policy.js';

const options: RetryOptions = { ...DEFAULT_RETRY, random: () => 0 };
const server = () => new ServerError({ message: 'x', status: 503 });

describe('decideRetry', () => {
  it('defaults: 3 attempts, 60 s max Retry-After', () => {
    expect(DEFAULT_RETRY.maxAttempts).toBe(3);
    expect(DEFAULT_RETRY.maxRetryAfterMs).toBe(60_000);
  });

  it('retries retryable errors with backoff and jitter, up to maxAttempts', () => {
    expect(decideRetry({ error: server(), attempt: 1, idempotent: true, elapsedMs: 0 }, options)).toMatchObject({ retry: true, delayMs: 500 });
    expect(decideRetry({ error: server(), attempt: 2, idempotent: true, elapsedMs: 0 }, options)).toMatchObject({ retry: true, delayMs: 1000 });
    expect(decideRetry({ error: server(), attempt: 3, idempotent: true, elapsedMs: 0 }, options)).toMatchObject({ retry: false });
  });

  it('never retries non-retryable errors (4xx)', () => {
    const error = new InvalidRequestError({ message: 'bad', status: 400 });
    expect(decideRetry({ error, attempt: 1, idempotent: true, elapsedMs: 0 }, options)).toMatchObject({ retry: false });
  });

  it('does not retry a non-idempotent request that may have reached the server', () => {
    expect(decideRetry({ error: new TimeoutError({ message: 't' }), attempt: 1, idempotent: false, elapsedMs: 0 }, options).retry).toBe(false);
    expect(decideRetry({ error: new NetworkError({ message: 'reset' }), attempt: 1, idempotent: false, elapsedMs: 0 }, options).retry).toBe(false);
    expect(decideRetry({ error: server(), attempt: 1, idempotent: false, elapsedMs: 0 }, options).retry).toBe(false);
  });

  it('retries a non-idempotent request that provably never arrived or was refused with 429', () => {
    expect(decideRetry({ error: new NetworkError({ message: 'refused', notSent: true }), attempt: 1, idempotent: false, elapsedMs: 0 }, options).retry).toBe(true);
    expect(decideRetry({ error: new RateLimitError({ message: 'r', status: 429 }), attempt: 1, idempotent: false, elapsedMs: 0 }, options).retry).toBe(true);
  });

  it("uses the server's delay without jitter, capped by maxRetryAfterMs", () => {
    const error = new RateLimitError({ message: 'r', status: 429, retryAfterMs: 7000 });
    expect(decideRetry({ error, attempt: 1, idempotent: true, elapsedMs: 0 }, { ...options, random: () => 0.9 })).toEqual({
      retry: true, delayMs: 7000, reason: 'RATE_LIMIT (429)', serverDelay: true,
    });
    const tooLong = new RateLimitError({ message: 'r', status: 429, retryAfterMs: 61_000 });
    expect(decideRetry({ error: tooLong, attempt: 1, idempotent: true, elapsedMs: 0 }, options)).toMatchObject({ retry: false, exceedsMaxRetryAfter: true });
  });

  it('stops when the retry budget would be exceeded', () => {
    expect(decideRetry({ error: server(), attempt: 1, idempotent: true, elapsedMs: 119_800 }, options)).toMatchObject({ retry: false, reason: expect.stringMatching(/budget/) });
  });

  it('knows the idempotent methods', () => {
    expect(['GET', 'head', 'PUT', 'DELETE', 'OPTIONS'].every(isIdempotentMethod)).toBe(true);
    expect(['POST', 'PATCH'].some(isIdempotentMethod)).toBe(false);
  });
});
