/**
 * What a user's project does with each published package, written as a user would: an ESM import, a CJS
 * require, a typed usage file, and a call against the package's own mocks served on loopback.
 */
export interface Consumer {
  /** npm package name. */
  name: string;
  /** Named exports that must exist in both the ESM and the CJS build. */
  exports: string[];
  /** ESM module body (top-level await allowed) that calls the package against its mocks and prints `OK <detail>`. */
  call: string;
  /** A TypeScript usage file type-checked under strict with node16 and bundler resolution. */
  types: string;
}

export const consumers: Consumer[] = [
  {
    name: '@cf/core',
    exports: ['HttpClient', 'RateLimiter', 'CircuitBreaker', 'isConnectorError', 'paginate', 'BaseConnector'],
    call: `
      import { HttpClient } from '@cf/core';
      import { startMockServer } from '@cf/core/testing';
      import { http, HttpResponse } from 'msw';
      const server = await startMockServer([http.get('*/ping', () => HttpResponse.json({ pong: true }))]);
      const client = new HttpClient({ baseUrl: server.baseUrl, source: 'e2e' });
      const res = await client.request({ path: '/ping' });
      await client.close();
      await server.close();
      if (res.data.pong !== true) throw new Error('unexpected ' + JSON.stringify(res.data));
      console.log('OK core ' + res.status);
    `,
    types: `
      import { HttpClient, isRateLimitError, type ApiResponse, type ConnectorError } from '@cf/core';
      import { FakeClock, type MockServer } from '@cf/core/testing';
      import { z } from 'zod';
      const client = new HttpClient({ baseUrl: 'https://api.example', source: 'types', clock: new FakeClock() });
      export async function typed(): Promise<string> {
        const res: ApiResponse<{ id: string }> = await client.request({ path: '/x', schema: z.object({ id: z.string() }) });
        return res.data.id;
      }
      export function guard(e: unknown): number | undefined {
        return isRateLimitError(e) ? (e as ConnectorError).retryAfterMs : undefined;
      }
      export type S = MockServer;
    `,
  },
  {
    name: '@cf/connector-frankfurter',
    exports: ['FrankfurterConnector', 'metadata'],
    call: `
      import { FrankfurterConnector } from '@cf/connector-frankfurter';
      import { handlers } from '@cf/connector-frankfurter/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const fx = new FrankfurterConnector({ baseUrl: server.baseUrl + '/v1' });
      const amount = await fx.convert({ amount: 100, from: 'GBP', to: 'JPY', date: '2024-11-22' });
      await fx.disconnect();
      await server.close();
      if (!(amount > 0)) throw new Error('bad amount ' + amount);
      console.log('OK frankfurter ' + amount);
    `,
    types: `
      import { FrankfurterConnector } from '@cf/connector-frankfurter';
      import { handlers } from '@cf/connector-frankfurter/mocks';
      import type { RequestHandler } from 'msw';
      const fx = new FrankfurterConnector({ timeoutMs: 5000 });
      export async function rate(): Promise<number | undefined> {
        const { rates, date } = await fx.latest({ base: 'USD', symbols: ['EUR'] });
        const d: string = date;
        return d ? rates.EUR : undefined;
      }
      export const h: RequestHandler[] = handlers;
    `,
  },
  {
    name: '@cf/connector-adsb',
    exports: ['AdsbConnector', 'metadata'],
    call: `
      import { AdsbConnector } from '@cf/connector-adsb';
      import { handlers } from '@cf/connector-adsb/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const adsb = new AdsbConnector({ baseUrl: server.baseUrl + '/v2' });
      const { ac } = await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 });
      await adsb.disconnect();
      await server.close();
      if (ac.length === 0) throw new Error('no aircraft');
      console.log('OK adsb ' + ac.length);
    `,
    types: `
      import { AdsbConnector } from '@cf/connector-adsb';
      const adsb = new AdsbConnector();
      export async function altitudes(): Promise<Array<number | 'ground' | undefined>> {
        const { ac } = await adsb.byHex(['4ca87c']);
        return ac.map((a) => a.alt_baro);
      }
    `,
  },
  {
    name: '@cf/connector-openweather',
    exports: ['OpenWeatherConnector', 'metadata'],
    call: `
      import { OpenWeatherConnector } from '@cf/connector-openweather';
      import { handlers } from '@cf/connector-openweather/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const weather = new OpenWeatherConnector({ apiKey: 'e2e-key-123', units: 'metric', baseUrl: server.baseUrl });
      const now = await weather.current({ city: 'London', country: 'GB' });
      await weather.disconnect();
      await server.close();
      if (now.units !== 'metric') throw new Error('units ' + now.units);
      console.log('OK openweather ' + now.main.temp);
    `,
    types: `
      import { OpenWeatherConnector } from '@cf/connector-openweather';
      const weather = new OpenWeatherConnector({ apiKey: 'k', units: 'imperial' });
      export async function temp(): Promise<number> {
        const now = await weather.current({ lat: 1, lon: 2 });
        const units: 'imperial' = now.units;
        return units ? now.main.temp : 0;
      }
    `,
  },
  {
    name: '@cf/connector-github',
    exports: ['GitHubConnector', 'metadata'],
    call: `
      import { GitHubConnector } from '@cf/connector-github';
      import { handlers } from '@cf/connector-github/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const github = new GitHubConnector({ token: 'ghp_e2e_token', baseUrl: server.baseUrl });
      const issues = await github.issues.list('octo-org', 'hello-world', { state: 'all' }).toArray({ limit: 10 });
      await github.disconnect();
      await server.close();
      if (issues.length === 0) throw new Error('no issues');
      console.log('OK github ' + issues.length);
    `,
    types: `
      import { GitHubConnector } from '@cf/connector-github';
      const github = new GitHubConnector({ token: 'ghp_types' });
      export async function titles(): Promise<string[]> {
        const out: string[] = [];
        for await (const issue of github.issues.list('octocat', 'Hello-World')) out.push(issue.title);
        return out;
      }
    `,
  },
  {
    name: '@cf/connector-hubspot',
    exports: ['HubSpotConnector', 'metadata'],
    call: `
      import { HubSpotConnector } from '@cf/connector-hubspot';
      import { handlers } from '@cf/connector-hubspot/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-e2e', baseUrl: server.baseUrl });
      const contacts = await hubspot.contacts.list({ properties: ['email'] }).toArray({ limit: 10 });
      await hubspot.disconnect();
      await server.close();
      if (contacts.length === 0) throw new Error('no contacts');
      console.log('OK hubspot ' + contacts.length);
    `,
    types: `
      import { HubSpotConnector } from '@cf/connector-hubspot';
      const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-types' });
      export async function emails(): Promise<Array<string | null | undefined>> {
        const out: Array<string | null | undefined> = [];
        for await (const c of hubspot.contacts.list({ properties: ['email'] })) out.push(c.properties.email);
        return out;
      }
    `,
  },
  {
    name: '@cf/connector-shopify',
    exports: ['ShopifyConnector', 'metadata'],
    call: `
      import { ShopifyConnector } from '@cf/connector-shopify';
      import { handlers } from '@cf/connector-shopify/mocks';
      import { startMockServer } from '@cf/core/testing';
      const server = await startMockServer(handlers);
      const shopify = new ShopifyConnector({ shop: 'acme-outdoor', accessToken: 'shpat_e2e_token', baseUrl: server.baseUrl });
      const products = await shopify.products.list().toArray({ limit: 5 });
      await shopify.disconnect();
      await server.close();
      if (products.length === 0) throw new Error('no products');
      console.log('OK shopify ' + products.length);
    `,
    types: `
      import { ShopifyConnector } from '@cf/connector-shopify';
      const shopify = new ShopifyConnector({ shop: 'acme', accessToken: 'shpat_types' });
      export async function titles(): Promise<string[]> {
        const out: string[] = [];
        for await (const p of shopify.products.list()) out.push(p.title);
        return out;
      }
    `,
  },
  {
    name: '@cf/cli',
    exports: ['listConnectors', 'extract', 'scaffoldConnector', 'checkConnector', 'main'],
    call: `
      import { extract, listConnectors } from '@cf/cli';
      import { readFileSync } from 'node:fs';
      const names = (await listConnectors()).map((c) => c.name);
      if (!names.includes('hubspot')) throw new Error('registry misses hubspot: ' + names.join(','));
      await extract({ connector: 'frankfurter', resource: 'currencies', sandbox: true, out: 'cli-currencies.jsonl', progress: 'none' });
      const lines = readFileSync('cli-currencies.jsonl', 'utf8').trim().split('\\n');
      if (lines.length < 10) throw new Error('too few records: ' + lines.length);
      console.log('OK cli ' + lines.length);
    `,
    types: `
      import { listConnectors } from '@cf/cli';
      export async function names(): Promise<string[]> {
        return (await listConnectors()).map((c) => c.name);
      }
    `,
  },
  {
    name: '@cf/store-redis',
    exports: ['redisStore', 'redisBreakerState', 'redisCheckpoints', 'MemoryCheckpointStore', 'syncBreaker'],
    call: `
      import { MemoryCheckpointStore } from '@cf/store-redis';
      const checkpoints = new MemoryCheckpointStore();
      await checkpoints.set('hubspot:contacts', { since: 1712076310901, afterId: '512' });
      const back = await checkpoints.get('hubspot:contacts');
      if (back?.afterId !== '512') throw new Error('checkpoint lost: ' + JSON.stringify(back));
      console.log('OK store-redis');
    `,
    types: `
      import { redisStore, type RedisClientLike } from '@cf/store-redis';
      import { RateLimiter } from '@cf/core';
      export function limiter(client: RedisClientLike): RateLimiter {
        return new RateLimiter({ windows: [{ name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }], store: redisStore(client, { prefix: 'cf:' }) });
      }
    `,
  },
  {
    name: '@cf/load',
    exports: ['sync', 'discover', 'destinationFromUrl', 'LoadError', 'SyncFailedError', 'BOOKKEEPING_COLUMNS'],
    call: `
      import { mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      import { HubSpotConnector } from '@cf/connector-hubspot';
      import { handlers } from '@cf/connector-hubspot/mocks';
      import { startMockServer } from '@cf/core/testing';
      import { sync } from '@cf/load';
      import { duckdb } from '@cf/load/duckdb';
      const server = await startMockServer(handlers);
      const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-e2e', baseUrl: server.baseUrl });
      const file = join(mkdtempSync(join(tmpdir(), 'cf-load-e2e-')), 'cf.duckdb');
      const first = await sync(hubspot, ['contacts', 'owners'], duckdb(file));
      const again = await sync(hubspot, ['contacts'], duckdb(file));
      const reader = duckdb(file);
      await reader.open();
      const rows = await reader.readRows('hubspot_contacts');
      await reader.close();
      await hubspot.disconnect();
      await server.close();
      if (first.records === 0 || rows.length !== first.streams[0].records || again.records !== 0) throw new Error('landed ' + JSON.stringify({ first, rows: rows.length, again }));
      console.log('OK load ' + rows.length);
    `,
    types: `
      import { sync, type Destination, type SyncSummary } from '@cf/load';
      import { postgres } from '@cf/load/postgres';
      import { HubSpotConnector } from '@cf/connector-hubspot';
      export function land(hubspot: HubSpotConnector, destination: Destination = postgres('postgres://localhost/db')): Promise<SyncSummary> {
        return sync(hubspot, ['contacts'], destination, { onEvent: (e) => void e.type, signal: AbortSignal.timeout(60_000) });
      }
    `,
  },
  {
    name: '@cf/mcp',
    exports: ['createCfMcpServer', 'Workspace', 'RULE_GUIDE', 'VERSION'],
    call: `
      import { createCfMcpServer } from '@cf/mcp';
      import { Client } from '@modelcontextprotocol/sdk/client/index.js';
      import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
      const { server } = createCfMcpServer({ root: process.cwd() });
      const client = new Client({ name: 'e2e', version: '0.0.0' });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
      const { tools } = await client.listTools();
      const retry = await client.callTool({ name: 'get_specification', arguments: { section: '3' } });
      await client.close();
      if (tools.length !== 7) throw new Error('tools: ' + tools.map((t) => t.name).join(','));
      if (!retry.content[0].text.startsWith('## 3. Retry')) throw new Error('the specification is not shipped: ' + retry.content[0].text);
      console.log('OK mcp ' + tools.length);
    `,
    types: `
      import { createCfMcpServer, RULE_GUIDE, type CfMcpServerOptions } from '@cf/mcp';
      export function start(options: CfMcpServerOptions): string {
        return createCfMcpServer(options).workspace.root + Object.keys(RULE_GUIDE).length;
      }
    `,
  },
];
