import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserBundleSize } from '../../packages/bench/src/parts/bundle-size.js';
import { prepareConsumer, type ConsumerProject, type PackageSource } from './consumer-project.js';
import { startCorsProxy, type CorsProxy } from './cors-proxy.js';
import { commandFor, DEFAULT_RUNTIMES, detectRuntimes, type Runtime } from './runtimes.js';
import { PROBE_KIT, scenarios, type Scenario } from './scenarios.js';
import { startWorkerd, workerEntry, type WorkerdHost } from './workerd-host.js';

/**
 * The runtime matrix (issue 18): core and each connector, as a user's project installs them, make one call against
 * the connector's own mocks on loopback in Node, Deno, Bun, headless Chromium and workerd, then disconnect. Core
 * must pick undici on Node (loaded on the first request, not on import) and fetch everywhere else, where undici
 * is never loaded; bundles for browsers and workers hold neither undici nor any `node:` module. A runtime missing
 * here (and not installable from npm) is skipped with the reason, never failed.
 *
 * CF_RUNTIMES=node,deno,bun,chromium,workerd,node@22,node@24 picks runtimes (default: all but Node 22 and 24,
 * which tests/e2e/packages.test.ts already calls the tarballs on). CF_RUNTIMES_FROM=dist uses the workspace's
 * builds instead of packed tarballs (no registry). CF_SKIP_RUNTIMES_E2E=1 skips the suite.
 */
const skipAll = process.env.CF_SKIP_RUNTIMES_E2E === '1';
const source: PackageSource = process.env.CF_RUNTIMES_FROM === 'dist' ? 'dist' : 'packs';
const wanted = (process.env.CF_RUNTIMES ?? DEFAULT_RUNTIMES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
const runtimes: Runtime[] = skipAll ? [] : await detectRuntimes(wanted);
const packages = [...new Set(['@cf/core', ...scenarios.map((s) => s.pkg)])];
const slug = (s: Scenario): string => s.name.replace(/\W+/g, '-');

interface ProbeResult {
  runtime: string;
  isNodeRuntime: boolean;
  transport: string;
  undiciBeforeCall: boolean;
  undiciAfterCall: boolean;
  connected: boolean;
  callMs: number;
  data: Record<string, unknown>;
}
interface ProbeOutcome {
  result?: ProbeResult;
  error?: Record<string, unknown>;
  log: string;
}

const timings: Array<{ runtime: string; scenario: string; ms: number; callMs?: number; ok: boolean; note?: string }> = [];
const sizes: Array<{ pkg: string; minifiedBytes: number; gzipBytes: number }> = [];
let project: ConsumerProject | undefined;

/** The program a process runtime runs: the probe, its answer (or error) on one tagged line of stdout. */
const runnerSource = (scenario: Scenario, baseUrl: string): string => `import { probe } from './probe-${slug(scenario)}.mjs';
import { describeError } from './probe-kit.mjs';
try {
  console.log('CF_RESULT ' + JSON.stringify(await probe(${JSON.stringify(baseUrl)})));
} catch (error) {
  console.log('CF_ERROR ' + JSON.stringify(describeError(error)));
  globalThis.Deno ? globalThis.Deno.exit(1) : globalThis.process.exit(1);
}
`;

function runProcess(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number | string; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr, timedOut: e?.killed === true });
    });
  });
}

/** The probe's answer, or a message that says what went wrong in that runtime. */
function parse(out: { code: number | null; stdout: string; stderr: string; timedOut: boolean }): ProbeOutcome {
  const log = `exit ${out.code}${out.timedOut ? ' (killed: did not exit within 60 s — a handle left open after disconnect?)' : ''}\nstdout:\n${out.stdout}\nstderr:\n${out.stderr}`;
  const line = (tag: string) => out.stdout.split('\n').find((l) => l.startsWith(`${tag} `))?.slice(tag.length + 1);
  const result = line('CF_RESULT');
  const error = line('CF_ERROR');
  return {
    ...(result ? { result: JSON.parse(result) as ProbeResult } : {}),
    ...(error ? { error: JSON.parse(error) as Record<string, unknown> } : {}),
    log,
  };
}

function expectProbe(outcome: ProbeOutcome, runtime: Runtime, scenario: Scenario): ProbeResult {
  if (!outcome.result) {
    const error = outcome.error ? JSON.stringify(outcome.error, null, 2) : '(the program printed no result)';
    throw new Error(`${scenario.name} failed on ${runtime.name} (${runtime.version ?? ''}):\n${error}\n${outcome.log}`);
  }
  const r = outcome.result;
  expect(r.transport, `transport on ${runtime.name}`).toBe(runtime.expectTransport);
  expect(r.isNodeRuntime).toBe(runtime.expectTransport === 'UndiciTransport');
  // undici is never loaded on import or construction; on Node the first request loads it, elsewhere nothing does.
  expect(r.undiciBeforeCall, 'undici loaded before the first request').toBe(false);
  expect(r.undiciAfterCall, 'undici loaded by the call').toBe(runtime.expectTransport === 'UndiciTransport');
  expect(r.connected).toBe(false);
  return r;
}

