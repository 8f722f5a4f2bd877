import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../src/harness/fake-server.js';

/** The fake must answer what Shopify answers, or a connector's pacing is measured against the wrong server. */
describe('the fake Shopify server', () => {
  let server: FakeServer;
  const post = async (query: string) => {
    const res = await fetch(`${server.baseUrl}/admin/api/2025-07/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_test' },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: { shop?: Record<string, unknown> }; errors?: Array<{ message: string }>; extensions?: { cost?: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } } } };
  };

  beforeAll(async () => {
    server = await startFakeServer({ api: 'shopify', config: { records: 10, maximumAvailable: 1000, restoreRate: 50 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the connector\'s 1-point probe, `shop { id }`, with the bucket\'s throttleStatus', async () => {
    const body = await post('query CostProbe { shop { id } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.shop).toEqual({ id: 'gid://shopify/Shop/1' });
    expect(body.extensions?.cost?.requestedQueryCost).toBe(1);
    expect(body.extensions?.cost?.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(999);
  });

  it('refuses a shop field it does not know, as Shopify refuses an unknown field', async () => {
    const body = await post('{ shop { id secretField } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toBe("Field 'secretField' doesn't exist on type 'Shop'");
  });
});
