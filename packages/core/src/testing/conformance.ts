import type { RequestHandler } from 'msw';
import type { CoreOptions } from '../connector/connector-options.js';
import type { ConnectorEvents, EventName } from '../hooks/events.js';
import type { Logger } from '../hooks/logger.js';
import { isConnectorError } from '../errors/guards.js';
import { FakeClock } from '../time/fake-clock.js';
import { faults } from './faults.js';
import { startMockServer, type MockServer } from './mock-server.js';

/** What the suite needs of a connector: built on core, it has all of this already. */
export interface ConformanceConnector {
  disconnect(): Promise<void>;
  on<E extends EventName>(event: E, listener: (payload: ConnectorEvents[E]) => void): () => void;
}

export interface ConformanceSubject<C extends ConformanceConnector> {
  /** The connector's registry name. */
  name: string;
  /** The connector's own MSW handlers (its `/mocks`), serving the happy path. */
  handlers: RequestHandler[];
  /** Builds the connector against the mock server. Pass `overrides` through to core unchanged. */
  create: (ctx: { serverUrl: string; overrides: CoreOptions }) => C;
  /** One idempotent read that succeeds against `handlers`. */
  call: (connector: C, options: { signal?: AbortSignal }) => Promise<unknown>;
  /** A credential configured in `create`: it must reach the server and never appear in errors, events or logs. */
  secret?: string;
  /** A paginated read, and handlers that make the API return the same cursor forever. */
  pagination?: { call: (connector: C) => Promise<unknown>; cycleHandlers: RequestHandler[] };
}

export type RuleStatus = 'passed' | 'failed' | 'not-applicable';

export interface RuleResult {
  id: string;
  title: string;
  status: RuleStatus;
  reason?: string;
}

export interface ConformanceReport {
  connector: string;
  results: RuleResult[];
  passed: number;
  failed: number;
  applicable: number;
  /** passed / applicable × 100, rounded down. */
  compliance: number;
}

class RuleFailure extends Error {}
class NotApplicable extends Error {}

function check(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new RuleFailure(reason);
}

interface RuleContext<C extends ConformanceConnector> {
  server: MockServer;
  clock: FakeClock;
  connector: C;
  subject: ConformanceSubject<C>;
  retries: Array<ConnectorEvents['retry']>;
  events: unknown[];
  logs: unknown[];
  /** Builds another connector with extra core overrides (e.g. a short timeout). */
  make: (extra?: CoreOptions) => C;
}

async function expectError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new RuleFailure('the call resolved, but it should have thrown (an HTTP error resolved as data?)');
}

function describeError(error: unknown): string {
  if (isConnectorError(error)) return `${error.code} (${error.message})`;
  return `a non-connector error: ${String(error)}`;
}

const requestIdOf = (server: MockServer, index: number): string | undefined => server.requests[index]?.headers['x-request-id'];

