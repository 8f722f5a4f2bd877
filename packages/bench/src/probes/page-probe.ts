/**
 * The HubSpot connector's own cost per page of 100 contacts (`contacts.list().pages()`, first page), without a
 * network (a transport answering from memory), next to core's HttpClient on the same answer, at 1 concurrent.
 *   esbuild-bundle or `tsx --conditions=@cf/source src/probes/page-probe.ts [seconds=2] [arm=both|core|connector]`
 * With CF_PROBE_PROFILE=<file.cpuprofile> the connector arm's measured loop is CPU-profiled.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { HttpClient, bearerAuth } from '@cf/core';
import { memoryTransport } from './memory-transport.js';
import { HubSpotConnector } from '@cf/connector-hubspot';
import { hubspotContact } from '../servers/records.js';

const [secs = '2', only = 'both'] = process.argv.slice(2);
const page = { results: Array.from({ length: 100 }, (_, i) => hubspotContact(i)), paging: { next: { after: '100', link: 'x' } } };
const bytes = new TextEncoder().encode(JSON.stringify(page));
const transport = memoryTransport(bytes);
const http = new HttpClient({ baseUrl: 'http://127.0.0.1:1', source: 'bench', auth: bearerAuth('pat-na1-bench'), rateLimit: false, transport });
const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-bench', baseUrl: 'http://127.0.0.1:1', rateLimit: false, transport });
const arms: Record<string, () => Promise<unknown>> = {
  core: async () => (await http.request({ path: '/crm/v3/objects/contacts', query: { limit: 100 } })).data,
  connector: async () => {
    for await (const p of hubspot.contacts.list({ limit: 100 }).pages()) return p;
    return undefined;
  },
};
const session = process.env.CF_PROBE_PROFILE ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
session?.connect();
for (const round of [1, 2, 3]) {
  for (const [name, call] of Object.entries(arms)) {
    if (only !== 'both' && name !== only) continue;
    const profiling = session && round === 3 && (only === 'both' ? name === 'connector' : name === only);
    if (profiling) {
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    let n = 0;
    const deadline = performance.now() + Number(secs) * 1000;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    while (performance.now() < deadline) {
      for (let i = 0; i < 20; i += 1) await call();
      n += 20;
    }
    const us = ((performance.now() - t0) * 1000) / n;
    const cpu = process.cpuUsage(cpu0);
    const cpuUs = (cpu.user + cpu.system) / n;
    if (profiling) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      await writeFile(process.env.CF_PROBE_PROFILE!, JSON.stringify(profile));
    }
    if (round >= 2) process.stdout.write(`round ${round} ${name}: ${us.toFixed(1)} µs/page wall, ${cpuUs.toFixed(1)} µs CPU\n`);
  }
}
