import { http, HttpResponse } from 'msw';
import { InvalidRequestError, RateLimitError } from '../errors/error-classes.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';
import { closedPort } from '../testing/closed-port.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.post('*/api/things', () => HttpResponse.json({ id: 1 }, { status: 201 })), http.get('*/api/things', () => HttpResponse.json([]))]);
});
afterEach(() => server.resetHandlers());
afterAll(async () => server.close());

const clients: HttpClient[] = [];
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: { random: () => 1 }, ...extra });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

const create = (c: HttpClient, extra: Record<string, unknown> = {}) => c.request({ method: 'POST', path: '/things', body: { name: 'x' }, ...extra }).catch((e: unknown) => e);

describe('§3 a write whose outcome is unknown is never reported as safe to retry', () => {
  it.each([
    ['a 502', () => faults.serverErrors(1, 502), 'SERVER_ERROR'],
    ['a 504', () => faults.serverErrors(1, 504), 'SERVER_ERROR'],
    ['a connection reset after sending', () => faults.networkError({ times: 1 }), 'NETWORK_ERROR'],
    ['a body cut short on a 201', () => faults.truncatedJson({ times: 1 }), 'PARSING_ERROR'],
  ])('%s on a POST: writeOutcome may-have-applied, retryable false, sent once', async (_name, fault, code) => {
    server.use(fault());
    const error = await create(client());
    expect(error).toMatchObject({ code, writeOutcome: 'may-have-applied', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('a timeout after sending a POST: may-have-applied, retryable false', async () => {
    server.use(faults.stall(500, { times: 1 }));
    const error = await create(client({ timeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', writeOutcome: 'may-have-applied', retryable: false });
  });

  it('a refusal proves nothing happened: 400 and 429 are not-applied (429 keeps retryable)', async () => {
    server.use(faults.status(400, { times: 1 }));
    expect(await create(client())).toMatchObject({ code: 'INVALID_REQUEST', writeOutcome: 'not-applied', retryable: false });
    server.use(faults.rateLimited({ retryAfter: 1 }));
    expect(await create(client({ retry: false }))).toMatchObject({ code: 'RATE_LIMIT', writeOutcome: 'not-applied', retryable: true });
  });

  it('a POST that never left (connection refused, bad input, cancelled before sending) is not-applied', async () => {
    const refused = new HttpClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api`, source: 'test', clock: new FakeClock(), retry: false });
    clients.push(refused);
    expect(await create(refused)).toMatchObject({ code: 'NETWORK_ERROR', writeOutcome: 'not-applied', retryable: true });
    expect(await create(client(), { timeoutMs: -1 })).toMatchObject({ code: 'VALIDATION_ERROR', writeOutcome: 'not-applied' });
    const controller = new AbortController();
    controller.abort();
    expect(await create(client(), { signal: controller.signal })).toMatchObject({ code: 'CANCELLED', writeOutcome: 'not-applied' });
  });

  it('a 429 then a 502 on the retry: may-have-applied (any attempt that may have applied counts)', async () => {
    server.use(faults.rateLimited({ retryAfter: 1, times: 1 }), faults.serverErrors(1, 502));
    expect(await create(client())).toMatchObject({ code: 'SERVER_ERROR', writeOutcome: 'may-have-applied', retryable: false, details: { attempt: 2 } });
  });

  it('requests safe to repeat carry no write outcome and keep retryable: an idempotency key, a GET', async () => {
    server.use(faults.serverErrors(3, 502));
    expect(await create(client({ retry: false }), { idempotencyKey: 'k-1' })).toMatchObject({ code: 'SERVER_ERROR', writeOutcome: undefined, retryable: true });
    const read = await client({ retry: false }).request({ path: '/things' }).catch((e: unknown) => e);
    expect(read).toMatchObject({ code: 'SERVER_ERROR', writeOutcome: undefined, retryable: true });
  });

  it('a 500 exactly, and a 2xx the inspector calls a failure, may have applied; a rate limit inside a 200 did not', async () => {
    server.use(faults.serverErrors(1, 500));
    expect(await create(client())).toMatchObject({ code: 'SERVER_ERROR', status: 500, writeOutcome: 'may-have-applied', retryable: false });
    const inspected = client({
      retry: false,
      inspectResponse: ({ data }) =>
        (data as { throttled?: boolean }).throttled
          ? new RateLimitError({ message: 'THROTTLED', status: 200, retryable: true })
          : new InvalidRequestError({ message: 'the API said it failed', status: 200 }),
    });
    expect(await create(inspected)).toMatchObject({ code: 'INVALID_REQUEST', writeOutcome: 'may-have-applied', retryable: false });
    server.use(http.post('*/api/things', () => HttpResponse.json({ throttled: true })));
    expect(await create(inspected)).toMatchObject({ code: 'RATE_LIMIT', writeOutcome: 'not-applied', retryable: true });
  });

  it("a connector that knows the outcome (its mapError says 'not-applied') is believed", async () => {
    server.use(faults.serverErrors(1, 502));
    const knowing = client({ mapError: ({ defaultError }) => Object.assign(defaultError, { writeOutcome: 'not-applied' as const }) });
    expect(await create(knowing)).toMatchObject({ code: 'SERVER_ERROR', writeOutcome: 'not-applied', retryable: true });
  });
});
