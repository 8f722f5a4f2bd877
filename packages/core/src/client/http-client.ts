import { noAuth, type AuthProvider } from '../auth/auth-provider.js';
import { ClientClosedError } from '../errors/error-classes.js';
import { EventBus } from '../hooks/events.js';
import { silentLogger } from '../hooks/logger.js';
import type { GuardedBody } from '../http/guarded-body.js';
import type { HeaderMap } from '../http/headers.js';
import { createRedactor, type Redactor } from '../http/redact.js';
import { defaultTransport } from '../http/default-transport.js';
import type { Transport } from '../http/transport.js';
import { normalizeBaseUrl } from '../http/url.js';
import { BreakerRegistry } from '../policies/breaker-registry.js';
import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreaker } from '../policies/circuit-breaker.js';
import { ConcurrencyLimiter, DEFAULT_CONCURRENCY } from '../policies/concurrency-limiter.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { DEFAULT_RETRY, isIdempotentMethod, type RetryOptions, type RetryOverrides } from '../policies/retry-policy.js';
import { systemClock, type Clock } from '../time/clock.js';
import { validateRequestSpec } from './call-options.js';
import type { ClientContext } from './client-context.js';
import type { Exchange, Operation, Step } from './operation.js';
import { validateHttpClientOptions, type HttpClientOptions } from './options.js';
import { requestPipeline, runPipeline } from './pipeline.js';
import { prepareRequest } from './prepare-request.js';
import type { ApiResponse, RequestSpec } from './request-types.js';
import { finalizeError } from './steps/exit-errors.js';

export { extractMessage } from './response-to-error.js';

/** A streamed response: the caller must consume or `destroy()` `body` (it holds a socket and a concurrency slot). */
export interface StreamResponse {
  /** The HTTP status (2xx: other statuses are thrown as typed errors before the body is streamed). */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /** The body's chunks; call `destroy()` to stop early and release the socket and the concurrency slot. */
  body: AsyncIterable<Uint8Array> & { destroy: () => void };
  /** The call's correlation id. */
  requestId: string;
}

/**
 * The one request funnel. Options are validated once here; every call is validated, then runs through the
 * pipeline of policies (`pipeline.ts`) in the order the specification lists them.
 */
export class HttpClient {
  /** The API's base URL, path prefix included. */
  readonly baseUrl: URL;
  /** The connector's name, reported as `source` on errors and events. */
  readonly source: string;
  /**
   * Request lifecycle events (`request`, `response`, `retry`, `rateLimitWait`, `breakerStateChange`, `error`…);
   * subscribe with `events.on`.
   */
  readonly events = new EventBus();
  /**
   * Hides the configured secret headers and query parameters, and the auth provider's secrets, in URLs, headers and
   * text.
   */
  readonly redactor: Redactor;
  /** The clock every wait and timestamp uses (a FakeClock in tests). */
  readonly clock: Clock;
  /** The client's rate limiter, or undefined with `rateLimit: false`. */
  readonly rateLimiter: RateLimiter | undefined;
  private readonly ctx: ClientContext;
  private readonly transport: Transport;
  private readonly concurrency: ConcurrencyLimiter;
  private readonly breakers: BreakerRegistry | undefined;
  private readonly watched = new Map<RateLimiter, () => void>();
  private readonly steps: readonly Step[];
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(options: HttpClientOptions) {
    const valid = validateHttpClientOptions(options);
    this.baseUrl = normalizeBaseUrl(valid.baseUrl);
    this.source = valid.source;
    this.clock = valid.clock ?? systemClock;
    const auth: AuthProvider = valid.auth ?? noAuth;
    this.transport = valid.transport ?? defaultTransport({ connections: valid.concurrency?.maxInFlight ?? DEFAULT_CONCURRENCY.maxInFlight });
    auth.attach?.({ transport: this.transport, clock: this.clock });
    this.concurrency = new ConcurrencyLimiter({ ...DEFAULT_CONCURRENCY, ...valid.concurrency });
    this.rateLimiter = buildLimiter(valid, this.clock);
    this.redactor = createRedactor({
      headers: [...(valid.redact?.headers ?? []), ...(auth.secretHeaders ?? [])],
      params: [...(valid.redact?.params ?? []), ...(auth.secretParams ?? [])],
      // Read live: a token obtained by a refresh after construction is a secret too.
      secrets: () => auth.secrets(),
    });
    const logger = valid.logger ?? silentLogger;
    this.breakers =
      valid.circuitBreaker === false
        ? undefined
        : new BreakerRegistry({ ...DEFAULT_CIRCUIT_BREAKER, ...valid.circuitBreaker }, this.clock, (breaker) =>
            breaker.onStateChange((change) => {
              this.events.emit('breakerStateChange', change);
              logger.warn({ source: this.source, ...change }, `circuit ${change.from} -> ${change.to}`);
            }),
          );
    this.ctx = {
      source: this.source,
      baseUrl: this.baseUrl,
      apiOrigin: this.baseUrl.origin,
      options: valid,
      clock: this.clock,
      auth,
      redactor: this.redactor,
      transport: this.transport,
      logger,
      hooks: valid.hooks ?? {},
      events: this.events,
      cache: valid.cache === false ? undefined : valid.cache,
      retry: valid.retry === false ? false : mergeRetry(DEFAULT_RETRY, valid.retry),
      concurrency: this.concurrency,
      breakers: this.breakers,
      rateLimiter: this.rateLimiter,
      watch: (limiter) => this.watch(limiter),
    };
    if (this.rateLimiter) this.watch(this.rateLimiter);
    this.steps = requestPipeline(this.ctx);
  }

