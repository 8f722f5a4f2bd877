import { FakeClock, HttpClient, isConnectorError, type Logger, type RateWindow } from '@cf/core';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreUnavailableError, redisStore, type NodeRedisLike } from '../src/index.js';
import { startFakeHubSpot, type FakeHubSpot } from './fixtures/fake-hubspot.js';

const WINDOWS: RateWindow[] = [{ name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }];

/** A stand-in for a node-redis client whose every command hangs (Redis gone, command waiting in the offline queue). */
function hangingClient(): NodeRedisLike & { calls: string[][] } {
  const calls: string[][] = [];
  return { calls, sendCommand: (args) => (calls.push(args), new Promise(() => undefined)) };
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const noop = (): void => undefined;
  return { warnings, debug: noop, info: noop, error: noop, warn: (_obj, msg) => warnings.push(msg ?? '') };
}

describe('when Redis cannot serve (no server needed)', () => {
  let api: FakeHubSpot | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("'fail' (the default): a hanging command fails within commandTimeoutMs as a typed, unsent NETWORK_ERROR", async () => {
    const store = redisStore(hangingClient(), { commandTimeoutMs: 20 });
    const error = await store.consume('k', WINDOWS, 1).catch((e: unknown) => e);
    expect(isStoreUnavailableError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: false, notSent: true, source: 'redis', details: { command: 'EVALSHA', timeoutMs: 20 } });
    expect((error as Error).message).toMatch(/did not answer EVALSHA within 20 ms/);
  });

  it('a node-redis client that is not connected fails at once with its reason', async () => {
    const closed = createClient({ url: 'redis://127.0.0.1:1' });
    const error = await redisStore(closed).pausedUntil('k').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/unreachable: The client is closed/) as unknown });
  });

  it('an error reply (a key of the wrong type under the prefix) is reported, not taken for an answer', async () => {
    const client: NodeRedisLike = { sendCommand: () => Promise.reject(Object.assign(new (class ErrorReply extends Error {})('WRONGTYPE Operation against a key holding the wrong kind of value'))) };
    await expect(redisStore(client).consume('k', WINDOWS, 1)).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/refused EVALSHA: WRONGTYPE/) as unknown });
  });

  it('sends the script itself when Redis lost its script cache (NOSCRIPT)', async () => {
    class ErrorReply extends Error {}
    const seen: string[] = [];
    const client: NodeRedisLike = {
      sendCommand: (args) => {
        seen.push(args[0] ?? '');
        if (args[0] === 'EVALSHA') return Promise.reject(new ErrorReply('NOSCRIPT No matching script. Please use EVAL.'));
        return Promise.resolve([1, 0, 0, 1_000, 99]);
      },
    };
    await expect(redisStore(client).consume('k', WINDOWS, 1)).resolves.toEqual({ granted: true, waitMs: 0, remaining: { ten_secondly: 99 } });
    expect(seen).toEqual(['EVALSHA', 'EVAL']);
  });

  it("'fallback': goes on with an in-process limiter, warns once, and returns to Redis after retryUnavailableMs", async () => {
    const clock = new FakeClock();
    let up = false;
    const calls: string[] = [];
    const client: NodeRedisLike = {
      sendCommand: (args) => {
        calls.push(args[0] ?? '');
        return up ? Promise.resolve([1, 0, 0, clock.now(), 42]) : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6399'));
      },
    };
    const logger = recordingLogger();
    const store = redisStore(client, { onUnavailable: 'fallback', retryUnavailableMs: 5000, logger, clock });
    await expect(store.consume('k', WINDOWS, 1)).resolves.toMatchObject({ granted: true, remaining: { ten_secondly: 99 } });
    await expect(store.consume('k', WINDOWS, 1)).resolves.toMatchObject({ granted: true, remaining: { ten_secondly: 98 } });
    expect(store.degraded).toBe(true);
    expect(calls).toHaveLength(1); // the second call did not wait for Redis again
    expect(logger.warnings).toEqual([expect.stringMatching(/falling back to an in-process rate limiter/)]);
    up = true;
    clock.advance(5000);
    await expect(store.consume('k', WINDOWS, 1)).resolves.toMatchObject({ remaining: { ten_secondly: 42 } });
    expect(store.degraded).toBe(false);
    expect(logger.warnings[1]).toMatch(/Redis answers again/);
  });

  it("through HttpClient, 'fail' stops the call before it is sent; 'fallback' lets it through", async () => {
    api = await startFakeHubSpot({ pages: 1 });
    const request = (onUnavailable: 'fail' | 'fallback') =>
      new HttpClient({
        baseUrl: api!.baseUrl,
        source: 'fake-hubspot',
        rateLimit: { windows: WINDOWS, key: 'hubspot:account-1' },
        store: redisStore(hangingClient(), { onUnavailable, commandTimeoutMs: 20, logger: recordingLogger() }),
      }).request({ path: '/crm/v3/objects/contacts', query: { page: 0 } });
    const error = await request('fail').catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('NETWORK_ERROR');
    expect((error as Error).message).toMatch(/Redis \(rate-limit store\) did not answer/);
    expect(api.stats.accepted + api.stats.rejected).toBe(0);
    await expect(request('fallback')).resolves.toMatchObject({ status: 200 });
    expect(api.stats.accepted).toBe(1);
  });

  it('rejects nonsense options', () => {
    expect(() => redisStore(hangingClient(), { commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
    expect(() => redisStore(hangingClient(), { retryUnavailableMs: -1 })).toThrow(/retryUnavailableMs/);
  });
});
