import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quotaFromHeaders } from '../http/quota-headers.js';
import { MemoryResponseCache } from '../http/response-cache.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';

let server: MockServer;
const clock = new FakeClock();
const quota = { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': String(Math.floor(clock.now() / 1000) + 3600) };
beforeAll(async () => {
  server = await startMockServer([
    // GitHub: a conditional request answered 304 costs no quota, and says so in its headers.
    http.get('*/api/thing', ({ request }) =>
      request.headers.get('if-none-match') === '"v1"'
        ? new HttpResponse(null, { status: 304, headers: { etag: '"v1"', ...quota } })
        : HttpResponse.json({ ok: true }, { headers: { etag: '"v1"', ...quota } }),
    ),
  ]);
});
afterAll(async () => server.close());

describe('§5/§10 a 304 feeds its quota headers to the limiter', () => {
  it('conditional requests the API answers 304 (free) do not use up the local window', async () => {
    const limiter = new RateLimiter({ clock, windows: [{ name: 'core', limit: 10, intervalMs: 3_600_000, algorithm: 'fixed-window' }] });
    const client = new HttpClient({
      baseUrl: `${server.baseUrl}/api`,
      source: 'test',
      clock,
      rateLimit: limiter,
      cache: new MemoryResponseCache(),
      observeQuota: quotaFromHeaders('core', { mode: 'exact' }),
    });
    try {
      const answers = [];
      for (let i = 0; i < 25; i += 1) answers.push(await client.request({ path: '/thing', cache: { ttlMs: 0 } }));
      expect(server.requests).toHaveLength(25);
      expect(answers.slice(1).every((a) => a.meta.cached && a.status === 200)).toBe(true);
      // Without the 304s' observations the local count would reach 10 and wait an hour for the window.
      expect(clock.sleeps).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
