/**
 * A quick look at one client's cost per request, for working on the hot path (not a benchmark: `pnpm bench` is).
 *   tsx --conditions=@cf/source src/probes/overhead-probe.ts [client=core] [concurrency=1] [seconds=3] [record|page]
 * With CF_PROBE_PROFILE=file.cpuprofile, the measured loop is profiled into that file; the fake server runs in its own process.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { startFakeServer } from '../harness/fake-server.js';
import { build } from 'esbuild';
import { CACHE_DIR, SRC_DIR } from '../harness/paths.js';
import { NPM_EXTERNALS } from '../harness/build.js';
import type { createGetClient as CreateGetClient } from '../workers/overhead-clients.js';
import type { OverheadClientName } from '../workers/task.js';

const [name = 'core', conc = '1', secs = '3', shape = 'record'] = process.argv.slice(2);
const concurrency = Number(conc);
const server = await startFakeServer({ api: 'hubspot', config: { records: 1000, limit: null, windowMs: 10_000 } });
// The clients as the bench runs them: bundled by esbuild (tsx would add a `__name` call per closure created).
const outfile = `${CACHE_DIR}probe-${process.pid}/clients.js`;
await build({ entryPoints: [`${SRC_DIR}workers/overhead-clients.ts`], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['@cf/source'], external: NPM_EXTERNALS, logLevel: 'warning' });
const { createGetClient } = (await import(outfile)) as { createGetClient: typeof CreateGetClient };
const client = await createGetClient(name as OverheadClientName, server.baseUrl, Math.max(concurrency, 10));
const loop = async (ms: number): Promise<number> => {
  let n = 0;
  let next = 0;
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await (shape === 'page' ? client.page() : client.get((next++ % 1000) + 1));
        n += 1;
      }
    }),
  );
  return n;
};
await loop(1000);
const profileTo = process.env.CF_PROBE_PROFILE;
const session = profileTo ? new Session() : undefined;
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session?.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 50 });
  await post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const n = await loop(Number(secs) * 1000);
const elapsed = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (session && profileTo) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  await writeFile(profileTo, JSON.stringify({ ...(profile as object), requests: n }));
  session.disconnect();
}
process.stdout.write(
  `${name} ${shape} @${concurrency}: ${Math.round((n / elapsed) * 1000)} req/s, ${((elapsed * 1000) / n).toFixed(1)} µs wall/req, ${((cpu.user + cpu.system) / n).toFixed(1)} µs CPU/req (user ${(cpu.user / n).toFixed(1)}, system ${(cpu.system / n).toFixed(1)})\n`,
);
await client.close();
await server.close();
