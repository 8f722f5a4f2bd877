import { FakeClock, startMockServer, type MockServer, type RecordedRequest } from '@cf/core/testing';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { OpenWeatherConnector, type OpenWeatherOptions, type Units } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

export const API_KEY = 'ow-test-key-5f2c9e1d7a3b4c60';

/** Starts the package's own mocks on loopback for the file, and clears overrides and the request log per test. */
export function useMockServer(): { readonly server: MockServer } {
  const ref = {} as { server: MockServer };
  beforeAll(async () => {
    ref.server = await startMockServer(handlers);
  });
  afterAll(async () => {
    await ref.server.close();
  });
  beforeEach(() => {
    ref.server.resetHandlers();
  });
  return ref;
}

/** A connector against the mock server on fake time (retries and quota waits advance it instantly). */
export function connect<U extends Units = 'standard'>(
  server: MockServer,
  options: Partial<OpenWeatherOptions<U>> = {},
): { client: OpenWeatherConnector<U>; clock: FakeClock } {
  const clock = (options.clock as FakeClock | undefined) ?? new FakeClock();
  const client = new OpenWeatherConnector<U>({ apiKey: API_KEY, baseUrl: server.baseUrl, clock, retry: { random: () => 0.5 }, ...options });
  return { client, clock };
}

/** The one request the server saw, asserted to be exactly one. */
export function onlyRequest(server: MockServer): RecordedRequest {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

/** The query of a request as a plain object, without the key (asserted separately). */
export function queryOf(request: RecordedRequest): Record<string, string> {
  const out = Object.fromEntries(request.query.entries());
  delete out.appid;
  return out;
}

/** Asserts the standard outgoing headers and the key in `appid`. */
export function expectStandardRequest(request: RecordedRequest, path: string): void {
  expect(request.method).toBe('GET');
  expect(request.path).toBe(path);
  expect(request.query.get('appid')).toBe(API_KEY);
  expect(request.headers['user-agent']).toMatch(/^@cf\/connector-openweather\/\d+\.\d+\.\d+$/);
  expect(request.headers.accept).toBe('application/json');
  expect(request.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  expect(request.body).toBe('');
}

/** Runs `fn`, expecting a connector error; returns it. */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to throw');
}
