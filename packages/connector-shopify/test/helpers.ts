import { expect } from 'vitest';
import { FakeClock, startMockServer, type MockServer, type RecordedRequest } from '@cf/core/testing';
import { PROBE_QUERY } from '../src/cost-calibration.js';
import { ShopifyConnector, type ShopifyOptions } from '../src/index.js';
import { createShopifyMock, type ShopifyMock, type ShopifyMockOptions } from '../src/mocks/index.js';

export const TOKEN = 'shpat_test_token_0123456789abcdef';

/**
 * A FakeClock whose `sleep` first lets every request already on the wire reach the mock server. A plain
 * FakeClock jumps time forward the instant someone sleeps, even while another call is still travelling
 * to the server, so the server would charge that call "late" (an artifact no real network has: there,
 * latency is milliseconds and waits are seconds). Tracks attempts through the connector's events.
 */
export class SettledClock extends FakeClock {
  private readonly onWire = new Set<string>();

  track(connector: ShopifyConnector): void {
    connector.on('request', (e) => this.onWire.add(`${e.requestId}:${e.attempt}`));
    connector.on('response', (e) => this.onWire.delete(`${e.requestId}:${e.attempt}`));
    connector.on('error', (e) => this.onWire.delete(`${e.requestId}:${e.attempt}`));
  }

  override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    // One macrotask first: a call granted just before this sleep must get onto the wire and be counted.
    do await new Promise((resolve) => setImmediate(resolve));
    while (this.onWire.size > 0);
    await super.sleep(ms, signal);
  }
}

export interface Harness {
  clock: SettledClock;
  mock: ShopifyMock;
  server: MockServer;
  shopify: ShopifyConnector;
  /**
   * Every request received, oldest first, except the connector's 1-point cost probe (`query CostProbe`), which a
   * new connector sends once before an expensive first call (asserted in cost-pacing.test.ts).
   */
  requests(): RecordedRequest[];
  /** The GraphQL request bodies of `requests()`. */
  bodies(): Array<{ query: string; variables?: Record<string, unknown>; operationName?: string }>;
  /** How many cost probes were sent. */
  probes(): number;
  close(): Promise<void>;
}

/** A mock shop on loopback and a connector pointed at it, both on one FakeClock. */
export async function startShopify(
  options: { mock?: Omit<ShopifyMockOptions, 'clock'>; connector?: Partial<ShopifyOptions> } = {},
): Promise<Harness> {
  const clock = new SettledClock();
  const mock = createShopifyMock({ ...options.mock, clock });
  const server = await startMockServer(mock.handlers);
  const shopify = new ShopifyConnector({
    shop: 'acme-outdoor',
    accessToken: TOKEN,
    baseUrl: server.baseUrl,
    clock,
    retry: { random: () => 0.5 },
    ...options.connector,
  });
  clock.track(shopify);
  return {
    clock,
    mock,
    server,
    shopify,
    requests: () => server.requests.filter((r) => !isProbe(r)),
    bodies: () => server.requests.filter((r) => r.path.endsWith('/graphql.json') && !isProbe(r)).map((r) => r.json as never),
    probes: () => server.requests.filter(isProbe).length,
    close: async () => {
      await shopify.disconnect();
      await server.close();
    },
  };
}

function isProbe(request: RecordedRequest): boolean {
  return (request.json as { query?: unknown } | undefined)?.query === PROBE_QUERY;
}

/** Asserts one request is the Admin GraphQL call the connector should send, and returns its body. */
export function expectGraphqlRequest(
  request: RecordedRequest | undefined,
  expected: { query: RegExp | string; variables?: Record<string, unknown> | undefined; version?: string },
): { query: string; variables?: Record<string, unknown> } {
  expect(request).toBeDefined();
  const req = request as RecordedRequest;
  expect(req.method).toBe('POST');
  expect(req.path).toBe(`/admin/api/${expected.version ?? '2025-07'}/graphql.json`);
  expect([...req.query.keys()]).toEqual([]);
  expect(req.headers['x-shopify-access-token']).toBe(TOKEN);
  expect(req.headers['content-type']).toBe('application/json');
  expect(req.headers['user-agent']).toMatch(/@cf\/connector-shopify\/\d+\.\d+\.\d+/);
  expect(req.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const body = req.json as { query: string; variables?: Record<string, unknown> };
  if (typeof expected.query === 'string') expect(body.query).toContain(expected.query);
  else expect(body.query).toMatch(expected.query);
  if (expected.variables === undefined) expect(body.variables).toBeUndefined();
  else expect(body.variables).toEqual(expected.variables);
  return body;
}
