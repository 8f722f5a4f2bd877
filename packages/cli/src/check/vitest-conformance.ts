import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { summarize, type ConformanceReport, type RuleResult } from '@cf/core/testing';
import { CliError, usageError } from '../cli-error.js';

interface VitestJson {
  testResults: Array<{ assertionResults: Array<{ ancestorTitles: string[]; title: string; status: string; failureMessages?: string[] }> }>;
}

/** Whether `name` resolves from `dir` the way Node looks it up: a node_modules/<name> in `dir` or above. */
function installedFrom(dir: string, name: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', name, 'package.json'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** What the conformance test needs installed; missing, `cf check` says what to run instead of failing on vitest. */
const NEEDED = ['vitest', '@cf/core'];

/** The install step for a package: pnpm at a workspace's root, npm in the package otherwise. */
function installStep(packageDir: string): string {
  for (let at = dirname(packageDir); dirname(at) !== at; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-workspace.yaml'))) return `\`pnpm install\` in ${at}`;
  }
  return `\`npm install\` in ${packageDir}`;
}

const CONFIG_NAMES = ['vitest.config.ts', 'vitest.config.mts', 'vitest.config.js', 'vitest.config.mjs'];

/**
 * A vitest config wrapping the package's own, with chai's truncation off: the kit's reason is the `expected` value
 * of a failed assertion, which chai cuts at 40 characters by default ("declare metadata.limitModel so the ki…").
 */
function wrapperConfig(packageDir: string, outDir: string): string {
  const own = CONFIG_NAMES.map((name) => join(packageDir, name)).find((file) => existsSync(file));
  const file = join(outDir, 'vitest.config.mjs');
  writeFileSync(
    file,
    [
      own === undefined ? 'const base = {};' : `import base from ${JSON.stringify(own)};`,
      'export default async (env) => {',
      "  const config = (typeof base === 'function' ? await base(env) : base) ?? {};",
      `  return { ...config, root: ${JSON.stringify(packageDir)}, test: { ...config.test, chaiConfig: { ...config.test?.chaiConfig, truncateThreshold: 0 } } };`,
      '};',
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * Runs a package's own `test/conformance.test.ts` with its vitest and reads the rule results from vitest's JSON
 * report: for packages the CLI has no adapter for (a connector just made with `cf new`, one in another repo).
 */
export async function conformanceViaVitest(packageDir: string, options: { signal?: AbortSignal | undefined } = {}): Promise<ConformanceReport[]> {
  const missing = NEEDED.filter((name) => !installedFrom(packageDir, name));
  if (missing.length > 0) {
    throw usageError(
      `${packageDir} has no dependencies installed (${missing.join(' and ')} not found in its node_modules): run ${installStep(packageDir)} first, then check again.`,
    );
  }
  const outDir = mkdtempSync(join(tmpdir(), 'cf-check-'));
  const outputFile = join(outDir, 'report.json');
  try {
    let stderr = '';
    // vitest exits 1 when a rule fails: that is a result, not an error.
    await new Promise<void>((done, fail) => {
      const config = wrapperConfig(packageDir, outDir);
      const args = ['--no', 'vitest', 'run', 'test/conformance.test.ts', `--config=${config}`, `--root=${packageDir}`, '--reporter=json', `--outputFile=${outputFile}`];
      const child = spawn('npx', args, {
        cwd: packageDir,
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(options.signal ? { signal: options.signal } : {}),
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
      child.on('error', fail);
      child.on('close', (status) => {
        if (status !== 0 && status !== 1) fail(new CliError(`vitest could not run test/conformance.test.ts in ${packageDir}:\n${stderr}`));
        else done();
      });
    });
    if (!existsSync(outputFile)) {
      throw new CliError(`vitest wrote no report for test/conformance.test.ts in ${packageDir} (are its dependencies installed? run ${installStep(packageDir)}):\n${stderr.trim()}`);
    }
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJson;
    const bySubject = new Map<string, RuleResult[]>();
    for (const file of report.testResults) {
      for (const test of file.assertionResults) {
        const subject = test.ancestorTitles.find((t) => t.startsWith('conformance: '))?.slice('conformance: '.length);
        // `[rule-id] title`, or `[rule-id] operation.name: title` for a per-operation rule.
        const rule = /^\[([a-z0-9-]+)\] (?:([a-z][A-Za-z0-9.]*): )?(.*)$/.exec(test.title);
        if (subject === undefined || !rule) continue;
        const status = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'not-applicable';
        const reason = failureReason(test.failureMessages?.[0]);
        const results = bySubject.get(subject) ?? [];
        results.push({
          id: rule[1] ?? '',
          title: rule[3] ?? '',
          status,
          ...(rule[2] !== undefined ? { operation: rule[2] } : {}),
          ...(status === 'failed' && reason !== undefined ? { reason } : {}),
        });
        bySubject.set(subject, results);
      }
    }
    if (bySubject.size === 0) throw new CliError(`${packageDir}/test/conformance.test.ts ran no conformance rule (does it call describeConformance?).`);
    return [...bySubject].map(([subject, results]) => summarize(subject, results));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * The rule's own reason from vitest's assertion message: `expected '<reason>' to be 'passed'` (whole, as the wrapper
 * config turns chai's truncation off; quotes unescaped), or a `Received: "<reason>"` line, else its first line.
 */
export function failureReason(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const received = /^Received: "(.*)"$/m.exec(message)?.[1];
  if (received !== undefined) return received.replace(/\\(["\\])/g, '$1');
  const first = message.split('\n')[0];
  const quoted = first === undefined ? undefined : /expected '(.*)' to be 'passed'/.exec(first)?.[1];
  return quoted === undefined ? first : quoted.replace(/\\(['\\])/g, '$1');
}
