import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FetchTransport } from './fetch-transport.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([
    http.get('*/moved', () => new HttpResponse(null, { status: 302, headers: { location: '/elsewhere' } })),
    http.get('*/multi', () => new HttpResponse('{}', { headers: { 'x-a': '1', 'content-type': 'application/json' } })),
  ]);
});
afterAll(async () => server.close());

const send = (transport: FetchTransport, path: string) =>
  transport.send({ url: new URL(`${server.baseUrl}${path}`), method: 'GET', headers: {}, signal: new AbortController().signal, timeoutMs: 1000 });

describe('§14 FetchTransport', () => {
  it('leaves redirects to the funnel (redirect: manual): the 3xx and its location come back', async () => {
    const res = await send(new FetchTransport(), '/moved');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/elsewhere');
    res.body.cancel();
  });

  it('lower-cases header names and uses the fetch it is given', async () => {
    const seen: string[] = [];
    const transport = new FetchTransport({ fetch: (input, init) => (seen.push(input instanceof Request ? input.url : input.toString()), fetch(input, init)) });
    const res = await send(transport, '/multi');
    expect(res.headers['x-a']).toBe('1');
    expect(res.headers['content-type']).toBe('application/json');
    expect(seen).toEqual([`${server.baseUrl}/multi`]);
    res.body.cancel();
  });

  it('a runtime that hides redirects (a browser answers redirect: manual with an opaque response) is a clear error', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
    const transport = new FetchTransport({ fetch: async () => opaque });
    await expect(send(transport, '/moved')).rejects.toThrow(/redirect/);
  });

  it('says what to do when the runtime has no fetch', () => {
    expect(() => new FetchTransport({ fetch: 'nope' as unknown as typeof fetch })).toThrow(/pass \{ fetch \}/);
  });
});
