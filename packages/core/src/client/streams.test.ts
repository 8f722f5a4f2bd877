import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../errors/guards.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([
    http.get('*/api/thing', () => HttpResponse.json({ ok: true })),
    http.get('*/api/lines', () => new HttpResponse('{"n":1}\n{"n":2}\n', { headers: { 'content-type': 'application/jsonl' } })),
  ]);
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

async function readAll(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe('§6/§14 a stream holds its slot for the life of its body', () => {
  it('keeps the concurrency slot until the body is read, then gives it back', async () => {
    const c = client({ concurrency: { maxInFlight: 1 } });
    const res = await c.stream({ path: '/lines' });
    expect(c.inFlight).toBe(1);
    let secondDone = false;
    const second = c.request({ path: '/thing' }).then((r) => {
      secondDone = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(secondDone).toBe(false);
    expect(await readAll(res.body)).toBe('{"n":1}\n{"n":2}\n');
    expect((await second).data).toEqual({ ok: true });
    expect(c.inFlight).toBe(0);
  });

  it('destroy() or stopping early frees the slot and the socket', async () => {
    const c = client({ concurrency: { maxInFlight: 1 } });
    const res = await c.stream({ path: '/lines' });
    res.body.destroy();
    expect(c.inFlight).toBe(0);
    const early = await c.stream({ path: '/lines' });
    for await (const chunk of early.body) {
      void chunk;
      break;
    }
    expect(c.inFlight).toBe(0);
    expect((await c.request({ path: '/thing', timeoutMs: 1_000 })).data).toEqual({ ok: true });
  });

  it('an afterResponse hook that throws frees the body: the next request is not stuck behind it', async () => {
    const boom = new Error('hook bug');
    let throwOnce = true;
    const c = client({
      concurrency: { maxInFlight: 1 },
      hooks: {
        afterResponse: [
          () => {
            if (throwOnce) {
              throwOnce = false;
              throw boom;
            }
          },
        ],
      },
    });
    // A body that would keep its socket busy for seconds unless the funnel destroys it.
    server.use(faults.dripBody({ chunks: 40, intervalMs: 150, times: 1 }));
    await expect(c.stream({ path: '/lines' })).rejects.toBe(boom);
    expect(c.inFlight).toBe(0);
    expect((await c.request({ path: '/thing', timeoutMs: 1_000 })).data).toEqual({ ok: true });
  });

  it('a connection lost mid-stream is a typed NETWORK_ERROR, not a raw socket error', async () => {
    server.use(faults.destroyMidBody({ partial: '{"n":1}\n' }));
    const c = client();
    const res = await c.stream({ path: '/lines' });
    const error = await readAll(res.body).catch((e: unknown) => e);
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', requestId: res.requestId, source: 'test', details: { method: 'GET', path: '/api/lines' } });
    expect(c.inFlight).toBe(0);
  });

  it('close() waits for an open stream to end', async () => {
    const c = client();
    const res = await c.stream({ path: '/lines' });
    let closed = false;
    const closing = c.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    await readAll(res.body);
    await closing;
    expect(closed).toBe(true);
  });
});
