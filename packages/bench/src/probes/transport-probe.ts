/**
 * What a page of 100 HubSpot contacts costs the client process at 1 concurrent, layer by layer: `undici.request`
 * (the bench's floor), undici's dispatch API with a bare handler, core's `UndiciTransport`, core's `HttpClient`, the
 * connector. Per request: wall time, user and system CPU, and the major GCs of the run (a layer that makes V8
 * promote its short-lived garbage shows up there first: see packages/core/src/http/response-body.ts).
 *   tsx --conditions=@cf/source src/probes/transport-probe.ts [arms=undici,dispatch,transport,core,quota,connector] [seconds=2]
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { HttpClient, UndiciTransport, bearerAuth } from '@cf/core';
import { HubSpotConnector } from '@cf/connector-hubspot';
import { startFakeServer } from '../harness/fake-server.js';

const [names = 'undici,dispatch,transport,core,quota,connector', secs = '2'] = process.argv.slice(2);
const server = await startFakeServer({ api: 'hubspot', config: { records: 1000, limit: null, windowMs: 10_000 } });
const base = server.baseUrl;
const PATH = '/crm/v3/objects/contacts?limit=100';
const HEADERS = { authorization: 'Bearer pat-na1-bench', accept: 'application/json' };
const agent = new Agent();
const transport = new UndiciTransport({ connections: 10 });
const http = new HttpClient({ baseUrl: base, source: 'bench', auth: bearerAuth('pat-na1-bench'), rateLimit: false, concurrency: { maxInFlight: 10 } });
const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-bench', baseUrl: base, rateLimit: false, concurrency: { maxInFlight: 10 } });
const utf8 = new TextDecoder();
const withQuota = new HttpClient({ baseUrl: base, source: 'bench', auth: bearerAuth('pat-na1-bench'), rateLimit: false, concurrency: { maxInFlight: 10 }, observeQuota: () => [] });

const arms: Record<string, () => Promise<unknown>> = {
  undici: async () => (await request(`${base}${PATH}`, { dispatcher: agent, headers: HEADERS })).body.json(),
  dispatch: () =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      agent.dispatch(
        { origin: base, path: PATH, method: 'GET', headers: HEADERS },
        {
          onRequestStart: () => undefined,
          onResponseStart: () => undefined,
          onResponseData: (_controller, chunk) => void chunks.push(chunk),
          onResponseEnd: () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown),
          onResponseError: (_controller, error) => reject(error),
        },
      );
    }),
  transport: async () => {
    const answer = await transport.send({ url: new URL(PATH, base), method: 'GET', headers: { ...HEADERS }, signal: new AbortController().signal, onAbort: () => () => undefined, timeoutMs: 30_000 });
    return JSON.parse(utf8.decode(await answer.body.readAll!(1e8))) as unknown;
  },
  core: async () => (await http.request({ path: '/crm/v3/objects/contacts', query: { limit: 100 } })).data,
  // core with a quota observer that reads headers only (as HubSpot's does on a 200).
  quota: async () => (await withQuota.request({ path: '/crm/v3/objects/contacts', query: { limit: 100 } })).data,
  connector: async () => {
    for await (const page of hubspot.contacts.list({ limit: 100 }).pages()) return page;
    return undefined;
  },
};

let majors = 0;
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors += 1;
  }
}).observe({ entryTypes: ['gc'] });

for (const round of [0, 1, 2]) {
  for (const name of names.split(',')) {
    const call = arms[name];
    if (!call) throw new Error(`unknown arm ${name}; arms: ${Object.keys(arms).join(', ')}`);
    majors = 0;
    gcMs = 0;
    let n = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (performance.now() - t0 < Number(secs) * 1000) {
      await call();
      n += 1;
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (round > 0) {
      process.stdout.write(
        `${name.padEnd(10)} ${((wall * 1000) / n).toFixed(0)} µs wall, user ${(cpu.user / n).toFixed(0)} µs, system ${(cpu.system / n).toFixed(0)} µs, ${majors} major GCs, GC ${((gcMs * 1000) / n).toFixed(1)} µs per request\n`,
      );
    }
  }
}
await Promise.all([agent.close(), transport.close(), http.close(), hubspot.disconnect()]);
await server.close();
