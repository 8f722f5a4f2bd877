import { FakeClock, isValidationError, type CoreOptions, type ValidationError } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { AdsbConnector } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

/** Serves the package's own mocks on loopback for one test file; `make()` builds a connector against them. */
export function useMockApi() {
  const ctx = {
    server: undefined as unknown as MockServer,
    clock: new FakeClock(),
    made: [] as AdsbConnector[],
    make(options: CoreOptions = {}): AdsbConnector {
      const adsb = new AdsbConnector({ baseUrl: `${ctx.server.baseUrl}/v2`, clock: ctx.clock, ...options });
      ctx.made.push(adsb);
      return adsb;
    },
    /** The one request the last call sent, checked for what every request carries: a bodyless GET with our headers. */
    only() {
      expect(ctx.server.requests).toHaveLength(1);
      const request = ctx.server.requests[0]!;
      expect(request.method).toBe('GET');
      expect(request.body).toBe('');
      expect(request.headers['user-agent']).toMatch(/^@cf\/connector-adsb\/\d+\.\d+\.\d+$/);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      return request;
    },
    /** Awaits a call expected to fail validation, and checks that nothing was sent. */
    async validationError(promise: Promise<unknown>): Promise<ValidationError> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isValidationError(error)) throw new Error(`expected VALIDATION_ERROR, got ${String(error)}`);
      expect(ctx.server.requests).toHaveLength(0);
      return error;
    },
  };
  beforeAll(async () => {
    ctx.server = await startMockServer(handlers);
  });
  afterEach(async () => {
    ctx.server.resetHandlers();
    await Promise.all(ctx.made.splice(0).map((c) => c.disconnect()));
  });
  afterAll(async () => {
    await ctx.server.close();
  });
  return ctx;
}
