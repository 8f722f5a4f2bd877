import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanBuild } from './harness/build.js';
import { REPO_DIR } from './harness/paths.js';
import { benchImportCost } from './parts/import-cost.js';
import { benchLoad, loadFailures } from './parts/load.js';
import { benchMemory } from './parts/memory.js';
import { benchOverhead } from './parts/overhead.js';
import { benchQuota } from './parts/quota.js';
import { FULL, SMOKE } from './profile.js';
import { describeMachine } from './report/machine.js';
import { renderMarkdown } from './report/markdown.js';
import { METHOD_NOTES } from './report/notes.js';
import type { BenchResults } from './report/results.js';

const PARTS = ['overhead', 'quota', 'memory', 'imports', 'load'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `Usage: tsx --conditions=@cf/source src/run.ts [--smoke] [--out file.md] [--json file.json] [--only ${PARTS.join(',')}]
  (default) the full bench, a few minutes; writes docs/benchmarks.md
  --smoke   every part at a tiny scale, seconds; writes a temp file (never docs/benchmarks.md)`;

async function main(): Promise<void> {
  // `pnpm bench -- --only quota` forwards the `--` itself: drop it.
  const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      smoke: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const profile = values.smoke ? SMOKE : FULL;
  const only = values.only?.split(',').map((p) => p.trim()) ?? [...PARTS];
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`Unknown part(s) ${unknown.join(', ')}. ${USAGE}`);
  const wants = (part: Part) => only.includes(part);
  const out = resolve(values.out ?? (values.smoke ? join(tmpdir(), 'cf-bench-smoke.md') : join(REPO_DIR, 'docs', 'benchmarks.md')));
  if (values.smoke && out === resolve(REPO_DIR, 'docs', 'benchmarks.md')) throw new Error('The smoke mode never writes docs/benchmarks.md.');

  const started = performance.now();
  const results: BenchResults = { profile, machine: describeMachine(), endLoadAverage: 0, durationMs: 0 };
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    process.stderr.write(`bench: ${name}...\n`);
    const t0 = performance.now();
    const value = await fn();
    process.stderr.write(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return value;
  };
  if (wants('overhead')) results.overhead = await step('overhead', () => benchOverhead(profile));
  if (wants('quota')) results.quota = await step('quota efficiency', () => benchQuota(profile));
  if (wants('memory')) results.memory = await step('memory', () => benchMemory(profile));
  if (wants('imports')) results.imports = await step('import cost', () => benchImportCost(profile));
  if (wants('load')) results.load = await step('load', () => benchLoad(profile));
  results.durationMs = performance.now() - started;
  results.endLoadAverage = Math.round((loadavg()[0] ?? 0) * 100) / 100;

  const markdown = renderMarkdown(results, METHOD_NOTES);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, markdown);
  if (values.json) await writeFile(resolve(values.json), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown);
  process.stderr.write(`bench: wrote ${out}\n`);
  // A load that landed the wrong number of rows (or failed) is a failure, not a figure: the report is written, the run fails.
  const failures = loadFailures(results.load);
  if (failures.length > 0) {
    process.stderr.write(`bench: the load part FAILED:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

// Ctrl-C: still remove this run's compiled bundles (the children exit with us: they watch their IPC channel).
process.once('SIGINT', () => {
  void cleanBuild().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanBuild();
}
