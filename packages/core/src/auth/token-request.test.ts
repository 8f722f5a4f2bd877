import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UndiciTransport } from '../http/node-transport.js';
import { closedPort } from '../testing/closed-port.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { postTokenRequest } from './token-request.js';

let server: MockServer;
const transport = new UndiciTransport();
beforeAll(async () => {
  server = await startMockServer([
    http.post('*/app/installations/1/access_tokens', () => HttpResponse.json({ token: 'ghs_x', expires_at: '2026-01-01T01:00:00Z' }, { status: 201 })),
    http.post('*/refused', () => HttpResponse.json({ message: 'A JSON web token could not be decoded' }, { status: 401 })),
    http.post('*/html', () => new HttpResponse('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })),
    http.post('*/huge', () => HttpResponse.text('x'.repeat(1024 * 1024 + 1))),
  ]);
});
afterAll(async () => {
  await transport.close();
  await server.close();
});

describe('postTokenRequest: a credential exchange through the transport', () => {
  it('sends the headers and body as given and returns any status with its JSON object', async () => {
    const answer = await postTokenRequest(
      transport,
      { url: `${server.baseUrl}/app/installations/1/access_tokens`, headers: { authorization: 'Bearer jwt', accept: 'application/json' }, body: '{}' },
      5_000,
    );
    expect(answer).toEqual({ status: 201, json: { token: 'ghs_x', expires_at: '2026-01-01T01:00:00Z' } });
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', path: '/app/installations/1/access_tokens', body: '{}', headers: { authorization: 'Bearer jwt' } });
    const refused = await postTokenRequest(transport, { url: `${server.baseUrl}/refused`, headers: {} }, 5_000);
    expect(refused).toEqual({ status: 401, json: { message: 'A JSON web token could not be decoded' } });
    expect(await postTokenRequest(transport, { url: `${server.baseUrl}/html`, headers: {} }, 5_000)).toEqual({ status: 502, json: {} });
  });

  it('names the endpoint and source in its typed failures: an oversized answer, an unreachable host', async () => {
    const label = { label: 'the GitHub App installation token endpoint', source: 'github' };
    await expect(postTokenRequest(transport, { url: `${server.baseUrl}/huge`, headers: {}, ...label }, 5_000)).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      source: 'github',
      message: expect.stringMatching(/^The GitHub App installation token endpoint answered more than/) as unknown,
    });
    const port = await closedPort();
    await expect(postTokenRequest(transport, { url: `http://127.0.0.1:${port}/x`, headers: {}, ...label }, 5_000)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: expect.stringMatching(/^Could not reach the GitHub App installation token endpoint/) as unknown,
    });
  });
});
