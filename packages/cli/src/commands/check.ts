import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runConformance, type ConformanceReport } from '@cf/core/testing';
import { adapters } from '../adapters/index.js';
import type { ConnectorAdapter } from '../adapters/adapter.js';
import { conformanceViaVitest } from '../check/vitest-conformance.js';
import { usageError } from '../cli-error.js';
import { formatTable } from '../format-table.js';

/** Options of `checkConnector` (`cf check`). */
export interface CheckOptions {
  /** A connector package directory, or a registry name. @default '.' */
  target?: string | undefined;
  /** The directory `target` is relative to. @default process.cwd() */
  cwd?: string | undefined;
  /** Aborts the check. */
  signal?: AbortSignal | undefined;
}

/** What `checkConnector` found: how it ran, each conformance report, and the lowest compliance. */
export interface CheckResult {
  /** `adapter`: run in-process through the CLI's adapter; `vitest`: the package's own conformance test. */
  via: 'adapter' | 'vitest';
  /** One report per conformance subject the connector has. */
  reports: ConformanceReport[];
  /** The lowest compliance of the reports: 100 means done. */
  compliance: number;
}

const adapterByPackage = (name: string): ConnectorAdapter | undefined => Object.values(adapters).find((a) => a.metadata.packageName === name);

/**
 * `cf check [path]`: core's conformance suite against a connector, through the CLI's adapter when it knows the
 * package (framework-free, in-process), otherwise through the package's own `test/conformance.test.ts`.
 */
export async function checkConnector(options: CheckOptions = {}): Promise<CheckResult> {
  const target = options.target ?? '.';
  const dir = resolve(options.cwd ?? process.cwd(), target);
  const manifest = join(dir, 'package.json');
  let adapter: ConnectorAdapter | undefined;
  if (existsSync(manifest)) {
    adapter = adapterByPackage((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? '');
    if (!adapter) {
      if (!existsSync(join(dir, 'test', 'conformance.test.ts'))) throw usageError(`${dir} has no test/conformance.test.ts to run.`);
      const reports = await conformanceViaVitest(dir, { signal: options.signal });
      return { via: 'vitest', reports, compliance: Math.min(...reports.map((r) => r.compliance)) };
    }
  } else {
    adapter = adapters[target];
    if (!adapter) throw usageError(`"${target}" is neither a connector package directory nor a connector the CLI knows (${Object.keys(adapters).join(', ')}).`);
  }
  const report = await runConformance(adapter.conformance);
  return { via: 'adapter', reports: [report], compliance: report.compliance };
}

const MARK: Record<string, string> = { passed: 'pass', failed: 'FAIL', 'not-applicable': 'n/a' };

/**
 * The report: the connector-wide rules as a table, then the operation × rule matrix (one row per declared
 * operation), then every failure and not-applicable case with its reason, then the compliance line.
 */
export function formatCheck(result: CheckResult): string {
  return result.reports.map(formatReport).join('\n\n');
}

function formatReport(report: ConformanceReport): string {
  const general = report.results.filter((r) => r.operation === undefined);
  const perOperation = report.results.filter((r) => r.operation !== undefined);
  const parts = [formatTable(['RESULT', 'RULE', 'DETAIL'], general.map((r) => [MARK[r.status] ?? r.status, r.id, r.reason ?? r.title]))];
  if (perOperation.length > 0) {
    const rules = [...new Set(perOperation.map((r) => r.id))];
    const operations = [...new Set(perOperation.map((r) => r.operation ?? ''))];
    const cell = (op: string, rule: string) => MARK[perOperation.find((r) => r.operation === op && r.id === rule)?.status ?? ''] ?? '-';
    parts.push(formatTable(['OPERATION', ...rules], operations.map((op) => [op, ...rules.map((rule) => cell(op, rule))])));
    const notes = perOperation.filter((r) => r.status !== 'passed').map((r) => [MARK[r.status] ?? r.status, `${r.operation ?? ''} ${r.id}`, r.reason ?? '']);
    if (notes.length > 0) parts.push(formatTable(['RESULT', 'CASE', 'REASON'], notes));
  }
  parts.push(`conformance ${report.connector}: ${report.passed}/${report.applicable} cases (${report.compliance}%)`);
  return parts.join('\n\n');
}
