import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { noAuth, type AuthProvider } from '../auth/auth-provider.js';
import type { ConnectorError } from '../errors/connector-error.js';
import {
  CancelledError,
  ClientClosedError,
  InvalidRequestError,
  NetworkError,
  ParsingError,
  RateLimitError,
  TimeoutError,
} from '../errors/error-classes.js';
import { isConnectorError } from '../errors/guards.js';
import { defaultMessageForStatus, errorForStatus } from '../errors/http-error-factory.js';
import { sanitizeHeaders, type HeaderMap } from '../http/headers.js';
import { BodyTooLargeError, decodedStream, discardBody, parseJson, readBody } from '../http/read-body.js';
import { createRedactor, type Redactor } from '../http/redact.js';
import { cacheLifetimeMs, type ResponseCache } from '../http/response-cache.js';
import { serverRetryDelay } from '../http/retry-after.js';
import { UndiciTransport, type Transport, type TransportResponse } from '../http/transport.js';
import { appendQuery, buildUrl, fillPath, normalizeBaseUrl } from '../http/url.js';
import { EventBus } from '../hooks/events.js';
import { runHooks, type AttemptState, type Hooks } from '../hooks/hooks.js';
import { silentLogger, type Logger } from '../hooks/logger.js';
import { breakerOutcome, CircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerOptions } from '../policies/circuit-breaker.js';
import { ConcurrencyLimiter, DEFAULT_CONCURRENCY } from '../policies/concurrency-limiter.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { DEFAULT_RETRY, decideRetry, isIdempotentMethod, type RetryOptions } from '../policies/retry-policy.js';
import { systemClock, type Clock } from '../time/clock.js';
import { zodToValidationError } from '../validation/parse.js';
import { validateHttpClientOptions, type HttpClientOptions } from './options.js';
import type { ApiResponse, RequestSpec } from './request-types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY = 50 * 1024 * 1024;

interface Prepared {
  method: string;
  url: URL;
  body: string | undefined;
  contentType: string | undefined;
  idempotent: boolean;
}

/** A streamed response: the caller must consume or destroy `body`. */
export interface StreamResponse {
  status: number;
  headers: HeaderMap;
  body: AsyncIterable<Buffer> & { destroy?: () => void };
  requestId: string;
}

/**
 * The one request funnel. Every connector call goes through `request()`, which composes, in this order:
 * concurrency slot → per attempt: circuit breaker → rate limiter → hooks → auth → transport (timeout) →
 * status/body handling → retry decision. Options are validated once here and passed down typed.
 */
export class HttpClient {
  readonly baseUrl: URL;
  readonly source: string;
  readonly events = new EventBus();
  readonly redactor: Redactor;
  readonly clock: Clock;
  readonly rateLimiter: RateLimiter | undefined;
  private readonly options: HttpClientOptions;
  private readonly auth: AuthProvider;
  private readonly retry: RetryOptions | false;
  private readonly breakerOptions: CircuitBreakerOptions | false;
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly concurrency: ConcurrencyLimiter;
  private readonly transport: Transport;
  private readonly logger: Logger;
  private readonly hooks: Hooks;
  private readonly cache: ResponseCache | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(options: HttpClientOptions) {
    this.options = validateHttpClientOptions(options);
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.source = options.source;
    this.clock = options.clock ?? systemClock;
    this.auth = options.auth ?? noAuth;
    this.logger = options.logger ?? silentLogger;
    this.hooks = options.hooks ?? {};
    this.cache = options.cache === false ? undefined : options.cache;
    this.transport = options.transport ?? new UndiciTransport({ connections: options.concurrency?.maxInFlight ?? 10 });
    this.retry = options.retry === false ? false : mergeRetry(DEFAULT_RETRY, options.retry);
    this.breakerOptions = options.circuitBreaker === false ? false : { ...DEFAULT_CIRCUIT_BREAKER, ...options.circuitBreaker };
    this.concurrency = new ConcurrencyLimiter({ ...DEFAULT_CONCURRENCY, ...options.concurrency });
    if (options.rateLimit instanceof RateLimiter) this.rateLimiter = options.rateLimit;
    else if (options.rateLimit) {
      this.rateLimiter = new RateLimiter({
        clock: this.clock,
        ...options.rateLimit,
        ...(options.store ? { store: options.store } : {}),
      });
    }
    if (this.rateLimiter) this.watch(this.rateLimiter);
    this.redactor = createRedactor({
      headers: [...(options.redact?.headers ?? []), ...(this.auth.secretHeaders ?? [])],
      params: [...(options.redact?.params ?? []), ...(this.auth.secretParams ?? [])],
      secrets: this.auth.secrets(),
    });
  }

