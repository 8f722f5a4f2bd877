import { describe, expect, it } from 'vitest';
import { bytesBody } from '../http/response-body.js';
import type { Transport, TransportRequest } from '../http/transport.js';
import { DEFAULT_CONCURRENCY } from '../policies/concurrency-limiter.js';
import { HttpClient } from './http-client.js';

/** A transport that records requests and answers after `release()`, to observe what the funnel hands down. */
function recordingTransport() {
  const seen: TransportRequest[] = [];
  const pending: Array<() => void> = [];
  const transport: Transport = {
    send: (req) =>
      new Promise((resolve) => {
        seen.push(req);
        pending.push(() => resolve({ status: 200, headers: { 'content-type': 'application/json' }, body: bytesBody(['{}']) }));
      }),
    close: async () => undefined,
  };
  return { transport, seen, releaseAll: () => pending.splice(0).forEach((r) => r()) };
}

describe('funnel defaults', () => {
  it('a per-attempt timeout of 30,000 ms unless configured, overridable per call', async () => {
    const { transport, seen, releaseAll } = recordingTransport();
    const client = new HttpClient({ baseUrl: 'https://api.example', source: 't', transport });
    const a = client.request({ path: '/a' });
    const b = client.request({ path: '/b', timeoutMs: 500 });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.map((r) => r.timeoutMs)).toEqual([30_000, 500]);
    releaseAll();
    await Promise.all([a, b]);
  });

  it('at most 10 requests in flight by default; the rest wait in the queue', async () => {
    expect(DEFAULT_CONCURRENCY).toEqual({ maxInFlight: 10, maxQueue: 1000 });
    const { transport, seen, releaseAll } = recordingTransport();
    const client = new HttpClient({ baseUrl: 'https://api.example', source: 't', transport });
    const calls = Array.from({ length: 15 }, (_, i) => client.request({ path: `/${i}` }));
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(10);
    expect(client.inFlight).toBe(10);
    releaseAll();
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(15);
    releaseAll();
    await Promise.all(calls);
    expect(client.inFlight).toBe(0);
  });

  it('in a browser, no x-request-id and no default User-Agent (each would make every call a CORS preflight); configured ones are sent', async () => {
    const g = globalThis as { document?: unknown };
    const send = async (options: { requestIdHeader?: string; userAgent?: string } = {}) => {
      const { transport, seen, releaseAll } = recordingTransport();
      const client = new HttpClient({ baseUrl: 'https://api.example', source: 't', transport, ...options });
      const call = client.request({ path: '/a' });
      await new Promise((r) => setTimeout(r, 10));
      releaseAll();
      await call;
      return seen[0]!.headers;
    };
    expect(await send()).toMatchObject({ 'x-request-id': expect.any(String), 'user-agent': '@cf/core' });
    g.document = {};
    try {
      const headers = await send();
      expect(Object.keys(headers).sort()).toEqual(['accept']);
      expect(await send({ requestIdHeader: 'x-correlation-id', userAgent: 'my-app/1.0' })).toMatchObject({ 'x-correlation-id': expect.any(String), 'user-agent': 'my-app/1.0' });
    } finally {
      delete g.document;
    }
  });
});
