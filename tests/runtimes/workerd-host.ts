import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * workerd (Cloudflare's Workers runtime, from npm) serving one worker that runs the probes: GET
 * `/?scenario=<slug>&base=<url>` answers `{ result }` or `{ error }`. Outbound fetches may reach loopback (the
 * mocks run in the test process), as a worker's `fetch` reaches the API.
 */
export interface WorkerdHost {
  origin: string;
  call(scenario: string, baseUrl: string): Promise<unknown>;
  /** What workerd printed, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

/** The worker module: every probe, dispatched by name. */
export function workerEntry(slugs: string[]): string {
  const imports = slugs.map((s, i) => `import { probe as p${i} } from './probe-${s}.mjs';`).join('\n');
  const table = slugs.map((s, i) => `${JSON.stringify(s)}: p${i}`).join(', ');
  return `${imports}
import { describeError } from './probe-kit.mjs';
const probes = { ${table} };
export default {
  async fetch(request) {
    const url = new URL(request.url);
    const probe = probes[url.searchParams.get('scenario')];
    if (!probe) return new Response('no such scenario', { status: 404 });
    try {
      return Response.json({ result: await probe(url.searchParams.get('base')) });
    } catch (error) {
      return Response.json({ error: describeError(error) });
    }
  },
};
`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function getText(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Writes the worker and its config into `dir`, starts workerd on a free loopback port, and waits for it. */
export async function startWorkerd(executable: string, dir: string, worker: Uint8Array): Promise<WorkerdHost> {
  await writeFile(join(dir, 'worker.js'), worker);
  const port = await freePort();
  await writeFile(
    join(dir, 'workerd.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The default outbound network refuses private and loopback addresses; the mocks are on loopback.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
  globalOutbound = "internet",
);
`,
  );
  let output = '';
  const child: ChildProcess = spawn(executable, ['serve', 'workerd.capnp'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await getText(`${origin}/?scenario=`, 1_000)).status === 404) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 30_000) {
      child.kill();
      throw new Error(`workerd did not listen on ${origin} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    call: async (scenario, baseUrl) => {
      const { status, body } = await getText(`${origin}/?scenario=${encodeURIComponent(scenario)}&base=${encodeURIComponent(baseUrl)}`, 60_000);
      if (status !== 200) throw new Error(`workerd answered ${status}: ${body}\n${output}`);
      return JSON.parse(body) as unknown;
    },
    log: () => output,
    close: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
