/**
 * Core's own cost per request, without a network: an HttpClient over a transport that answers at once from
 * memory. Steadier than the loopback probe on a busy machine (one process, CPU only).
 *   tsx --conditions=@cf/source src/probes/pipeline-probe.ts [concurrency=16] [seconds=3]
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { HttpClient, bearerAuth } from '@cf/core';
import { memoryTransport } from './memory-transport.js';

const [conc = '16', secs = '3'] = process.argv.slice(2);
const concurrency = Number(conc);
const body = JSON.stringify({ id: '1', properties: { email: 'ann@example.com', firstname: 'Ann', lastname: 'Lee', createdate: '2024-01-01T00:00:00Z' }, archived: false });
const bytes = new TextEncoder().encode(body);
const transport = memoryTransport(bytes);
const http = new HttpClient({ baseUrl: 'http://127.0.0.1:1', source: 'bench', auth: bearerAuth('pat-na1-bench'), rateLimit: false, transport, concurrency: { maxInFlight: concurrency } });
const loop = async (ms: number): Promise<number> => {
  let n = 0;
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        for (let i = 0; i < 100; i += 1) await http.request({ path: '/crm/v3/objects/contacts/{id}', params: { id: String(i + 1) } });
        n += 100;
      }
    }),
  );
  return n;
};
await loop(1000);
// CF_PROBE_HEAP=file: samples every allocation of the measured loop (collected ones too) into a heap profile.
const heapTo = process.env.CF_PROBE_HEAP;
const session = heapTo ? new Session() : undefined;
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session?.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
if (session) {
  session.connect();
  await post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
const t0 = performance.now();
const n = await loop(Number(secs) * 1000);
if (session && heapTo) {
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
  await writeFile(heapTo, JSON.stringify({ ...(profile as object), requests: n }));
  session.disconnect();
}
process.stdout.write(`pipeline @${concurrency}: ${(((performance.now() - t0) * 1000) / n).toFixed(2)} µs/request\n`);
await http.close();
