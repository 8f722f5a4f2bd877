import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../client/http-client.js';
import { UndiciTransport } from '../http/node-transport.js';
import type { Transport, TransportRequest } from '../http/transport.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { oauth2Auth } from './oauth2-auth.js';
import { closedPort } from '../testing/closed-port.js';

let server: MockServer;
let issued = 0;
beforeAll(async () => {
  server = await startMockServer([
    http.post('*/oauth/slow-token', async () => {
      await delay(150);
      issued += 1;
      return HttpResponse.json({ access_token: `slow-token-${issued}`, expires_in: 3600 });
    }),
    http.post('*/oauth/token', () => {
      issued += 1;
      return HttpResponse.json({ access_token: `token-${issued}`, expires_in: 3600 });
    }),
    http.post('*/oauth/huge', () => HttpResponse.json({ access_token: 'x'.repeat(2 * 1024 * 1024), expires_in: 3600 })),
    http.get('*/api/me', ({ request }) => HttpResponse.json({ auth: request.headers.get('authorization') })),
  ]);
});
afterEach(() => {
  server.resetHandlers();
  issued = 0;
});
afterAll(async () => server.close());

const clients: HttpClient[] = [];
function client(tokenPath: string, transport?: Transport): HttpClient {
  const auth = oauth2Auth({ tokenUrl: `${server.baseUrl}${tokenPath}`, clientId: 'app', clientSecret: 'app-secret-value' });
  const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: false, auth, ...(transport ? { transport } : {}) });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('§2 OAuth2 refresh', () => {
  it("one caller's abort during the shared refresh cancels that caller only (CANCELLED); the others get the token", async () => {
    const c = client('/oauth/slow-token');
    const quitter = new AbortController();
    const leaving = c.request({ path: '/me', signal: quitter.signal });
    const staying = c.request({ path: '/me' });
    setTimeout(() => quitter.abort(), 30);
    await expect(leaving).rejects.toMatchObject({ code: 'CANCELLED' });
    const res = await staying;
    expect(res.data).toEqual({ auth: 'Bearer slow-token-1' });
    expect(issued).toBe(1);
  });

  it("the token request goes through the client's transport (its pools, proxies and test doubles)", async () => {
    const seen: TransportRequest[] = [];
    const real = new UndiciTransport();
    const recording: Transport = { send: (req) => (seen.push(req), real.send(req)), close: () => real.close() };
    const res = await client('/oauth/token', recording).request({ path: '/me' });
    expect(res.data).toEqual({ auth: 'Bearer token-1' });
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['POST /oauth/token', 'GET /api/me']);
  });

  it('a token response over the size cap is AUTH_FAILED, not read into memory', async () => {
    const error = await client('/oauth/huge').request({ path: '/me' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/not a token response/) });
    expect(server.requests.filter((r) => r.path === '/api/me')).toHaveLength(0);
  });

  it('an unreachable token endpoint is NETWORK_ERROR (typed), and the secret is not in it', async () => {
    const auth = oauth2Auth({ tokenUrl: `http://127.0.0.1:${await closedPort()}/oauth/token`, clientId: 'app', clientSecret: 'app-secret-value' });
    const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: false, auth });
    clients.push(c);
    const error = await c.request({ path: '/me' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(JSON.stringify(error)).not.toContain('app-secret-value');
  });
});