  private readonly watched = new Map<RateLimiter, () => void>();

  /**
   * Reports a limiter's waits as `rateLimitWait` events (the client's own, and any passed per request).
   * Limiters can outlive the client (shared, or kept across reconnects): `close()` unsubscribes.
   */
  private watch(limiter: RateLimiter): void {
    if (this.watched.has(limiter)) return;
    this.watched.set(limiter, limiter.onWait((wait) => this.events.emit('rateLimitWait', wait)));
  }

  /** The breaker guarding an origin (created on first use). */
  breaker(origin: string = this.baseUrl.origin): CircuitBreaker | undefined {
    if (this.breakerOptions === false) return undefined;
    let breaker = this.breakers.get(origin);
    if (!breaker) {
      breaker = new CircuitBreaker(origin, this.breakerOptions, this.clock);
      breaker.onStateChange((change) => {
        this.events.emit('breakerStateChange', change);
        this.logger.warn({ source: this.source, ...change }, `circuit ${change.from} -> ${change.to}`);
      });
      this.breakers.set(origin, breaker);
    }
    return breaker;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get inFlight(): number {
    return this.concurrency.active;
  }

  /** Drains in-flight requests, then closes the connection pools. Later calls fail with CLIENT_CLOSED. */
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
    const result = await this.execute(spec, false);
    const { response, buffer, requestId, attempts, started, waited, url, fromCache, remember } = result;
    const contentType = response.headers['content-type'];
    const alreadyParsed = 'parsed' in result ? result.parsed : undefined;
    let data: unknown;
    try {
      if (spec.responseType === 'text') data = buffer.toString('utf8');
      // tryParse keeps unparsable text as a string: only an object/array/number... parsed from JSON is reused.
      else if (alreadyParsed !== undefined && typeof alreadyParsed !== 'string') data = alreadyParsed;
      else data = parseJson(buffer, contentType, { source: this.source });
    } catch (error) {
      if (isConnectorError(error)) error.requestId ??= requestId;
      throw error;
    }
    const finalData = this.validate(spec, data, response.status, requestId);
    await remember?.();
    return {
      data: finalData,
      status: response.status,
      headers: response.headers,
      meta: {
        requestId,
        durationMs: this.clock.now() - started,
        attempts,
        rateLimitWaitMs: waited,
        rateLimit: (spec.rateLimiter === false ? undefined : (spec.rateLimiter ?? this.rateLimiter))?.snapshot().remaining ?? {},
        cached: fromCache,
        url: this.redactor.url(url.href),
      },
    };
  }

  /**
   * Like `request`, but hands back the body as a stream of decoded chunks (large downloads, JSON Lines).
   * Retries cover getting the response headers only; the caller must consume or destroy the body.
   */
  async stream(spec: RequestSpec): Promise<StreamResponse> {
    const { response, requestId } = await this.execute(spec, true);
    return {
      status: response.status,
      headers: response.headers,
      body: decodedStream(response.body, response.headers['content-encoding']) as StreamResponse['body'],
      requestId,
    };
  }

