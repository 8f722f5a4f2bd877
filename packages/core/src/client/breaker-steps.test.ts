import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../policies/rate-limiter.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import type { Clock } from '../time/clock.js';
import { HttpClient } from './http-client.js';

/** A clock whose sleeps wait until the test releases them, to look at the funnel while a call waits. */
class HeldClock implements Clock {
  private current = Date.UTC(2026, 0, 1);
  private readonly held: Array<{ ms: number; resolve: () => void }> = [];
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.held.push({ ms, resolve }));
  }
  get sleeping(): number {
    return this.held.length;
  }
  releaseAll(): void {
    for (const { ms, resolve } of this.held.splice(0)) {
      this.current += ms;
      resolve();
    }
  }
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.get('*/api/thing', () => HttpResponse.json({ ok: true }))]);
});
afterAll(async () => server.close());

describe('§4 the breaker steps around the rate limiter', () => {
  it('a half-open probe does not hold the probe slot while it queues in the limiter', async () => {
    const clock = new HeldClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'ten_s', limit: 1, intervalMs: 10_000, burst: 1 }] });
    const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock, retry: false, rateLimit: limiter, circuitBreaker: { failureThreshold: 1, openMs: 1_000 } });
    server.use(faults.serverErrors(1, 503));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(c.breaker()?.currentState).toBe('open');
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    clock.advance(1_000);

    const probe = c.request({ path: '/thing' });
    while (clock.sleeping === 0) await new Promise((resolve) => setImmediate(resolve));
    // The probe waits for quota: the probe slot is still free.
    const permit = c.breaker()!.acquire();
    permit.settle('ignore');
    clock.releaseAll();
    const res = await probe;
    expect(res.status).toBe(200);
    expect(c.breaker()?.currentState).toBe('closed');
    await c.close();
  });
});