/** The rules of docs/specification.md that the suite checks, each with a stable id. */
export const CONFORMANCE_RULES: ReadonlyArray<{ id: string; title: string; run: (ctx: RuleContext<ConformanceConnector>) => Promise<void> }> = [
  {
    id: 'user-agent',
    title: 'sends a User-Agent naming the connector package',
    async run({ server, connector, subject }) {
      await subject.call(connector, {});
      const ua = server.requests[0]?.headers['user-agent'] ?? '';
      check(/@cf\//.test(ua), `User-Agent was "${ua}", expected it to name the @cf package`);
    },
  },
  {
    id: 'correlation-id',
    title: 'sends one correlation id per operation, stable across retries, and surfaces it in errors',
    async run({ server, connector, subject }) {
      server.use(faults.serverErrors(1));
      await subject.call(connector, {});
      const first = requestIdOf(server, 0);
      check(first !== undefined && first.length > 0, 'no X-Request-Id header was sent');
      check(server.requests.length === 2, `expected 1 retry, saw ${server.requests.length} requests`);
      check(requestIdOf(server, 1) === first, 'the retry carried a different correlation id');
      server.resetHandlers();
      server.use(faults.status(404, { times: 1 }));
      const error = await expectError(subject.call(connector, {}));
      check(isConnectorError(error), `expected a connector error, got ${describeError(error)}`);
      check(error.requestId === requestIdOf(server, 0), 'the error does not carry the correlation id that was sent');
    },
  },
  {
    id: 'retry-backoff',
    title: 'retries 5xx with exponential backoff and jitter (1 s × 2^(n-1), 50–100% kept)',
    async run({ server, connector, subject, retries }) {
      server.use(faults.serverErrors(2, 503));
      await subject.call(connector, {});
      check(server.requests.length === 3, `expected 3 attempts, saw ${server.requests.length}`);
      const delays = retries.map((r) => r.delayMs);
      // The suite fixes jitter's random draw at 0.5, so 75% of 1000 and 2000 ms.
      check(delays.length === 2 && delays[0] === 750 && delays[1] === 1500, `retry delays were [${delays.join(', ')}], expected [750, 1500]`);
    },
  },
  {
    id: 'retry-after',
    title: 'honours Retry-After on 429 instead of backoff',
    async run({ server, connector, subject, retries }) {
      server.use(faults.rateLimited({ retryAfter: 7, times: 1 }));
      await subject.call(connector, {});
      check(server.requests.length === 2, `expected a retry after the 429, saw ${server.requests.length} requests`);
      check(retries[0]?.delayMs === 7000, `waited ${retries[0]?.delayMs} ms, expected the 7000 ms Retry-After asked for`);
    },
  },
  {
    id: 'no-retry-4xx',
    title: 'does not retry 400 or 404, and throws them as typed errors',
    async run({ server, connector, subject }) {
      server.use(faults.status(400, { times: 1, body: { message: 'bad input' } }));
      const bad = await expectError(subject.call(connector, {}));
      check(isConnectorError(bad) && !bad.retryable, `400 gave ${describeError(bad)}`);
      check(server.requests.length === 1, `400 was sent ${server.requests.length} times`);
      server.resetHandlers();
      server.use(faults.status(404, { times: 1, body: { message: 'not found' } }));
      const missing = await expectError(subject.call(connector, {}));
      check(isConnectorError(missing) && missing.code === 'NOT_FOUND', `404 gave ${describeError(missing)}`);
      check(server.requests.length === 1, `404 was sent ${server.requests.length} times`);
    },
  },
  {
    id: 'breaker-ignores-4xx',
    title: '4xx responses never open the circuit breaker',
    async run({ server, connector, subject }) {
      server.use(faults.status(400, { times: 8 }));
      for (let i = 0; i < 8; i += 1) {
        const error = await expectError(subject.call(connector, {}));
        check(isConnectorError(error) && error.code !== 'CIRCUIT_OPEN', `call ${i + 1} gave ${describeError(error)}`);
      }
      await subject.call(connector, {});
    },
  },
  {
    id: 'breaker-cycle',
    title: 'the breaker opens after 5 failures, rejects for 60 s, admits exactly one probe, and closes on its success',
    async run({ server, clock, subject, make }) {
      const connector = make({ retry: { maxAttempts: 1 } });
      try {
        server.use(faults.serverErrors(5, 503));
        for (let i = 0; i < 5; i += 1) {
          const error = await expectError(subject.call(connector, {}));
          check(isConnectorError(error) && error.code === 'SERVER_ERROR', `failure ${i + 1} gave ${describeError(error)}`);
        }
        const sent = server.requests.length;
        const open = await expectError(subject.call(connector, {}));
        check(isConnectorError(open) && open.code === 'CIRCUIT_OPEN', `after 5 failures the call gave ${describeError(open)}`);
        check(server.requests.length === sent, 'an open circuit still sent the request');
        clock.advance(59_000);
        const stillOpen = await expectError(subject.call(connector, {}));
        check(isConnectorError(stillOpen) && stillOpen.code === 'CIRCUIT_OPEN', 'the circuit closed before 60 s');
        clock.advance(1_000);
        const [a, b] = await Promise.allSettled([subject.call(connector, {}), subject.call(connector, {})]);
        check(a.status === 'fulfilled', `the probe failed: ${a.status === 'rejected' ? describeError(a.reason) : ''}`);
        check(b.status === 'rejected' && isConnectorError(b.reason) && b.reason.code === 'CIRCUIT_OPEN', 'half-open admitted more than one probe');
        await subject.call(connector, {});
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'breaker-reopens',
    title: 'a failed probe re-opens the circuit',
    async run({ server, clock, subject, make }) {
      const connector = make({ retry: { maxAttempts: 1 } });
      try {
        server.use(faults.serverErrors(6, 503));
        for (let i = 0; i < 5; i += 1) await expectError(subject.call(connector, {}));
        clock.advance(60_000);
        const probe = await expectError(subject.call(connector, {}));
        check(isConnectorError(probe) && probe.code === 'SERVER_ERROR', `the probe gave ${describeError(probe)}`);
        const sent = server.requests.length;
        const after = await expectError(subject.call(connector, {}));
        check(isConnectorError(after) && after.code === 'CIRCUIT_OPEN', `after a failed probe the call gave ${describeError(after)}`);
        check(server.requests.length === sent, 'the re-opened circuit sent a request');
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'timeout',
    title: 'a request past timeoutMs fails with TIMEOUT',
    async run({ server, subject, make }) {
      const connector = make({ timeoutMs: 150, retry: { maxAttempts: 1 } });
      try {
        server.use(faults.stall(1_500));
        const error = await expectError(subject.call(connector, {}));
        check(isConnectorError(error) && error.code === 'TIMEOUT', `a stalled response gave ${describeError(error)}`);
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'cancellation',
    title: "a caller's abort gives CANCELLED, even with a timeout configured",
    async run({ server, subject, make }) {
      const connector = make({ timeoutMs: 1_000, retry: { maxAttempts: 1 } });
      try {
        server.use(faults.stall(1_500));
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        const error = await expectError(subject.call(connector, { signal: controller.signal }));
        check(isConnectorError(error) && error.code === 'CANCELLED', `an aborted call gave ${describeError(error)}`);
        const again = await expectError(subject.call(connector, { signal: AbortSignal.timeout(5_000) }));
        check(isConnectorError(again) && again.code === 'TIMEOUT', `with a caller signal, the timeout gave ${describeError(again)}`);
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'typed-errors',
    title: 'non-2xx responses throw typed errors (401 AUTH_FAILED, 500 SERVER_ERROR)',
    async run({ server, subject, make }) {
      const connector = make({ retry: { maxAttempts: 1 } });
      try {
        server.use(faults.status(401, { times: 1 }));
        const auth = await expectError(subject.call(connector, {}));
        check(isConnectorError(auth) && auth.code === 'AUTH_FAILED' && auth.status === 401, `401 gave ${describeError(auth)}`);
        server.use(faults.status(500, { times: 1 }));
        const failed = await expectError(subject.call(connector, {}));
        check(isConnectorError(failed) && failed.code === 'SERVER_ERROR' && failed.status === 500, `500 gave ${describeError(failed)}`);
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'bad-bodies',
    title: 'a truncated JSON body is PARSING_ERROR; a connection dropped mid-body is retried',
    async run({ server, connector, subject }) {
      server.use(faults.truncatedJson({ times: 1 }));
      const error = await expectError(subject.call(connector, {}));
      check(isConnectorError(error) && error.code === 'PARSING_ERROR', `truncated JSON gave ${describeError(error)}`);
      server.resetHandlers();
      server.use(faults.destroyMidBody({ times: 1 }));
      await subject.call(connector, {});
      check(server.requests.length === 2, `a dropped connection was not retried (${server.requests.length} requests)`);
    },
  },
  {
    id: 'secrets-redacted',
    title: 'credentials reach the API but never appear in errors, events or logs',
    async run({ server, subject, make, events, logs }) {
      const secret = subject.secret;
      if (!secret) throw new NotApplicable('the connector has no credentials');
      const connector = make({ retry: { maxAttempts: 2 } });
      try {
        server.use(
          faults.status(500, { times: 1, body: { message: `echo ${secret}` } }),
          faults.status(401, { times: 1, body: { message: `bad key ${secret}` } }),
        );
        const error = await expectError(subject.call(connector, {}));
        const sent = server.requests.some((r) => r.url.href.includes(encodeURIComponent(secret)) || Object.values(r.headers).some((v) => v.includes(secret)));
        check(sent, 'the credential was not sent to the API at all');
        const seen = JSON.stringify({ error, message: (error as Error).message, details: (error as { details?: unknown }).details, events, logs });
        check(!seen.includes(secret), 'the secret appears in the error, an event or a log line');
      } finally {
        await connector.disconnect();
      }
    },
  },
  {
    id: 'pagination-cycle',
    title: 'a repeated pagination cursor stops with an error instead of looping',
    async run({ server, connector, subject }) {
      if (!subject.pagination) throw new NotApplicable('the connector has no paginated resource');
      server.use(...subject.pagination.cycleHandlers);
      const error = await expectError(subject.pagination.call(connector));
      check(isConnectorError(error) && error.details.reason === 'pagination_cycle', `a repeated cursor gave ${describeError(error)}`);
    },
  },
];

function recordingLogger(logs: unknown[]): Logger {
  const write = (level: string) => (obj: Record<string, unknown>, msg?: string) => logs.push({ level, obj, msg });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * Runs every conformance rule against a connector and returns the report (no test framework needed:
 * `cf check` and the MCP server use this; `describeConformance` wraps it in vitest).
 */
export async function runConformance<C extends ConformanceConnector>(
  subject: ConformanceSubject<C>,
  options: { only?: string[] } = {},
): Promise<ConformanceReport> {
  const server = await startMockServer(subject.handlers);
  const results: RuleResult[] = [];
  try {
    for (const rule of CONFORMANCE_RULES) {
      if (options.only && !options.only.includes(rule.id)) continue;
      results.push(await runRule(subject, server, rule));
    }
  } finally {
    await server.close();
  }
  return summarize(subject.name, results);
}

export async function runRule<C extends ConformanceConnector>(
  subject: ConformanceSubject<C>,
  server: MockServer,
  rule: (typeof CONFORMANCE_RULES)[number],
): Promise<RuleResult> {
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
    return { id: rule.id, title: rule.title, status: 'passed' };
  } catch (error) {
    if (error instanceof NotApplicable) return { id: rule.id, title: rule.title, status: 'not-applicable', reason: error.message };
    const reason = error instanceof RuleFailure ? error.message : `unexpected: ${describeError(error)}`;
    return { id: rule.id, title: rule.title, status: 'failed', reason };
  } finally {
    await Promise.allSettled(made.map((c) => c.disconnect()));
  }
}

export function summarize(connector: string, results: RuleResult[]): ConformanceReport {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const applicable = passed + failed;
  return { connector, results, passed, failed, applicable, compliance: applicable === 0 ? 0 : Math.floor((passed / applicable) * 100) };
}