  private validate<T>(spec: RequestSpec<T>, data: unknown, status: number, requestId: string): T {
    if (!spec.schema) return data as T;
    const result = spec.schema.safeParse(data);
    if (result.success) return result.data;
    const error = zodToValidationError(result.error, `The ${this.source} API response did not match the expected shape`, this.source, { status });
    error.requestId = requestId;
    throw error;
  }

  private prepare(spec: RequestSpec): Prepared {
    const method = (spec.method ?? 'GET').toUpperCase();
    let url: URL;
    if (spec.url !== undefined) {
      try {
        url = new URL(spec.url, this.baseUrl.href.endsWith('/') ? this.baseUrl.href : `${this.baseUrl.href}/`);
      } catch (cause) {
        throw new InvalidRequestError({ message: `Invalid URL "${this.redactor.url(spec.url)}".`, cause, source: this.source });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new InvalidRequestError({ message: `Refusing a ${url.protocol} URL.`, source: this.source });
      }
      appendQuery(url.searchParams, spec.query ?? {});
    } else {
      url = buildUrl(this.baseUrl, fillPath(spec.path ?? '', spec.params), spec.query ?? {});
    }
    let body: string | undefined;
    let contentType: string | undefined;
    if (spec.form !== undefined) {
      body = new URLSearchParams(spec.form).toString();
      contentType = 'application/x-www-form-urlencoded';
    } else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      contentType = 'application/json';
    }
    const idempotent = spec.idempotent ?? (isIdempotentMethod(method) || spec.idempotencyKey !== undefined);
    return { method, url, body, contentType, idempotent };
  }

  private async executeAttempts(spec: RequestSpec, streaming: boolean, requestId: string, onWait: (ms: number) => void, onAttempt: (n: number) => void) {
    if (this.closed) {
      throw new ClientClosedError({ message: `This ${this.source} client was disconnected; create a new one or call connect().`, source: this.source });
    }
    const started = this.clock.now();
    const prepared = this.prepare(spec);
    const signal = spec.signal;
    const retry = spec.retry === false || this.retry === false ? false : mergeRetry(this.retry, spec.retry);
    const limiter = spec.rateLimiter === false ? undefined : (spec.rateLimiter ?? this.rateLimiter);
    const cacheKey = this.cache && prepared.method === 'GET' && spec.cache !== false && !streaming ? prepared.url.href : undefined;
    const cached = cacheKey !== undefined ? await this.cache?.get(cacheKey) : undefined;
    if (cached && cached.freshUntil > started) {
      return {
        response: { status: cached.status, headers: cached.headers, body: undefined as unknown as Readable },
        buffer: cached.body,
        requestId,
        attempts: 0,
        started,
        waited: 0,
        url: prepared.url,
        fromCache: true,
        remember: undefined,
      };
    }

    let release: (() => void) | undefined;
    try {
      release = await this.concurrency.acquire(signal);
    } catch (reason) {
      throw this.finalize(this.toError(reason, signal, undefined), prepared, requestId, 0, started);
    }
    let attempt = 0;
    let waited = 0;
    let refreshedAuth = false;
    let lastError: ConnectorError | undefined;
    try {
      for (;;) {
        attempt += 1;
        onAttempt(attempt);
        const breaker = this.breaker(prepared.url.origin);
        let permit;
        try {
          permit = breaker?.acquire();
        } catch (open) {
          // The bug we avoid: reporting "circuit open" when this operation's own failures were the real cause.
          if (lastError) throw this.finalize(lastError, prepared, requestId, attempt - 1, started);
          throw this.finalize(open as ConnectorError, prepared, requestId, attempt, started);
        }
        let outcome: 'success' | 'failure' | 'ignore' = 'ignore';
        try {
          let complete = (): void => undefined;
          if (limiter) {
            this.watch(limiter);
            const cost = spec.cost ?? 1;
            const w = await limiter.acquire(cost, signal, requestId).catch((reason: unknown) => {
              throw this.toError(reason, signal, undefined);
            });
            waited += w;
            onWait(w);
            let done = false;
            complete = () => {
              if (!done) limiter.complete(cost);
              done = true;
            };
          }
          const result = await this.attempt(spec, prepared, requestId, attempt, streaming, cached, complete).finally(complete);
          outcome = 'success';
          // Stored by request() only once the body parsed and validated: a bad 200 must never be cached.
          const remember =
            cacheKey !== undefined && !streaming && !result.fromCache ? () => this.store(cacheKey, result.response, result.buffer, spec) : undefined;
          return { ...result, requestId, attempts: attempt, started, waited, url: prepared.url, fromCache: result.fromCache, remember };
        } catch (caught) {
          // Transport, body and abort failures are already ConnectorErrors here; anything else was thrown by
          // user code (a hook, an inspector) and is a bug to surface unchanged, never a retryable network error.
          if (!isConnectorError(caught)) throw caught;
          const error = this.scrub(caught);
          outcome = breakerOutcome(error);
          lastError = error;
          // A 401 with renewable credentials (OAuth) is repeated once, right away.
          if (error.code === 'AUTH_FAILED' && error.status === 401 && !refreshedAuth && this.auth.onUnauthorized) {
            refreshedAuth = true;
            outcome = 'ignore';
            let renewed = false;
            try {
              renewed = await this.auth.onUnauthorized(signal);
            } catch (refreshError) {
              throw this.finalize(this.toError(refreshError, signal, undefined), prepared, requestId, attempt, started);
            }
            for (const secret of this.auth.secrets()) this.redactor.addSecret(secret);
            if (renewed) {
              attempt -= 1;
              continue;
            }
          }
          // A non-retryable 429 (a daily quota) is the caller's to handle: pausing every queued call until
          // midnight would hang them instead of letting each fail with the reset time.
          if (error.code === 'RATE_LIMIT' && error.status === 429 && error.retryable && error.retryAfterMs !== undefined && limiter) {
            // Pause every queued call sharing this limiter, so the queue does not fire into the wall.
            await limiter.pauseUntil(this.clock.now() + error.retryAfterMs);
          }
          const decision = retry
            ? decideRetry({ error, attempt, idempotent: prepared.idempotent, elapsedMs: this.clock.now() - started }, retry)
            : ({ retry: false, reason: 'retries disabled' } as const);
          const state = this.state(spec, prepared, requestId, attempt, { error });
          await runHooks(this.hooks.onError, state);
          this.events.emit('error', { requestId, code: error.code, message: error.message, attempt });
          if (!decision.retry) {
            if ('exceedsMaxRetryAfter' in decision && decision.exceedsMaxRetryAfter) {
              throw this.finalize(
                new RateLimitError({
                  message: `${error.message} The API asked to wait ${Math.ceil((error.retryAfterMs ?? 0) / 1000)} s, longer than maxRetryAfterMs; not retried.`,
                  status: error.status,
                  retryable: false,
                  retryAfterMs: error.retryAfterMs,
                  body: error.body,
                  cause: error,
                  details: error.details,
                }),
                prepared,
                requestId,
                attempt,
                started,
              );
            }
            if (!error.retryable || attempt === 1) throw this.finalize(error, prepared, requestId, attempt, started);
            error.details.retryStopped = decision.reason;
            throw this.finalize(error, prepared, requestId, attempt, started);
          }
          this.events.emit('retry', { requestId, attempt, delayMs: decision.delayMs, reason: decision.reason, serverDelay: decision.serverDelay });
          this.logger.info({ source: this.source, requestId, attempt, delayMs: decision.delayMs, reason: decision.reason }, 'retrying');
          await runHooks(this.hooks.onRetry, { ...state, delayMs: decision.delayMs });
          try {
            await this.clock.sleep(decision.delayMs, signal);
          } catch (reason) {
            throw this.finalize(this.toError(reason, signal, undefined), prepared, requestId, attempt, started);
          }
        } finally {
          permit?.settle(outcome);
        }
      }
    } finally {
      release();
    }
  }

  /** One logical operation: emits operationStart/operationEnd around all its attempts (tracing, metrics). */
  private async execute(spec: RequestSpec, streaming: boolean) {
    const requestId = spec.requestId ?? randomUUID();
    const startedAt = this.clock.now();
    const method = (spec.method ?? 'GET').toUpperCase();
    const traced = this.events.has('operationStart') || this.events.has('operationEnd');
    const base = traced
      ? { requestId, operation: spec.operation, method, url: this.redactor.url(spec.url ?? `${this.baseUrl.href}${spec.path ?? ''}`) }
      : undefined;
    let waited = 0;
    let attempts = 0;
    if (base) this.events.emit('operationStart', { ...base, startedAt });
    try {
      const result = await this.executeAttempts(spec, streaming, requestId, (w) => (waited += w), (n) => (attempts = n));
      if (base) this.events.emit('operationEnd', { ...base, durationMs: this.clock.now() - startedAt, attempts: result.attempts, status: result.response.status, rateLimitWaitMs: waited });
      return result;
    } catch (error) {
      const errorCode = isConnectorError(error) ? error.code : 'UNKNOWN';
      if (base) this.events.emit('operationEnd', { ...base, durationMs: this.clock.now() - startedAt, attempts, errorCode, rateLimitWaitMs: waited });
      throw error;
    }
  }

  private state(spec: RequestSpec, prepared: Prepared, requestId: string, attempt: number, extra: Partial<AttemptState> = {}): AttemptState {
    return {
      requestId,
      operation: spec.operation,
      method: prepared.method,
      url: this.redactor.url(prepared.url.href),
      headers: {},
      attempt,
      ...extra,
    };
  }

  /** One attempt: headers, hooks, auth, send with timeout, redirects, status and body. */
  private async attempt(
    spec: RequestSpec,
    prepared: Prepared,
    requestId: string,
    attempt: number,
    streaming: boolean,
    cached: Awaited<ReturnType<ResponseCache['get']>>,
    /** Marks this attempt's rate-limit units as answered (before quota observations are applied). */
    complete: () => void = () => undefined,
  ): Promise<{ response: TransportResponse; buffer: Buffer; fromCache: boolean; parsed?: unknown }> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? '@cf/core',
      ...lowerKeys(this.options.headers),
    };
    if (this.options.requestIdHeader !== false) headers[(this.options.requestIdHeader ?? 'x-request-id').toLowerCase()] = requestId;
    if (prepared.contentType) headers['content-type'] = prepared.contentType;
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    Object.assign(headers, lowerKeys(spec.headers));
    const state = this.state(spec, prepared, requestId, attempt, { headers });
    await runHooks(this.hooks.beforeRequest, state);

    let url = new URL(prepared.url.href);
    let method = prepared.method;
    let body = prepared.body;
    for (let redirects = 0; ; redirects += 1) {
      const sameOrigin = url.origin === this.baseUrl.origin;
      const outgoing = { headers: { ...state.headers }, query: new URLSearchParams() };
      if (sameOrigin) {
        appendQuery(outgoing.query, this.options.query ?? {});
        await this.auth.apply(outgoing, spec.signal);
      }
      const sendUrl = new URL(url.href);
      for (const [k, v] of outgoing.query) sendUrl.searchParams.append(k, v);
      const sendHeaders = sanitizeHeaders(outgoing.headers);
      // Redacted copies are built only for someone who reads them (events, a real logger): this is the hot path.
      let redacted: string | undefined;
      const redactedUrl = (): string => (redacted ??= this.redactor.url(sendUrl.href));
      if (this.events.has('request')) this.events.emit('request', { requestId, method, url: redactedUrl(), attempt });
      if (this.logger !== silentLogger) this.logger.debug({ source: this.source, requestId, method, url: redactedUrl(), attempt }, 'request');
      const t0 = this.clock.now();
      const response = await this.send(sendUrl, method, sendHeaders, body, spec);
      complete();
      const durationMs = this.clock.now() - t0;
      if (this.events.has('response')) {
        this.events.emit('response', { requestId, method, url: redactedUrl(), status: response.status, attempt, durationMs, headers: this.redactor.headers(response.headers) });
      }

      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.status) && location !== undefined) {
        discardBody(response.body);
        if (redirects >= MAX_REDIRECTS) throw new InvalidRequestError({ message: `More than ${MAX_REDIRECTS} redirects.`, status: response.status });
        const next = new URL(location, url);
        if (next.origin !== this.baseUrl.origin && this.options.foreignRedirects === 'refuse') {
          throw new InvalidRequestError({
            message: `The API redirected to another origin (${next.origin}); not followed so credentials stay with ${this.baseUrl.origin}.`,
            status: response.status,
          });
        }
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }

      if (response.status === 304 && cached) {
        discardBody(response.body);
        await runHooks(this.hooks.afterResponse, { ...state, response: { status: 304, headers: response.headers, durationMs } });
        const merged = { status: cached.status, headers: { ...cached.headers, ...response.headers }, body: response.body };
        return { response: merged, buffer: cached.body, fromCache: true };
      }

      const ok = response.status >= 200 && response.status < 300;
      if (ok && streaming) {
        await runHooks(this.hooks.afterResponse, { ...state, response: { status: response.status, headers: response.headers, durationMs } });
        return { response, buffer: Buffer.alloc(0), fromCache: false };
      }
      const buffer = await this.readBody(response, spec.signal);
      await runHooks(this.hooks.afterResponse, { ...state, response: { status: response.status, headers: response.headers, durationMs } });
      // One JSON.parse per body, shared by quota observation, inspection and the caller.
      let memo: { value: unknown } | undefined;
      const parsedForInspection = (): unknown => (memo ??= { value: tryParse(buffer) }).value;
      if (this.options.observeQuota) {
        const limiter = spec.rateLimiter === false ? undefined : (spec.rateLimiter ?? this.rateLimiter);
        for (const obs of this.options.observeQuota({ status: response.status, headers: response.headers, data: parsedForInspection() })) {
          await limiter?.observe(obs);
        }
      }
      const redactedPath = this.redactor.url(sendUrl.pathname + sendUrl.search);
      if (!ok) throw this.httpError(response, buffer, method, redactedPath);
      if (this.options.inspectResponse) {
        const error = this.options.inspectResponse({ status: response.status, headers: response.headers, data: parsedForInspection(), method, path: redactedPath });
        if (error) throw error;
      }
      return { response, buffer, fromCache: false, parsed: memo?.value };
    }
  }

  private async send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, spec: RequestSpec): Promise<TransportResponse> {
    const timeoutMs = spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new TimeoutMarker(timeoutMs)), timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;
    try {
      return await this.transport.send({ url, method, headers, body, signal, timeoutMs });
    } catch (cause) {
      throw this.toError(cause, spec.signal, timeout.signal, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readBody(response: TransportResponse, signal: AbortSignal | undefined): Promise<Buffer> {
    try {
      return await readBody(response.body, response.headers['content-encoding'], this.options.maxResponseBytes ?? DEFAULT_MAX_BODY);
    } catch (cause) {
      if (cause instanceof BodyTooLargeError) {
        throw new ParsingError({ message: `${cause.message} Raise maxResponseBytes if this is expected.`, cause, status: response.status });
      }
      if (isZlibError(cause)) {
        throw new ParsingError({ message: `The response body could not be decoded (${(cause as Error).message}).`, cause, status: response.status });
      }
      throw this.toError(cause, signal, undefined);
    }
  }

  private httpError(response: TransportResponse, buffer: Buffer, method: string, path: string): ConnectorError {
    const body = tryParse(buffer);
    const retryAfterMs = serverRetryDelay(response.headers, this.clock.now(), this.options.retryAfterHeaders);
    const apiMessage = extractMessage(body);
    const message = apiMessage ? `${defaultMessageForStatus(response.status)} ${this.source} says: ${apiMessage}` : defaultMessageForStatus(response.status);
    const defaultError = errorForStatus(response.status, { message, body, retryAfterMs, source: this.source });
    const mapped = this.options.mapError?.({ status: response.status, headers: response.headers, body, method, path, retryAfterMs, defaultError });
    return mapped ?? defaultError;
  }

  private async store(key: string, response: TransportResponse, buffer: Buffer, spec: RequestSpec): Promise<void> {
    if (!this.cache || response.status !== 200) return;
    const override = spec.cache === false ? undefined : spec.cache?.ttlMs;
    const lifetime = override ?? cacheLifetimeMs(response.headers);
    if (lifetime === undefined) return;
    await this.cache.set(key, {
      status: response.status,
      headers: response.headers,
      body: buffer,
      etag: response.headers.etag,
      freshUntil: this.clock.now() + lifetime,
    });
  }

  /** Any thrown value becomes a ConnectorError, telling a caller's abort (CANCELLED) from our timeout (TIMEOUT). */
  private toError(cause: unknown, callerSignal: AbortSignal | undefined, timeoutSignal: AbortSignal | undefined, timeoutMs?: number): ConnectorError {
    if (isConnectorError(cause)) return cause;
    if (callerSignal?.aborted) {
      return new CancelledError({ message: 'The operation was cancelled by the caller.', cause: callerSignal.reason ?? cause });
    }
    if (timeoutSignal?.aborted || cause instanceof TimeoutMarker) {
      return new TimeoutError({ message: `No complete response within ${timeoutMs ?? '?'} ms (timeoutMs).`, cause });
    }
    const code = (cause as { code?: string } | undefined)?.code;
    const message = (cause as Error | undefined)?.message ?? String(cause);
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new TimeoutError({ message: `The server stopped responding (${code}).`, cause });
    }
    const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT';
    return new NetworkError({ message: `Network error talking to ${this.source}: ${this.redactor.text(message)}`, cause, notSent });
  }

  /** Removes every known secret from an error's message and body (an API may echo a key back). */
  private scrub(error: ConnectorError): ConnectorError {
    error.message = this.redactor.text(error.message);
    (error as { body: unknown }).body = this.redactor.value(error.body);
    return error;
  }

  /** Stamps the correlation id, source and redacted details on an error before it leaves the client. */
  private finalize(error: ConnectorError, prepared: Prepared, requestId: string, attempt: number, started: number): ConnectorError {
    error.requestId ??= requestId;
    (error as { source: string | undefined }).source ??= this.source;
    error.details = {
      ...error.details,
      method: prepared.method,
      path: this.redactor.url(prepared.url.pathname + prepared.url.search),
      attempt,
      durationMs: this.clock.now() - started,
    };
    this.scrub(error);
    this.logger.warn({ source: this.source, requestId, code: error.code, status: error.status, attempt }, error.message);
    return error;
  }
}

class TimeoutMarker extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timeout after ${timeoutMs} ms`);
  }
}

function mergeRetry(base: RetryOptions, override: Partial<RetryOptions> | undefined): RetryOptions {
  if (!override) return base;
  return { ...base, ...override, backoff: { ...base.backoff, ...override.backoff } };
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function tryParse(buffer: Buffer): unknown {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 2000);
  }
}

/** The API's own message from common error body shapes. */
export function extractMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'detail', 'error', 'errors']) {
    const v = b[key];
    if (typeof v === 'string' && v.trim() !== '') return v.slice(0, 300);
  }
  return undefined;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
