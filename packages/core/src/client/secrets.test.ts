import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { oauth2Auth } from '../auth/oauth2-auth.js';
import { apiKeyAuth } from '../auth/static-auth.js';
import { InvalidRequestError } from '../errors/error-classes.js';
import { isConnectorError } from '../errors/guards.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';

let api: MockServer;
let elsewhere: MockServer;
beforeAll(async () => {
  elsewhere = await startMockServer([http.get('*/download', () => HttpResponse.json({ downloaded: true }))]);
  api = await startMockServer([
    http.post('*/oauth/token', () => HttpResponse.json({ access_token: 'live-access-token-42', expires_in: 3600 })),
    // An API that echoes what it was sent, as many do in their error messages.
    http.get('*/api/echo-auth', ({ request }) => HttpResponse.json({ message: `token ${request.headers.get('authorization')} is not allowed here` }, { status: 403 })),
    http.get('*/api/echo-query', ({ request }) => new HttpResponse(`<html>bad request ${new URL(request.url).search}</html>`, { status: 200, headers: { 'content-type': 'text/html' } })),
    http.get('*/api/shape', ({ request }) => HttpResponse.json({ id: 7, echo: new URL(request.url).searchParams.get('appid') })),
    http.get('*/api/token-in-body', () => HttpResponse.json({ error: 'bad', token_echo: 'supersecret-appid-123' }, { status: 400 })),
    http.get('*/api/to-elsewhere', () => new HttpResponse(null, { status: 302, headers: { location: `${elsewhere.baseUrl}/download` } })),
    http.get('*/api/thing', () => HttpResponse.json({ ok: true })),
  ]);
});
afterEach(() => {
  api.resetHandlers();
  elsewhere.resetHandlers();
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

const clients: HttpClient[] = [];
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ baseUrl: `${api.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: false, ...extra });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

/** Everything of an error a user could print or ship to a log aggregator. */
function everything(error: unknown): string {
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  const causes: string[] = [];
  for (let c: unknown = error.cause; c instanceof Error; c = c.cause) causes.push(c.message, c.stack ?? '');
  return [error.message, error.stack ?? '', JSON.stringify(error.toJSON()), JSON.stringify(error.details), ...causes].join('\n');
}

const apiKey = 'supersecret-appid-123';

describe('§13 secrets never leave in an error, on any path', () => {
  it('a token obtained by an OAuth refresh after the client was built is redacted too', async () => {
    const auth = oauth2Auth({ tokenUrl: `${api.baseUrl}/oauth/token`, clientId: 'id', clientSecret: 'client-secret-xyz' });
    const error = await client({ auth }).request({ path: '/echo-auth' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 403 });
    expect(everything(error)).not.toContain('live-access-token-42');
    expect(everything(error)).toContain('[REDACTED]');
  });

  it('the parse error path is redacted and stamped like any other (snippet, method, path, attempt)', async () => {
    const c = client({ auth: apiKeyAuth({ in: 'query', name: 'appid', value: apiKey }) });
    const error = await c.request({ path: '/echo-query', query: { q: 'x' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PARSING_ERROR', details: { method: 'GET', path: '/api/echo-query?q=x', attempt: 1 } });
    expect((error as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(everything(error)).not.toContain(apiKey);
  });

  it('the response-validation error path is redacted and stamped too', async () => {
    const c = client({ auth: apiKeyAuth({ in: 'query', name: 'appid', value: apiKey }) });
    const schema = z.object({ id: z.string(), echo: z.number() });
    const error = await c.request({ path: '/shape', schema }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', source: 'test', details: { method: 'GET', path: '/api/shape', attempt: 1 } });
    expect(everything(error)).not.toContain(apiKey);
  });

  it("details a connector's mapError adds are redacted", async () => {
    const c = client({
      auth: apiKeyAuth({ in: 'header', name: 'x-api-key', value: apiKey }),
      mapError: ({ body, status }) => new InvalidRequestError({ message: 'bad', status, details: { apiSaid: body, hint: `key ${apiKey} rejected` } }),
    });
    const error = await c.request({ path: '/token-in-body' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { hint: 'key [REDACTED] rejected' } });
    expect(everything(error)).not.toContain(apiKey);
  });

  it('default headers, auth and default query go to the API origin only (absolute URL or redirect elsewhere)', async () => {
    const c = client({
      headers: { 'X-Team-Secret': 'team-secret-value' },
      query: { tenant: 'acme' },
      auth: apiKeyAuth({ in: 'header', name: 'x-api-key', value: apiKey }),
    });
    await c.request({ path: '/thing' });
    expect(api.requests[0]!.headers).toMatchObject({ 'x-team-secret': 'team-secret-value', 'x-api-key': apiKey });
    expect(api.requests[0]!.query.get('tenant')).toBe('acme');

    await c.request({ url: `${elsewhere.baseUrl}/download`, headers: { 'x-call-header': 'per-call' } });
    await c.request({ path: '/to-elsewhere' });
    expect(elsewhere.requests).toHaveLength(2);
    for (const request of elsewhere.requests) {
      expect(request.headers['x-team-secret']).toBeUndefined();
      expect(request.headers['x-call-header']).toBeUndefined();
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.query.get('tenant')).toBeNull();
      expect(request.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(request.headers['user-agent']).toBe('@cf/core');
    }
  });
});
