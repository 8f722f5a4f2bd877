import type { OverheadClientName } from './task.js';

/** One way to `GET /crm/v3/objects/contacts/{id}` (`get`) and the first page of 100 contacts (`page`), JSON parsed. */
export interface GetClient {
  get(id: number): Promise<unknown>;
  page(): Promise<unknown>;
  close(): Promise<void>;
}

const TOKEN = 'pat-na1-bench';
const HEADERS = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' };
const path = (id: number) => `/crm/v3/objects/contacts/${id}`;
const PAGE = '/crm/v3/objects/contacts?limit=100';

/**
 * The clients compared on a simple GET, with no rate limit anywhere. Ours (core and connector) are given as many
 * sockets as the highest concurrency measured (`concurrency.maxInFlight`, default 10), as a user running that many
 * calls at once would; undici, fetch and the SDK's http.Agent have no per-origin socket cap by default.
 */
const factories: Record<OverheadClientName, (baseUrl: string, maxInFlight: number) => Promise<GetClient>> = {
  async undici(baseUrl) {
    const { Agent, request } = await import('undici');
    const agent = new Agent();
    return {
      async get(id) {
        const res = await request(`${baseUrl}${path(id)}`, { dispatcher: agent, headers: HEADERS });
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        return res.body.json();
      },
      async page() {
        const res = await request(`${baseUrl}${PAGE}`, { dispatcher: agent, headers: HEADERS });
        if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
        return res.body.json();
      },
      close: () => agent.close(),
    };
  },
  async fetch(baseUrl) {
    return {
      async get(id) {
        const res = await fetch(`${baseUrl}${path(id)}`, { headers: HEADERS });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        return res.json();
      },
      async page() {
        const res = await fetch(`${baseUrl}${PAGE}`, { headers: HEADERS });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        return res.json();
      },
      close: async () => undefined,
    };
  },
  async core(baseUrl, maxInFlight) {
    const { HttpClient, bearerAuth } = await import('@cf/core');
    const http = new HttpClient({ baseUrl, source: 'bench', auth: bearerAuth(TOKEN), rateLimit: false, concurrency: { maxInFlight } });
    return {
      get: async (id) => (await http.request({ path: '/crm/v3/objects/contacts/{id}', params: { id: String(id) } })).data,
      page: async () => (await http.request({ path: '/crm/v3/objects/contacts', query: { limit: 100 } })).data,
      close: () => http.close(),
    };
  },
  async connector(baseUrl, maxInFlight) {
    const { HubSpotConnector } = await import('@cf/connector-hubspot');
    const hubspot = new HubSpotConnector({ accessToken: TOKEN, baseUrl, rateLimit: false, concurrency: { maxInFlight } });
    return {
      get: (id) => hubspot.contacts.get(String(id)),
      // The first page of the connector's own iterator: a request, the page validated, records mapped.
      async page() {
        for await (const page of hubspot.contacts.list({ limit: 100 }).pages()) return page;
        return undefined;
      },
      close: () => hubspot.disconnect(),
    };
  },
  async sdk(baseUrl) {
    const { Client } = await import('@hubspot/api-client');
    const client = new Client({ accessToken: TOKEN, basePath: baseUrl });
    return {
      get: (id) => client.crm.contacts.basicApi.getById(String(id)),
      page: () => client.crm.contacts.basicApi.getPage(100),
      close: async () => undefined,
    };
  },
};

export function createGetClient(name: OverheadClientName, baseUrl: string, maxInFlight: number): Promise<GetClient> {
  return factories[name](baseUrl, maxInFlight);
}