/**
 * What a web app's (or a worker's) bundler does with the installed packages: platform browser (plus `conditions`),
 * ESM, everything bundled. Names are kept: the probe reports the transport's class name.
 */
async function bundle(entry: string, conditions: string[]): Promise<{ code: Uint8Array; inputs: string[] }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: project!.dir, loader: 'js' },
    bundle: true,
    platform: 'browser',
    conditions,
    format: 'esm',
    target: 'es2022',
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.contents, inputs: Object.keys(result.metafile.inputs) };
}

/**
 * core's build for browsers and workers (dist/browser/, `#node-transport` compiled to its stub): no undici, no Node
 * built-in, nothing of core's Node build (dist/runtime.js and its re-exports, dist/node-transport/).
 */
function expectWebOnly(inputs: string[]): void {
  expect(inputs.filter((i) => /node_modules\/undici\//.test(i) || i.startsWith('node:'))).toEqual([]);
  const core = inputs.filter((i) => /@cf\/core\/dist\//.test(i));
  expect(core.length).toBeGreaterThan(0);
  expect(core.filter((i) => !/@cf\/core\/dist\/browser\//.test(i))).toEqual([]);
}

/** One scenario against fresh mocks, timed, whatever the runtime; the mocks stop after it. */
async function runScenario(
  runtime: Runtime,
  scenario: Scenario,
  origin: string | undefined,
  execute: (baseUrl: string, serverUrl: string) => Promise<ProbeOutcome>,
  note?: () => string,
): Promise<ProbeResult> {
  const { server, prefix } = await scenario.start(origin);
  const started = performance.now();
  let ok = false;
  let callMs: number | undefined;
  try {
    const result = expectProbe(await execute((origin ?? server.baseUrl) + prefix, server.baseUrl), runtime, scenario);
    callMs = result.callMs;
    scenario.check(result.data, server);
    ok = true;
    return result;
  } finally {
    timings.push({ runtime: runtime.name, scenario: scenario.name, ms: Math.round(performance.now() - started), ...(callMs !== undefined ? { callMs } : {}), ok, ...(note ? { note: note() } : {}) });
    await server.close();
  }
}

const title = (runtime: Runtime): string => `${runtime.name}${runtime.version ? ` (${runtime.version})` : ''}`;
const skipped = (runtime: Runtime): string => (runtime.skip ? ` — skipped: ${runtime.skip}` : '');

describe.skipIf(skipAll)(`runtime matrix (packages from ${source === 'packs' ? 'packed tarballs' : 'workspace dist'})`, () => {
  beforeAll(async () => {
    project = await prepareConsumer(packages, source);
    await writeFile(join(project.dir, 'probe-kit.mjs'), PROBE_KIT);
    for (const scenario of scenarios) await writeFile(join(project.dir, `probe-${slug(scenario)}.mjs`), scenario.probe);
  }, 900_000);

  afterAll(async () => {
    await project?.remove();
    const lines = [
      `runtimes: ${runtimes.map((r) => `${r.name} ${r.skip ? `SKIPPED (${r.skip})` : r.version}`).join('; ')}`,
      `setup (${source}): ${project?.steps.map((s) => `${s.step} ${s.ms} ms`).join(', ') ?? 'not reached'}`,
      ...timings.map(
        (t) =>
          `${t.ok ? 'ok  ' : 'FAIL'} ${t.runtime.padEnd(9)} ${t.scenario.padEnd(16)} ${String(t.ms).padStart(6)} ms total${t.callMs !== undefined ? `, call+disconnect ${t.callMs} ms` : ''}${t.note ? `, ${t.note}` : ''}`,
      ),
      ...sizes.map((s) => `browser bundle ${s.pkg.padEnd(26)} ${s.minifiedBytes} B minified, ${s.gzipBytes} B gzip`),
    ];
    console.log(`\n${lines.join('\n')}\n`);
  });

  for (const runtime of runtimes.filter((r) => r.kind === 'process')) {
    describe(title(runtime), () => {
      for (const scenario of scenarios) {
        it.skipIf(runtime.skip !== undefined)(`${scenario.name}: one call and disconnect on ${runtime.expectTransport}${skipped(runtime)}`, async () => {
          await runScenario(runtime, scenario, undefined, async (baseUrl) => {
            // The base URL is written into the program: no environment or argv differences between runtimes.
            const runner = join(project!.dir, `run-${slug(scenario)}-${runtime.name.replace(/\W/g, '_')}.mjs`);
            await writeFile(runner, runnerSource(scenario, baseUrl));
            const { cmd, args } = commandFor(runtime, runner);
            return parse(await runProcess(cmd, args, project!.dir));
          });
        });
      }
    });
  }

  for (const runtime of runtimes.filter((r) => r.kind === 'browser')) {
    describe(`${title(runtime)}, headless, cross-origin`, () => {
      let browser: Browser | undefined;
      let page: Page | undefined;
      let proxy: CorsProxy | undefined;
      const pageErrors: string[] = [];

      beforeAll(async () => {
        if (runtime.skip) return;
        proxy = await startCorsProxy();
        proxy.serve('/__page/index.html', '<!doctype html><html><head><meta charset="utf-8"><title>cf runtimes</title></head><body></body></html>', 'text/html');
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: runtime.executable!, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
        page = await browser.newPage();
        page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
        page.on('console', (m) => void (m.type() === 'error' && pageErrors.push(`console: ${m.text()}`)));
        await page.goto(`${proxy.pageOrigin}/__page/index.html`);
      }, 120_000);

      afterAll(async () => {
        await browser?.close();
        await proxy?.close();
      });

      for (const scenario of scenarios) {
        it.skipIf(runtime.skip !== undefined)(`${scenario.name}: bundled for the browser (no undici, no node:*), one call and disconnect on FetchTransport${skipped(runtime)}`, async () => {
          const bundled = await bundle(`export { probe } from './probe-${slug(scenario)}.mjs';\nexport { describeError } from './probe-kit.mjs';`, []);
          expectWebOnly(bundled.inputs);
          if (!sizes.some((s) => s.pkg === scenario.pkg)) {
            const size = await browserBundleSize(`export * from '${scenario.pkg}';`, { resolveDir: project!.dir });
            sizes.push({ pkg: scenario.pkg, minifiedBytes: size.minifiedBytes, gzipBytes: size.gzipBytes });
          }
          const file = `/__page/${slug(scenario)}.js`;
          proxy!.serve(file, bundled.code, 'text/javascript');
          proxy!.reset();
          proxy!.allowHeaders = new Set(scenario.corsHeaders);
          pageErrors.length = 0;
          const note = () => `${proxy!.stats.forwarded} requests, ${proxy!.stats.preflights} preflights (${[...proxy!.stats.preflightedHeaders].sort().join(' ')})`;
          // The page calls the API on another origin through the CORS front, which forwards to this scenario's mocks.
          const result = await runScenario(
            runtime,
            scenario,
            proxy!.apiOrigin,
            async (baseUrl, serverUrl) => {
              proxy!.target = serverUrl;
              // A string, not a function: vitest rewrites import() in this file, and the page must run its own.
              const outcome = await page!.evaluate<Omit<ProbeOutcome, 'log'>>(`(async () => {
                const m = await import(${JSON.stringify(file)});
                try { return { result: await m.probe(${JSON.stringify(baseUrl)}) }; }
                catch (error) { return { error: m.describeError(error) }; }
              })()`);
              proxy!.target = undefined;
              return { ...outcome, log: pageErrors.join('\n') };
            },
            note,
          );
          expect(result.runtime).toMatch(/HeadlessChrome/);
          // Every call was cross-origin: the page's origin asked, and the front forwarded it.
          expect([...proxy!.stats.origins]).toEqual([proxy!.pageOrigin]);
          expect(proxy!.stats.forwarded).toBeGreaterThan(0);
          // Only headers the API allows were asked for (core adds none of its own in a browser); an API without
          // credentials or custom headers is called without a single preflight.
          expect([...proxy!.stats.preflightedHeaders].filter((h) => !scenario.corsHeaders.includes(h))).toEqual([]);
          if (scenario.corsHeaders.length === 0) expect(proxy!.stats.preflights).toBe(0);
        });
      }
    });
  }

  for (const runtime of runtimes.filter((r) => r.kind === 'worker')) {
    describe(`${title(runtime)}, one worker`, () => {
      let host: WorkerdHost | undefined;
      let inputs: string[] = [];

      beforeAll(async () => {
        if (runtime.skip) return;
        // The conditions wrangler bundles a Worker with (plus the browser platform's own).
        const worker = await bundle(workerEntry(scenarios.map(slug)), ['workerd', 'worker']);
        inputs = worker.inputs;
        host = await startWorkerd(runtime.executable!, project!.dir, worker.code);
      }, 120_000);

      afterAll(async () => {
        await host?.close();
      });

      for (const scenario of scenarios) {
        it.skipIf(runtime.skip !== undefined)(`${scenario.name}: bundled for workerd (no undici, no node:*), one call and disconnect on FetchTransport${skipped(runtime)}`, async () => {
          expectWebOnly(inputs);
          const result = await runScenario(runtime, scenario, undefined, async (baseUrl) => {
            const answer = (await host!.call(slug(scenario), baseUrl)) as Omit<ProbeOutcome, 'log'>;
            return { ...answer, log: host!.log() };
          });
          expect(result.runtime).toBe('Cloudflare-Workers');
        });
      }
    });
  }
});
