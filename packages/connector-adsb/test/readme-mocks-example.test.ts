// The README's "Testing your code with the mocks" example, verbatim (test/quickstart.test.ts checks it matches).
import { AdsbConnector } from '@cf/connector-adsb';
import { errorHandlers, fixtures, handlers } from '@cf/connector-adsb/mocks';
import { startMockServer } from '@cf/core/testing';
import { expect, it } from 'vitest';

it('my tracker reports throttling', async () => {
  const server = await startMockServer(handlers);
  const adsb = new AdsbConnector({ baseUrl: `${server.baseUrl}/v2`, retry: false });
  expect((await adsb.byHex('4ca87c')).now).toBe(fixtures.now);
  server.use(errorHandlers.rateLimited(30));
  await expect(adsb.military()).rejects.toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 30_000 });
  expect(server.requests.at(-1)?.path).toBe('/v2/mil');
  await adsb.disconnect();
  await server.close();
});
