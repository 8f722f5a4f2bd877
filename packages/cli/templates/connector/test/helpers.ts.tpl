import { FakeClock, type CoreOptions } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { {{className}} } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

export const TOKEN = 'test-token-0123456789';

/**
 * Serves the package's own mocks on loopback for one test file; `make()` builds a client against them. Each test
 * gets its own `clock` (a new FakeClock before every test), so the sleeps one test records never reach the next.
 */
export function useMockApi() {
  const ctx = {
    server: undefined as unknown as MockServer,
    clock: new FakeClock(),
    made: [] as {{className}}[],
    make(options: CoreOptions = {}): {{className}} {
      const client = new {{className}}({ token: TOKEN, baseUrl: `${ctx.server.baseUrl}/v1`, clock: ctx.clock, ...options });
      ctx.made.push(client);
      return client;
    },
  };
  beforeAll(async () => {
    ctx.server = await startMockServer(handlers);
  });
  beforeEach(() => {
    ctx.clock = new FakeClock();
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
