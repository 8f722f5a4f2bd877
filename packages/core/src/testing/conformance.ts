import type { CoreOptions } from '../connector/connector-options.js';
import type { ConnectorEvents } from '../hooks/events.js';
import type { Logger } from '../hooks/logger.js';
import { FakeClock } from '../time/fake-clock.js';
import { CONFORMANCE_RULES } from './conformance-rules.js';
import { DECLARATION_RULES } from './declaration-rules.js';
import { OPERATION_RULES } from './operation-rules.js';
import {
  describeError,
  NotApplicable,
  RuleFailure,
  type ConformanceConnector,
  type ConformanceOperation,
  type ConformanceReport,
  type ConformanceSubject,
  type RuleContext,
  type RuleResult,
} from './conformance-support.js';
import { startMockServer, type MockServer } from './mock-server.js';

export { CONFORMANCE_RULES } from './conformance-rules.js';
export type { ConformanceConnector, ConformanceOperation, ConformanceReport, ConformanceSubject, RuleResult, RuleStatus } from './conformance-support.js';


function recordingLogger(logs: unknown[]): Logger {
  const write = (level: string) => (obj: Record<string, unknown>, msg?: string) => logs.push({ level, obj, msg });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** One cell of the report: a rule, for the connector or for one of its declared operations. */
export interface ConformanceCase {
  /** The rule's id. */
  id: string;
  /** What the rule checks. */
  title: string;
  /** The declared operation it runs against (per-operation rules only). */
  operation?: string;
  /** Runs the check: returns when it passes, throws `RuleFailure` (failed) or `NotApplicable`. */
  run: (ctx: RuleContext<ConformanceConnector>) => Promise<void>;
}

/**
 * Every case the kit runs against a subject: the generic rules, the declaration rules, and each per-operation rule
 * for each declared operation that has a sample invocation (the operation × rule matrix).
 */
export function conformanceCases<C extends ConformanceConnector>(subject: ConformanceSubject<C>): ConformanceCase[] {
  const cases: ConformanceCase[] = [...CONFORMANCE_RULES, ...DECLARATION_RULES];
  for (const declaration of subject.metadata?.operations ?? []) {
    const operation = subject.operations?.find((o) => o.name === declaration.name);
    if (!operation) continue; // `declares-operations` fails, naming it
    for (const rule of OPERATION_RULES) {
      cases.push({
        id: rule.id,
        title: rule.title,
        operation: declaration.name,
        run: (ctx) => rule.run({ ...ctx, operation: operation as unknown as ConformanceOperation<ConformanceConnector>, declaration }),
      });
    }
  }
  return cases;
}

/**
 * Runs every conformance case against a connector and returns the report (no test framework needed:
 * `cf check` and the MCP server use this; `describeConformance` wraps it in vitest).
 */
export async function runConformance<C extends ConformanceConnector>(
  subject: ConformanceSubject<C>,
  options: { only?: string[] } = {},
): Promise<ConformanceReport> {
  const server = await startMockServer(subject.handlers);
  const results: RuleResult[] = [];
  try {
    for (const rule of conformanceCases(subject)) {
      if (options.only && !options.only.includes(rule.id)) continue;
      results.push(await runRule(subject, server, rule));
    }
  } finally {
    await server.close();
  }
  return summarize(subject.name, results);
}

/**
 * Runs one case against a subject on `server`: a fresh fake clock and connector, the rule's check, then every
 * connector it made disconnected. A case declared not applicable in the metadata is not run.
 *
 * @returns passed, failed (with the reason), or not-applicable.
 */
export async function runRule<C extends ConformanceConnector>(subject: ConformanceSubject<C>, server: MockServer, rule: ConformanceCase): Promise<RuleResult> {
  const cell = { id: rule.id, title: rule.title, ...(rule.operation ? { operation: rule.operation } : {}) };
  const waived = subject.metadata?.notApplicable?.find((n) => n.rule === rule.id || n.rule === `${rule.operation ?? ''}:${rule.id}`);
  if (waived) return { ...cell, status: 'not-applicable', reason: `declared not applicable: ${waived.reason}` };
  server.resetHandlers();
  const clock = new FakeClock();
  const retries: Array<ConnectorEvents['retry']> = [];
  const events: unknown[] = [];
  const logs: unknown[] = [];
  const made: C[] = [];
  const make = (extra: CoreOptions = {}): C => {
    const overrides: CoreOptions = {
      clock,
      logger: recordingLogger(logs),
      rateLimit: false,
      ...extra,
      retry: { random: () => 0.5, ...(extra.retry === false ? {} : extra.retry) },
    };
    const connector = subject.create({ serverUrl: server.baseUrl, overrides });
    connector.on('retry', (e) => retries.push(e));
    for (const name of ['request', 'response', 'retry', 'error'] as const) connector.on(name, (e) => events.push(e));
    made.push(connector);
    return connector;
  };
  try {
    const connector = make();
    await rule.run({ server, clock, connector, subject, retries, events, logs, make } as unknown as RuleContext<ConformanceConnector>);
    return { ...cell, status: 'passed' };
  } catch (error) {
    if (error instanceof NotApplicable) return { ...cell, status: 'not-applicable', reason: error.message };
    const reason = error instanceof RuleFailure ? error.message : `unexpected: ${describeError(error)}`;
    return { ...cell, status: 'failed', reason };
  } finally {
    await Promise.allSettled(made.map((c) => c.disconnect()));
  }
}

/**
 * Counts a connector's results into a report; `compliance` is passed / applicable × 100, rounded down (0 when nothing
 * applied).
 */
export function summarize(connector: string, results: RuleResult[]): ConformanceReport {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const applicable = passed + failed;
  return { connector, results, passed, failed, applicable, compliance: applicable === 0 ? 0 : Math.floor((passed / applicable) * 100) };
}
