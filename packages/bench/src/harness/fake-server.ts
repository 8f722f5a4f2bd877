import type { HubSpotServerConfig } from '../servers/hubspot-server.js';
import type { ListeningMessage } from '../servers/serve.js';
import type { ShopifyServerConfig } from '../servers/shopify-server.js';
import { firstMessage, forkEntry, stopChild } from './child.js';

export interface FakeServerStats {
  requests: number;
  served: number;
  /** HubSpot: 429s served. */
  rateLimited?: number;
  /** Shopify: THROTTLED responses served. */
  throttled?: number;
}

/** A fake API running in its own process, so its CPU does not compete with the client's event loop. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  stats(): Promise<FakeServerStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

type Start = { api: 'hubspot'; config: HubSpotServerConfig } | { api: 'shopify'; config: ShopifyServerConfig };

export async function startFakeServer(start: Start): Promise<FakeServer> {
  const child = await forkEntry(`${start.api}-server`, start.config);
  const { port } = await firstMessage<ListeningMessage>(child, 30_000, `the fake ${start.api} server`);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    stats: async () => (await (await fetch(`${baseUrl}/__stats`)).json()) as FakeServerStats,
    reset: async () => {
      await (await fetch(`${baseUrl}/__reset`, { method: 'POST' })).arrayBuffer();
    },
    close: () => stopChild(child),
  };
}
