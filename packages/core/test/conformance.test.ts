import { describe, expect, it } from 'vitest';
import { describeConformance } from '../src/testing/conformance-entry.js';
import { runConformance } from '../src/testing/index.js';
import { BrokenConnector } from './fixtures/broken-connector.js';
import { ToyConnector, toyCycleHandlers, toyHandlers } from './fixtures/toy-connector.js';

const toySubject = {
  name: 'toy',
  handlers: toyHandlers,
  secret: 'toy-secret-token-123',
  create: ({ serverUrl, overrides }: { serverUrl: string; overrides: object }) =>
    new ToyConnector({ token: 'toy-secret-token-123', baseUrl: `${serverUrl}/api`, ...overrides }),
  call: (c: ToyConnector, opts: { signal?: AbortSignal }) => c.getItem('42', opts),
  pagination: { call: (c: ToyConnector) => c.listItems().toArray({ limit: 100 }), cycleHandlers: toyCycleHandlers },
};

describeConformance(toySubject);

describe('the conformance suite can fail', () => {
  it('reports the broken connector as failing the rules it breaks', async () => {
    const report = await runConformance({
      name: 'broken',
      handlers: toyHandlers,
      secret: 'toy-secret-token-123',
      create: ({ serverUrl }) => new BrokenConnector({ baseUrl: `${serverUrl}/api`, token: 'toy-secret-token-123' }),
      call: (c, opts) => c.getItem('42', opts),
    });
    const failed = report.results.filter((r) => r.status === 'failed').map((r) => r.id);
    expect(failed).toEqual(
      expect.arrayContaining(['user-agent', 'correlation-id', 'retry-backoff', 'retry-after', 'no-retry-4xx', 'breaker-cycle', 'timeout', 'typed-errors', 'secrets-redacted']),
    );
    expect(report.compliance).toBeLessThan(30);
  });

  it('reports 100% for the toy connector built on core', async () => {
    const report = await runConformance(toySubject);
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.compliance).toBe(100);
  });
});
