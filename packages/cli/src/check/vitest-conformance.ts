import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize, type ConformanceReport, type RuleResult } from '@cf/core/testing';
import { CliError } from '../cli-error.js';

interface VitestJson {
  testResults: Array<{ assertionResults: Array<{ ancestorTitles: string[]; title: string; status: string; failureMessages?: string[] }> }>;
}

/**
 * Runs a package's own `test/conformance.test.ts` with its vitest and reads the rule results from vitest's JSON
 * report: for packages the CLI has no adapter for (a connector just made with `cf new`, one in another repo).
 */
export async function conformanceViaVitest(packageDir: string, options: { signal?: AbortSignal | undefined } = {}): Promise<ConformanceReport[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'cf-check-'));
  const outputFile = join(outDir, 'report.json');
  try {
    // vitest exits 1 when a rule fails: that is a result, not an error.
    await new Promise<void>((done, fail) => {
      const child = spawn('npx', ['--no', 'vitest', 'run', 'test/conformance.test.ts', '--reporter=json', `--outputFile=${outputFile}`], {
        cwd: packageDir,
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(options.signal ? { signal: options.signal } : {}),
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
      child.on('error', fail);
      child.on('close', (status) => {
        if (status !== 0 && status !== 1) fail(new CliError(`vitest could not run test/conformance.test.ts in ${packageDir}:\n${stderr}`));
        else done();
      });
    });
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

/** The rule's own reason from vitest's assertion message (`expected '<reason>' to be 'passed'`), else its first line. */
function failureReason(message: string | undefined): string | undefined {
  const first = message?.split('\n')[0];
  const quoted = first === undefined ? undefined : /expected '(.*)' to be 'passed'/.exec(first)?.[1];
  return quoted ?? first;
}
