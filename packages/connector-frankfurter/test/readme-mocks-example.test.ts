// The README's "Testing your code with the mocks" example, verbatim (test/quickstart.test.ts checks it matches).
import { FrankfurterConnector } from '@cf/connector-frankfurter';
import { errorHandlers, fixtures, handlers } from '@cf/connector-frankfurter/mocks';
import { startMockServer } from '@cf/core/testing';
import { expect, it } from 'vitest';

it('my report survives an outage', async () => {
  const server = await startMockServer(handlers);
  const fx = new FrankfurterConnector({ baseUrl: `${server.baseUrl}/v1`, retry: false });
  expect((await fx.latest()).rates.USD).toBe(fixtures.latest.rates.USD);
  server.use(errorHandlers.unavailable());
  await expect(fx.latest()).rejects.toMatchObject({ code: 'SERVER_ERROR' });
  expect(server.requests.at(-1)?.path).toBe('/v1/latest');
  await fx.disconnect();
  await server.close();
});
