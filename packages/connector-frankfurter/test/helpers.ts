import { FakeClock, type CoreOptions } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { FrankfurterConnector, FrankfurterV2Connector } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

/** Today, for the connector's date checks. */
export const TODAY = '2026-01-01';

/** Serves the package's own mocks on loopback for one test file; `make()` builds a connector against them. */
export function useMockApi() {
  const ctx = {
    server: undefined as unknown as MockServer,
    clock: new FakeClock(Date.parse(`${TODAY}T12:00:00Z`)),
    made: [] as Array<FrankfurterConnector | FrankfurterV2Connector>,
    make(options: CoreOptions = {}): FrankfurterConnector {
      const fx = new FrankfurterConnector({ baseUrl: `${ctx.server.baseUrl}/v1`, clock: ctx.clock, ...options });
      ctx.made.push(fx);
      return fx;
    },
    /** A v2 client against the same mock server (its handlers serve both versions). */
    makeV2(options: CoreOptions = {}): FrankfurterV2Connector {
      const fx = new FrankfurterV2Connector({ baseUrl: `${ctx.server.baseUrl}/v2`, clock: ctx.clock, ...options });
      ctx.made.push(fx);
      return fx;
    },
    /** The one request the last call sent, checked for what every request carries: a bodyless GET with our headers. */
    only() {
      expect(ctx.server.requests).toHaveLength(1);
      const request = ctx.server.requests[0]!;
      expect(request.method).toBe('GET');
      expect(request.body).toBe('');
      expect(request.headers['user-agent']).toMatch(/^@cf\/connector-frankfurter\/\d+\.\d+\.\d+$/);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      return request;
    },
  };
  beforeAll(async () => {
    ctx.server = await startMockServer(handlers);
  });
  afterEach(async () => {
    ctx.server.resetHandlers();
    await Promise.all(ctx.made.splice(0).map((fx) => fx.disconnect()));
  });
  afterAll(async () => {
    await ctx.server.close();
  });
  return ctx;
}
