import { handlers as adsbHandlers } from '@cf/connector-adsb/mocks';
import { handlers as frankfurterHandlers } from '@cf/connector-frankfurter/mocks';
import { createGitHubMock } from '@cf/connector-github/mocks';
import { createHubSpotMock, generateRecords } from '@cf/connector-hubspot/mocks';
import { handlers as openweatherHandlers } from '@cf/connector-openweather/mocks';
import { createShopifyMock } from '@cf/connector-shopify/mocks';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { delay, http, HttpResponse } from 'msw';
import { generateKeyPairSync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';

/**
 * One call a user would make, run unchanged in every runtime: the probe module imports the connector as a user's
 * project does (by package name, from the installed build), calls it against the connector's own mocks on
 * loopback, disconnects, and returns what the test asserts on. The mocks run here, in Node.
 */
export interface Scenario {
  name: string;
  /** The package the probe imports. */
  pkg: string;
  /**
   * Starts the connector's mocks on loopback. `origin` is the origin the connector will call (the CORS front in
   * the browser run), for mocks that write absolute URLs into their answers. Returns the server and the path
   * prefix of the connector's `baseUrl`.
   */
  start(origin: string | undefined): Promise<{ server: MockServer; prefix: string }>;
  /** An ES module exporting `probe(baseUrl)`, which returns `measure(connector, call)` from the probe kit. */
  probe: string;
  /** Assertions on the probe's `data` and on the requests the mock server received. */
  check(data: Record<string, unknown>, server: MockServer): void;
  /**
   * The request headers outside CORS's safelist that the API's CORS answer allows (the browser run refuses the
   * others, as the API would): its credential header, `content-type` for JSON bodies, its own required headers.
   * None: only safelisted requests, which are never preflighted.
   */
  corsHeaders: readonly string[];
}

/** Shared by every probe: what ran, on which transport, and whether undici (the npm package) was ever loaded. */
export const PROBE_KIT = `
import { isNodeRuntime } from '@cf/core';

// undici sets this global when its module is evaluated (Node's own fetch sets it only when fetch is first used).
const UNDICI = Symbol.for('undici.globalDispatcher.1');
const undiciLoaded = () => globalThis[UNDICI] !== undefined;

export function runtimeName() {
  if (globalThis.Deno) return 'deno ' + globalThis.Deno.version.deno;
  if (globalThis.Bun) return 'bun ' + globalThis.Bun.version;
  if (globalThis.process?.versions?.node) return 'node ' + globalThis.process.versions.node;
  return globalThis.navigator?.userAgent ?? 'unknown';
}

/** Runs one call on a connector, disconnects it, and reports the transport it used. */
export async function measure(connector, call) {
  // BaseConnector keeps its HttpClient in the protected \`http\`, and the client its transport: read both here.
  const transport = connector.http?.transport?.constructor?.name ?? 'unknown';
  const undiciBeforeCall = undiciLoaded();
  const started = performance.now();
  const data = await call();
  await connector.disconnect();
  return {
    runtime: runtimeName(),
    isNodeRuntime: isNodeRuntime(),
    transport,
    undiciBeforeCall,
    undiciAfterCall: undiciLoaded(),
    connected: connector.isConnected(),
    callMs: Math.round(performance.now() - started),
    data,
  };
}

export function describeError(error) {
  const e = error ?? {};
  return {
    name: e.name,
    code: e.code,
    message: String(e.message ?? error),
    details: e.details,
    cause: e.cause ? String(e.cause.stack ?? e.cause.message ?? e.cause) : undefined,
    stack: String(e.stack ?? '').split('\\n').slice(0, 12).join('\\n'),
  };
}
`;

const requestsTo = (server: MockServer, path: RegExp) => server.requests.filter((r) => path.test(r.path));

/** A GitHub App's key pair, the private half as GitHub hands it out (PKCS#1 PEM). */
const GITHUB_APP_KEY = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), spki: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
})();

