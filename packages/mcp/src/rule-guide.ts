/**
 * For each conformance rule (core's `CONFORMANCE_RULES`, by id): the core primitive that implements it, and what a
 * connector does to keep it (rules fail when a connector bypasses or misconfigures core, not because it lacks code).
 * Paths are under packages/core/.
 */
export interface RuleGuide {
  /** The core primitive that implements the rule (an option, a class, a step of the request pipeline). */
  primitive: string;
  /** Where it lives, under packages/core/. */
  source: string[];
  /** What a connector does to pass the rule. */
  fix: string;
}

const FORWARD = "build the client in the conformance subject's `create` with `...overrides` (clock, retry, rateLimit: false, timeoutMs, logger) passed to core unchanged";

/**
 * The guide of every conformance rule, by id: what `explain_rule` answers and `check_connector` quotes next to a
 * failure.
 */
export const RULE_GUIDE: Readonly<Record<string, RuleGuide>> = {
  'user-agent': {
    primitive: "HttpClient's `userAgent` option (a user's value is prefixed to the connector's)",
    source: ['src/client/http-client.ts', 'src/connector/base-connector.ts'],
    fix: "Return `userAgent: '@cf/connector-<name>/<version>'` from `httpOptions()` inside `withUserOptions(...)`, and send every request through `this.http.request` (never fetch or undici).",
  },
  'correlation-id': {
    primitive: 'the request funnel: one X-Request-Id per operation, reused across retries and stamped on every ConnectorError (`requestIdHeader`)',
    source: ['src/client/http-client.ts', 'src/errors/connector-error.ts'],
    fix: 'Send every request through `this.http.request`; do not set `requestIdHeader: false`; in `mapError` build errors with core classes (core stamps `requestId`) and do not catch and rethrow errors as new ones.',
  },
  'retry-backoff': {
    primitive: 'RetryPolicy with ExponentialBackoff (1 s × 2^(n-1), capped at 30 s, 50-100 % jitter, 3 attempts)',
    source: ['src/policies/retry-policy.ts', 'src/backoff/exponential-backoff.ts'],
    fix: `Do not write a retry loop or set \`retry: false\` as a default; let 5xx map to core's retryable ServerError (return undefined from \`mapError\` or \`ctx.defaultError\`); ${FORWARD}.`,
  },
  'retry-after': {
    primitive: "RetryPolicy reading Retry-After (parseRetryAfter) and the API's reset headers (`retryAfterHeaders`), without jitter, capped by `maxRetryAfterMs`",
    source: ['src/policies/retry-policy.ts', 'src/http/retry-after.ts'],
    fix: `For 429, return a RateLimitError with \`retryAfterMs: ctx.retryAfterMs\` (or core's default error) from \`mapError\`. If the API says when to come back in its own reset header (an epoch or seconds, e.g. \`x-ratelimit-reset\`), name it in \`retryAfterHeaders\`: core reads those headers on rate-limit answers only (429, or what \`isRateLimited\` declares), so an API that sends them on every response is safe — a 502 is still retried with backoff, not held until the reset. If its rate-limit answer is not a 429, declare it with \`isRateLimited\`, or its reset header is never read; ${FORWARD}.`,
  },
  'no-retry-4xx': {
    primitive: 'the status-to-error factory: 400 INVALID_REQUEST and 404 NOT_FOUND, not retryable',
    source: ['src/errors/http-error-factory.ts', 'src/errors/error-classes.ts'],
    fix: "In `mapError`, return NotFoundError for 404 and a non-retryable class (InvalidRequestError, ValidationError) for other 4xx; never mark a 4xx `retryable: true`; throw, don't return the error body as data.",
  },
  'breaker-ignores-4xx': {
    primitive: 'CircuitBreaker, which counts only retryable failures (network, timeouts, 408, 425, 5xx)',
    source: ['src/policies/circuit-breaker.ts'],
    fix: "Map 4xx responses to non-retryable core errors in `mapError`: a retryable 4xx counts towards opening the breaker.",
  },
  'breaker-cycle': {
    primitive: 'CircuitBreaker: opens after 5 consecutive counted failures, rejects with CIRCUIT_OPEN for 60 s, admits one probe',
    source: ['src/policies/circuit-breaker.ts'],
    fix: `Do not disable \`circuitBreaker\` by default; let 5xx map to ServerError; ${FORWARD} (the suite moves a FakeClock through the 60 s).`,
  },
  'breaker-reopens': {
    primitive: "CircuitBreaker's half-open state: a failed probe re-opens the circuit for another period",
    source: ['src/policies/circuit-breaker.ts'],
    fix: `As for breaker-cycle: keep core's breaker and ${FORWARD}.`,
  },
  timeout: {
    primitive: "HttpClient's per-attempt `timeoutMs` (connect, headers, body) giving TIMEOUT",
    source: ['src/client/http-client.ts', 'src/http/transport.ts'],
    fix: `Every public method takes \`CallOptions\` last and spreads them into the request spec (\`{ ...options, path, ... }\`); ${FORWARD}.`,
  },
  cancellation: {
    primitive: "the funnel's AbortSignal handling: the caller's abort is CANCELLED, the timeout TIMEOUT, waits end on abort",
    source: ['src/client/http-client.ts'],
    fix: "Pass the caller's `CallOptions` (with `signal`) into `this.http.request`, and `options.signal` into `paginate`; do not swallow AbortError or wrap it in another error.",
  },
  'typed-errors': {
    primitive: 'the ConnectorError hierarchy and `mapError` / `inspectResponse` hooks: 401 AUTH_FAILED, 500 SERVER_ERROR',
    source: ['src/errors/error-classes.ts', 'src/errors/http-error-factory.ts', 'src/client/options.ts'],
    fix: "In `mapError`, return AuthError for 401/403 and leave 5xx to core (`ctx.defaultError` or undefined); an API that reports errors with 200 throws through `inspectResponse`.",
  },
  'bad-bodies': {
    primitive: 'the body reader: bad JSON is PARSING_ERROR (not retried); a connection dropped mid-body is a retryable NETWORK_ERROR',
    source: ['src/http/read-body.ts', 'src/client/http-client.ts'],
    fix: "Let core read and parse bodies (default `responseType: 'json'`, a zod `schema`); do not read or parse the body yourself, or catch PARSING_ERROR.",
  },
  'secrets-redacted': {
    primitive: "redaction of every credential an auth provider holds (bearerAuth, apiKeyAuth, basicAuth, oauth2Auth) in errors, events, logs and URLs",
    source: ['src/http/redact.ts', 'src/auth/static-auth.ts', 'src/auth/oauth2-auth.ts'],
    fix: "Give credentials to core only through the `auth` option (never as a default header or query value you build), and never put the token in a message you write in `mapError`; set `secret` in the conformance subject.",
  },
  'pagination-cycle': {
    primitive: "Paginated (`paginate` and the cursor, offset, page and Link strategies): a repeated cursor stops with SERVER_ERROR reason 'pagination_cycle'",
    source: ['src/pagination/paginated.ts', 'src/pagination/strategies.ts'],
    fix: "Build every list on core's `cursorPagination` / `offsetPagination` / `pagePagination` / `linkHeaderPagination` / `paginate`, with `nextCursor` returning the API's cursor; give the conformance subject `pagination: { call, cycleHandlers }`.",
  },
  'declares-operations': {
    primitive: "the metadata schema's `operations` (connectorMetadataSchema) and the kit's walk of the connector's public methods (publicOperations)",
    source: ['src/metadata/connector-metadata.ts', 'src/testing/declaration-rules.ts'],
    fix: "Declare every public method in `src/metadata.ts` `operations` as `resource.method` with its kind (read/write), `idempotent` and shape (single/paginated/stream), and give the conformance subject an `operations` entry with a sample invocation of each against the mocks.",
  },
  'declares-limit-model': {
    primitive: "the metadata schema's `limitModel`: the API's windows, its rate-limit answer and the documentation link",
    source: ['src/metadata/connector-metadata.ts', 'src/testing/declaration-rules.ts'],
    fix: "Declare `limitModel` in `src/metadata.ts` from the API's documentation: `windows` (limit, intervalMs, algorithm, unit), `rateLimitedAnswer` (status, headers, body, retryAfter) and `source`.",
  },
  'declares-streams': {
    primitive: "the metadata schema's `streams`, core's `defineStreams` and `BaseConnector.streams()`",
    source: ['src/metadata/connector-metadata.ts', 'src/streams/stream.ts', 'src/connector/base-connector.ts'],
    fix: 'Declare each list or incremental resource in `metadata.streams` (name, primaryKey, syncMode, cursorField for incremental, operation, params with examples), bind them with `defineStreams(metadata.streams, { name: { schema, read } })` in `src/streams.ts`, and return them from `streams()`; `read` must yield records that match `schema()` and carry the key.',
  },
  'declares-credential': {
    primitive: "the metadata schema's `credential` and core's auth providers (bearerAuth, apiKeyAuth, basicAuth, oauth2Auth)",
    source: ['src/metadata/connector-metadata.ts', 'src/auth/static-auth.ts'],
    fix: "Declare `credential: { in: 'header' | 'query' | 'none', name }` in `src/metadata.ts`, configure the credential through core's `auth` option, and set `secret` in the conformance subject.",
  },
  'limit-burst': {
    primitive: 'RateLimiter with the windows of `httpOptions().rateLimit` (token bucket, sliding or fixed window), completion stamping and quota observation',
    source: ['src/policies/rate-limiter.ts', 'src/store/memory-rate-limit-store.ts', 'src/testing/limit-model.ts'],
    fix: "Configure `rateLimit.windows` in `httpOptions()` to match the declared `limitModel` (same limits, intervals and algorithm); read the API's quota headers with `observeQuota` (`quotaFromHeaders`); declare non-429 rate-limit answers with `isRateLimited`.",
  },
  'op-typed-errors': {
    primitive: 'the pipeline (`src/client/pipeline.ts`): every failure, a stream body included, becomes a ConnectorError through one exit step',
    source: ['src/client/steps/exit-errors.ts', 'src/client/to-connector-error.ts', 'src/http/guarded-body.ts'],
    fix: "Send every request through `this.http.request` or `this.http.stream` (never undici or fetch), read stream bodies through core's body, and parse in the resource only what core handed over; map the API's errors in `mapError`.",
  },
  'op-write-safety': {
    primitive: "the write outcome: a non-idempotent request's error says `writeOutcome: 'may-have-applied'` and is not retryable when it may have committed",
    source: ['src/client/write-outcome.ts', 'src/client/steps/exit-errors.ts', 'src/policies/retry-policy.ts'],
    fix: "Do not mark creates `idempotent: true` unless the API deduplicates them (an idempotency key); do not retry writes yourself; keep core's `writeOutcome` and `retryable` on errors you map.",
  },
  'op-recovers': {
    primitive: 'RetryPolicy: idempotent requests are retried after 5xx and resets, with backoff',
    source: ['src/policies/retry-policy.ts', 'src/client/steps/retry.ts'],
    fix: `Leave retries to core (no \`retry: false\` default); mark idempotent POSTs (searches, GraphQL queries) \`idempotent: true\`; ${FORWARD}.`,
  },
  'op-rate-limits': {
    primitive: "rate-limit answers (429 and the API's own, declared with `isRateLimited`): waited out, neutral for the breaker, safe to resend",
    source: ['src/client/response-to-error.ts', 'src/client/steps/rate-limit.ts', 'src/policies/circuit-breaker.ts'],
    fix: "Declare the API's non-429 rate-limit answer with `isRateLimited` in `httpOptions()` (its reset headers in `retryAfterHeaders` are then read on those answers, and only on rate-limit answers: other failures keep their backoff); in `mapError` keep such answers RATE_LIMIT with `retryAfterMs`. When the answer names its reset in a header (`rateLimitedAnswer.resetHeader` in the metadata), the kit checks the retry waits until then: list that header in `retryAfterHeaders`.",
  },
  'op-timeouts': {
    primitive: "the attempt's deadline (`src/http/deadline.ts`): connect, headers and the whole body; a stream's silences between chunks",
    source: ['src/http/deadline.ts', 'src/client/steps/exchange.ts', 'src/http/guarded-body.ts'],
    fix: `Do not read bodies outside core; pass \`timeoutMs\` through; ${FORWARD}.`,
  },
  'op-secrets': {
    primitive: 'the exit step redacting message, body, details and the cause chain with secrets read live from the auth provider',
    source: ['src/client/redact-error.ts', 'src/http/redact.ts', 'src/client/steps/exit-errors.ts'],
    fix: "Give credentials to core only through `auth`; never put a credential in a message, detail or log you write.",
  },
  'no-handles-after-disconnect': {
    primitive: "BaseConnector.disconnect(): the client drains in-flight calls, closes its transport's pools, and unsubscribes from shared limiters; core's timers are cleared on every path",
    source: ['src/connector/base-connector.ts', 'src/client/http-client.ts', 'src/http/transport.ts'],
    fix: 'Make every request through `this.http` (never the global undici dispatcher); close any extra core client you build (a download client) in `disconnect()`; clear timers you start.',
  },
};
