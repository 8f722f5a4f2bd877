import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceCases, runRule, summarize, type ConformanceConnector, type ConformanceSubject, type RuleResult } from './conformance.js';
import { startMockServer, type MockServer } from './mock-server.js';

/**
 * The conformance suite as vitest tests: one test per rule of the specification, against the connector's
 * own mocks served on loopback. Prints the compliance percentage when done.
 */
export function describeConformance<C extends ConformanceConnector>(subject: ConformanceSubject<C>): void {
  describe(`conformance: ${subject.name}`, () => {
    let server: MockServer;
    const results: RuleResult[] = [];
    beforeAll(async () => {
      server = await startMockServer(subject.handlers);
    });
    afterAll(async () => {
      await server.close();
      const report = summarize(subject.name, results);
      console.info(`conformance ${subject.name}: ${report.passed}/${report.applicable} cases (${report.compliance}%)`);
    });
    for (const rule of conformanceCases(subject)) {
      const title = rule.operation ? `[${rule.id}] ${rule.operation}: ${rule.title}` : `[${rule.id}] ${rule.title}`;
      it(title, async (ctx) => {
        const result = await runRule(subject, server, rule);
        results.push(result);
        if (result.status === 'not-applicable') {
          ctx.skip(result.reason);
          return;
        }
        expect(result.reason ?? 'passed').toBe('passed');
      }, 60_000);
    }
  });
}