export const scenarios: Scenario[] = [
  {
    // Core alone, on what differs between transports: a gzip answer (undici's decoder on Node, the runtime's own
    // elsewhere), a timeout (the request's AbortSignal) and a stream given up after its first chunk (the body's
    // cancel): after each, close() must not wait on a lost socket, and the program must exit.
    name: 'core',
    pkg: '@cf/core',
    corsHeaders: [],
    start: async () => ({
      server: await startMockServer([
        http.get('*/gzip', () => new HttpResponse(gzipSync(JSON.stringify({ compressed: true, items: [1, 2, 3] })), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })),
        http.get('*/stall', async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
        // 4 MiB in 16 KiB chunks, produced as the client reads: far more than one read takes.
        http.get('*/stream', () => {
          let sent = 0;
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              await delay(2);
              controller.enqueue(new Uint8Array(16_384).fill(120));
              if (++sent === 256) controller.close();
            },
          });
          return new HttpResponse(body, { headers: { 'content-type': 'application/octet-stream' } });
        }),
      ]),
      prefix: '',
    }),
    probe: `
      import { HttpClient } from '@cf/core';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const client = new HttpClient({ baseUrl, source: 'runtime-matrix', retry: false });
        // measure() reads the client's transport as it does a connector's, and closes it with disconnect().
        const subject = { http: client, disconnect: () => client.close(), isConnected: () => !client.isClosed };
        return measure(subject, async () => {
          const gz = await client.request({ path: '/gzip' });
          const stalled = await client.request({ path: '/stall', timeoutMs: 300 }).then(() => 'answered', (e) => e.code);
          const stream = await client.stream({ path: '/stream' });
          let firstChunk = 0;
          for await (const chunk of stream.body) {
            firstChunk = chunk.byteLength;
            break; // gives the rest up: the body is cancelled
          }
          return { gzip: gz.data, stalled, streamed: firstChunk > 0 && firstChunk < 4 * 1024 * 1024, inFlight: client.inFlight };
        });
      }
    `,
    check(data, server) {
      expect(data).toEqual({ gzip: { compressed: true, items: [1, 2, 3] }, stalled: 'TIMEOUT', streamed: true, inFlight: 0 });
      expect(requestsTo(server, /^\/stall$/)).toHaveLength(1);
    },
  },
  {
    name: 'frankfurter',
    pkg: '@cf/connector-frankfurter',
    corsHeaders: [],
    start: async () => ({ server: await startMockServer(frankfurterHandlers), prefix: '/v1' }),
    probe: `
      import { FrankfurterConnector } from '@cf/connector-frankfurter';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const fx = new FrankfurterConnector({ baseUrl });
        return measure(fx, async () => {
          const rates = await fx.latest({ base: 'USD', symbols: ['EUR', 'GBP'] });
          return { base: rates.base, date: rates.date, symbols: Object.keys(rates.rates).sort(), eur: rates.rates.EUR };
        });
      }
    `,
    check(data, server) {
      expect(data).toMatchObject({ base: 'USD', symbols: ['EUR', 'GBP'] });
      expect(data.eur).toBeGreaterThan(0);
      const [latest] = requestsTo(server, /^\/v1\/latest$/);
      expect(latest?.query.get('base')).toBe('USD');
    },
  },
  {
    name: 'adsb',
    pkg: '@cf/connector-adsb',
    corsHeaders: [],
    start: async () => ({ server: await startMockServer(adsbHandlers), prefix: '/v2' }),
    probe: `
      import { AdsbConnector } from '@cf/connector-adsb';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const adsb = new AdsbConnector({ baseUrl });
        return measure(adsb, async () => {
          const { ac } = await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 });
          return { count: ac.length, hex: ac.map((a) => a.hex) };
        });
      }
    `,
    check(data, server) {
      expect(data.count).toBeGreaterThan(0);
      expect((data.hex as string[]).every((h) => /^~?[0-9a-f]{6}$/.test(h))).toBe(true);
      expect(requestsTo(server, /^\/v2\/point\//)).toHaveLength(1);
    },
  },
  {
    name: 'openweather',
    pkg: '@cf/connector-openweather',
    corsHeaders: [],
    start: async () => ({ server: await startMockServer(openweatherHandlers), prefix: '' }),
    probe: `
      import { OpenWeatherConnector } from '@cf/connector-openweather';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const weather = new OpenWeatherConnector({ apiKey: 'runtime-matrix-key', units: 'metric', baseUrl });
        return measure(weather, async () => {
          const now = await weather.current({ city: 'London', country: 'GB' });
          return { units: now.units, temp: now.main.temp, name: now.name };
        });
      }
    `,
    check(data, server) {
      expect(data).toMatchObject({ units: 'metric' });
      expect(typeof data.temp).toBe('number');
      const [call] = requestsTo(server, /^\/data\/2\.5\/weather$/);
      expect(call?.query.get('appid')).toBe('runtime-matrix-key');
      expect(call?.query.get('units')).toBe('metric');
    },
  },
  {
    // OAuth through the transport: the token endpoint is called with the client's transport, and the mock
    // accepts no bearer token but the one it issued.
    name: 'hubspot (oauth)',
    pkg: '@cf/connector-hubspot',
    corsHeaders: ['authorization', 'content-type'],
    start: async () => ({ server: await startMockServer(createHubSpotMock({ tokens: [], records: { contacts: generateRecords({ count: 25 }) } }).handlers), prefix: '' }),
    probe: `
      import { HubSpotConnector } from '@cf/connector-hubspot';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const hubspot = new HubSpotConnector({
          oauth: { clientId: 'mock-client-id', clientSecret: 'mock-client-secret', refreshToken: 'mock-refresh-token' },
          baseUrl,
        });
        return measure(hubspot, async () => {
          const contacts = await hubspot.contacts.list({ properties: ['email'], limit: 10 }).toArray({ limit: 25 });
          return { count: contacts.length, firstEmail: contacts[0]?.properties.email ?? null, ids: contacts.map((c) => c.id) };
        });
      }
    `,
    check(data, server) {
      expect(data.count).toBe(25);
      expect(new Set(data.ids as string[]).size).toBe(25);
      expect(data.firstEmail).toMatch(/@/);
      const token = requestsTo(server, /^\/oauth\/v1\/token$/);
      expect(token).toHaveLength(1);
      expect(token[0]?.method).toBe('POST');
      expect(token[0]?.body).toContain('grant_type=refresh_token');
      const lists = requestsTo(server, /^\/crm\/v3\/objects\/contacts$/);
      expect(lists).toHaveLength(3); // pages of 10, 10 and 5
      for (const list of lists) expect(list.headers.authorization).toBe('Bearer mock-oauth-access-1');
    },
  },
  {
    // A GitHub App: the JWT is signed with WebCrypto from the PKCS#1 key GitHub hands out (wrapped into PKCS#8 by
    // the connector), exchanged for an installation token through the client's transport; the mock verifies the
    // signature and accepts no bearer token but the ones it issued.
    name: 'github (app)',
    pkg: '@cf/connector-github',
    corsHeaders: ['authorization', 'content-type', 'x-github-api-version'],
    start: async (origin) => ({
      server: await startMockServer(
        createGitHubMock({ tokens: [], app: { appId: 123_456, publicKey: GITHUB_APP_KEY.spki, installations: [42] }, ...(origin ? { publicOrigin: origin } : {}) }).handlers,
      ),
      prefix: '',
    }),
    probe: `
      import { GitHubConnector } from '@cf/connector-github';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const github = new GitHubConnector({ app: { appId: 123456, privateKey: ${JSON.stringify(GITHUB_APP_KEY.pkcs1)}, installationId: 42 }, baseUrl });
        return measure(github, async () => {
          const issues = await github.issues.list('octo-org', 'hello-world', { state: 'all', perPage: 25 }).toArray({ limit: 60 });
          return { count: issues.length, numbers: issues.map((i) => i.number) };
        });
      }
    `,
    check(data, server) {
      expect(data.count).toBe(60);
      expect(new Set(data.numbers as number[]).size).toBe(60);
      const exchange = requestsTo(server, /^\/app\/installations\/42\/access_tokens$/);
      expect(exchange).toHaveLength(1);
      expect(exchange[0]?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const pages = requestsTo(server, /^\/(repos\/octo-org\/hello-world|repositories\/1296269)\/issues$/);
      expect(pages).toHaveLength(3); // pages of 25, 25 and 10, the later ones through GitHub's Link URLs
      for (const page of pages) expect(page.headers.authorization).toMatch(/^Bearer ghs_/);
    },
  },
  {
    name: 'shopify',
    pkg: '@cf/connector-shopify',
    corsHeaders: ['content-type', 'x-shopify-access-token'],
    start: async () => ({ server: await startMockServer(createShopifyMock({ products: 12 }).handlers), prefix: '' }),
    probe: `
      import { ShopifyConnector } from '@cf/connector-shopify';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const shopify = new ShopifyConnector({ shop: 'acme-outdoor', accessToken: 'shpat_runtime_matrix', baseUrl });
        return measure(shopify, async () => {
          const products = await shopify.products.list({ first: 5 }).toArray({ limit: 12 });
          return { count: products.length, titles: products.map((p) => p.title), ids: products.map((p) => p.id) };
        });
      }
    `,
    check(data, server) {
      expect(data.count).toBe(12);
      expect(new Set(data.ids as string[]).size).toBe(12);
      expect((data.ids as string[]).every((id) => id.startsWith('gid://shopify/Product/'))).toBe(true);
      const calls = requestsTo(server, /^\/admin\/api\/[^/]+\/graphql\.json$/);
      expect(calls).toHaveLength(3); // pages of 5, 5 and 2
      expect(calls[0]?.headers['x-shopify-access-token']).toBe('shpat_runtime_matrix');
    },
  },
  {
    // Bulk operations stream their JSONL result through a second download (another host on the real API).
    name: 'shopify bulk',
    pkg: '@cf/connector-shopify',
    corsHeaders: ['content-type', 'x-shopify-access-token'],
    start: async (origin) => ({
      server: await startMockServer(createShopifyMock({ bulk: { lines: 9, childrenPerRoot: 2, ...(origin ? { resultOrigin: origin } : {}) } }).handlers),
      prefix: '',
    }),
    probe: `
      import { ShopifyConnector } from '@cf/connector-shopify';
      import { measure } from './probe-kit.mjs';
      export function probe(baseUrl) {
        const shopify = new ShopifyConnector({ shop: 'acme-outdoor', accessToken: 'shpat_runtime_matrix', baseUrl });
        return measure(shopify, async () => {
          const rows = [];
          const query = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';
          for await (const row of shopify.bulk.run(query, { pollIntervalMs: 5 })) rows.push(row);
          return { count: rows.length, children: rows.filter((r) => r.__parentId !== undefined).length };
        });
      }
    `,
    check(data, server) {
      // 9 JSONL lines: 3 products, each followed by 2 variants (\`__parentId\`), streamed as they are read.
      expect(data).toEqual({ count: 9, children: 6 });
      expect(requestsTo(server, /^\/bulk-results\//)).toHaveLength(1);
    },
  },
];