  /** The breaker guarding an origin (created on first use). */
  breaker(origin: string = this.baseUrl.origin): CircuitBreaker | undefined {
    return this.breakers?.get(origin);
  }

  /** Whether `close()` was called: later calls fail with CLIENT_CLOSED. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Requests holding a concurrency slot now (streams until their bodies end). */
  get inFlight(): number {
    return this.concurrency.active;
  }

  /** Drains in-flight requests (streams until their bodies end), then closes the pools. Later calls fail with CLIENT_CLOSED. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.concurrency.idle().then(async () => {
      for (const dispose of this.watched.values()) dispose();
      this.watched.clear();
      await this.transport.close();
    });
    return this.closing;
  }

  /** Sends one logical operation and returns the parsed, validated response. Any non-2xx throws. */
  async request<T = unknown>(spec: RequestSpec<T>): Promise<ApiResponse<T>> {
    const op = this.start(spec, false);
    const exchange = await runPipeline(this.steps, op);
    return {
      data: exchange.data as T,
      status: exchange.status,
      headers: exchange.headers,
      meta: {
        requestId: op.requestId,
        durationMs: this.clock.now() - op.startedAt,
        attempts: op.attempt,
        rateLimitWaitMs: op.rateLimitWaitMs,
        rateLimit: op.limiter?.snapshot().remaining ?? {},
        cached: exchange.fromCache,
        url: this.redactor.url(exchange.url.href),
      },
    };
  }

  /**
   * Like `request`, but hands back the body as a stream of decoded chunks (large downloads, JSON Lines).
   * Retries cover getting the response headers. `timeoutMs` bounds the headers and then each silence between
   * chunks; the caller's signal cancels the body at any time. Consume or `destroy()` the body.
   */
  async stream(spec: RequestSpec): Promise<StreamResponse> {
    const op = this.start(spec, true);
    const exchange: Exchange = await runPipeline(this.steps, op);
    return { status: exchange.status, headers: exchange.headers, body: exchange.body as GuardedBody, requestId: op.requestId };
  }

  /** Validates the call and builds its operation; a refusal leaves through the same exit as every error. */
  private start(spec: RequestSpec, streaming: boolean): Operation {
    const requestId = typeof spec?.requestId === 'string' && spec.requestId !== '' ? spec.requestId : globalThis.crypto.randomUUID();
    const startedAt = this.clock.now();
    try {
      if (this.closed) {
        throw new ClientClosedError({ message: `This ${this.source} client was disconnected; create a new one or call connect().`, source: this.source });
      }
      const valid = validateRequestSpec(spec, this.source);
      const limiter = valid.rateLimiter === false ? undefined : (valid.rateLimiter ?? this.rateLimiter);
      return {
        spec: valid,
        request: prepareRequest(valid, this.baseUrl, this.redactor, this.source),
        requestId,
        streaming,
        startedAt,
        retry: valid.retry === false || this.ctx.retry === false ? false : mergeRetry(this.ctx.retry, valid.retry),
        limiter,
        signal: valid.signal,
        attempt: 0,
        rateLimitWaitMs: 0,
        sent: false,
        mayHaveApplied: false,
        renewedAuth: false,
        cached: undefined,
        onAnswer: undefined,
      };
    } catch (error) {
      const method = typeof spec?.method === 'string' ? spec.method.toUpperCase() : 'GET';
      const idempotent = spec?.idempotent ?? (isIdempotentMethod(method) || spec?.idempotencyKey !== undefined);
      throw finalizeError(this.ctx, { requestId, startedAt, attempt: 0, mayHaveApplied: false, method, url: undefined, idempotent }, error);
    }
  }

  /**
   * Reports a limiter's waits as `rateLimitWait` events (the client's own, and any passed per request).
   * Limiters can outlive the client (shared, or kept across reconnects): `close()` unsubscribes.
   */
  private watch(limiter: RateLimiter): void {
    if (this.watched.has(limiter)) return;
    this.watched.set(limiter, limiter.onWait((wait) => this.events.emit('rateLimitWait', wait)));
  }
}

function buildLimiter(options: HttpClientOptions, clock: Clock): RateLimiter | undefined {
  if (options.rateLimit instanceof RateLimiter) return options.rateLimit;
  if (!options.rateLimit) return undefined;
  return new RateLimiter({ clock, ...options.rateLimit, ...(options.store ? { store: options.store } : {}) });
}

function mergeRetry(base: RetryOptions, override: RetryOverrides | undefined): RetryOptions {
  if (!override) return base;
  return { ...base, ...override, backoff: { ...base.backoff, ...override.backoff } };
}
