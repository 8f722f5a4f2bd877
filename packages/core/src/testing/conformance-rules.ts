import { isConnectorError } from '../errors/guards.js';
import { check, describeError, expectError, NotApplicable, requestIdOf, type ConformanceConnector, type RuleContext } from './conformance-support.js';
import { faults } from './faults.js';

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
