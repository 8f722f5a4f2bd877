import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isConnectorError } from '../errors/guards.js';
import type { Transport } from '../http/transport.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.get('*/api/thing', () => HttpResponse.json({ ok: true }))]);
});
afterEach(() => server.resetHandlers());
afterAll(async () => server.close());

const clients: HttpClient[] = [];
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: false, ...extra });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** A transport whose requests never settle and ignore their signal, like a request queued in a busy pool. */
const deafTransport: Transport = { send: () => new Promise(() => undefined), close: async () => undefined };

describe('§2/§7 the per-attempt deadline', () => {
  it('timeoutMs covers the body: a 200 whose body drips past it fails with TIMEOUT', async () => {
    server.use(faults.dripBody({ chunks: 6, intervalMs: 400 }));
    const error = await client({ timeoutMs: 300 }).request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, details: { attempt: 1 } });
  });

  it('a body that arrives within timeoutMs is read whole', async () => {
    server.use(faults.dripBody({ chunks: 3, intervalMs: 20 }));
    const res = await client({ timeoutMs: 5_000 }).request({ path: '/thing' });
    expect(res.data).toEqual([0, 1, 2]);
  });

  it('no request outlives its deadline, even where it waits ignoring its signal (a pool queue)', async () => {
    const c = client({ transport: deafTransport, timeoutMs: 50 });
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const controller = new AbortController();
    const pending = c.request({ path: '/thing', timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(c.inFlight).toBe(0);
  });

  it('the default timeout is 30,000 ms per attempt, measured on the request itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const c = client({ transport: deafTransport });
      let outcome: unknown;
      const pending = c.request({ path: '/thing' }).catch((e: unknown) => (outcome = e));
      await vi.advanceTimersByTimeAsync(29_999);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(outcome).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/30000 ms/) });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('§7 a stream\'s deadline', () => {
  it('timeoutMs bounds each silence between chunks: a stalled stream fails with a typed TIMEOUT', async () => {
    server.use(faults.dripBody({ chunks: 3, intervalMs: 600 }));
    const res = await client({ timeoutMs: 200 }).stream({ path: '/thing' });
    const error = await (async () => {
      for await (const chunk of res.body) void chunk;
    })().catch((e: unknown) => e);
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TIMEOUT', requestId: res.requestId });
  });

  it('a slow stream whose chunks keep coming outlives timeoutMs in total', async () => {
    server.use(faults.dripBody({ chunks: 6, intervalMs: 80 }));
    const res = await client({ timeoutMs: 250 }).stream({ path: '/thing' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body) chunks.push(chunk);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("the caller's abort cancels a stream mid-body with a typed CANCELLED", async () => {
    server.use(faults.dripBody({ chunks: 10, intervalMs: 100 }));
    const controller = new AbortController();
    const c = client({ timeoutMs: 5_000 });
    const res = await c.stream({ path: '/thing', signal: controller.signal });
    const error = await (async () => {
      for await (const chunk of res.body) {
        void chunk;
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED', requestId: res.requestId });
    expect(c.inFlight).toBe(0);
  });
});
