import { ParsingError } from '../../errors/error-classes.js';
import { runHooks, type AttemptState } from '../../hooks/hooks.js';
import { silentLogger } from '../../hooks/logger.js';
import { requestUnder, sendWithin, startDeadline, type Deadline } from '../../http/deadline.js';
import { GuardedBody } from '../../http/guarded-body.js';
import { sanitizeHeaders } from '../../http/headers.js';
import { headersForOrigin, lowerKeys } from '../../http/outgoing-headers.js';
import { BodyTooLargeError, discardBody, readBody } from '../../http/read-body.js';
import { nextHop, type Hop } from '../../http/redirects.js';
import { isBrowserRuntime } from '../../http/runtime.js';
import type { TransportResponse } from '../../http/transport.js';
import { appendQuery } from '../../http/url.js';
import { attemptState } from '../attempt-state.js';
import type { ClientContext } from '../client-context.js';
import { DEFAULT_HTTP } from '../defaults.js';
import type { Exchange, Operation, Step } from '../operation.js';
import { QuotaAnswer } from '../quota-answer.js';
import { parseLoosely, responseToError } from '../response-to-error.js';
import { lowLevelError, toConnectorError } from '../to-connector-error.js';

/**
 * One attempt on the wire: headers → `beforeRequest` hooks → per hop (redirects): the origin rule, auth, the
 * transport under the attempt's deadline → `afterResponse` hooks → the body, read under the same deadline →
 * quota observation → a non-2xx becomes its error → `inspectResponse`. Every error path frees the body.
 */
export function exchange(ctx: ClientContext): Step {
  const { beforeRequest, afterResponse } = ctx.hooks;
  const defaults = headerDefaults(ctx);
  return async (op) => {
    const headers = requestHeaders(defaults, op);
    // What hooks see of the attempt (the URL redacted): built only when there are hooks to see it.
    const state = beforeRequest || afterResponse ? attemptState(ctx, op, { headers }) : undefined;
    if (state && beforeRequest) await runHooks(beforeRequest, state);
    const deadline = startDeadline(op.spec.timeoutMs ?? ctx.options.timeoutMs ?? DEFAULT_HTTP.timeoutMs, op.signal);
    let streaming = false;
    try {
      let hop: Hop = { url: op.request.url, method: op.request.method, body: op.request.body };
      for (let redirects = 0; ; redirects += 1) {
        const { response, durationMs } = await sendHop(ctx, op, hop, state?.headers ?? headers, deadline, defaults.idHeader);
        let next: Hop | undefined;
        try {
          next = nextHop(hop, response, redirects, {
            apiOrigin: ctx.apiOrigin,
            maxRedirects: DEFAULT_HTTP.maxRedirects,
            foreignRedirects: ctx.options.foreignRedirects ?? 'strip-credentials',
          });
        } catch (error) {
          discardBody(response.body);
          throw error;
        }
        if (next) {
          discardBody(response.body);
          hop = next;
          continue;
        }
        const answered = state && afterResponse ? { ...state, response: { status: response.status, headers: response.headers, durationMs } } : undefined;
        const result = await answer(ctx, op, answered, response, hop.url, deadline);
        if (result.body) {
          streaming = true;
          // A stream's deadline: `timeoutMs` covers the headers, then bounds each silence between chunks; the
          // caller's signal cancels it at any time. The caller's listener goes when the body does.
          result.body.onClose(() => deadline.dispose());
        }
        return result;
      }
    } finally {
      if (streaming) deadline.stopTimer();
      else deadline.dispose();
    }
  };
}

/** The headers every request of this client starts from, and its correlation header: worked out once. */
interface HeaderDefaults {
  base: Record<string, string>;
  idHeader: string | false;
}

function headerDefaults(ctx: ClientContext): HeaderDefaults {
  // In a browser the correlation header and a default User-Agent would make every call a preflighted one, refused
  // by an API whose CORS answer does not list them: there they are sent only when asked for (the id stays on
  // events and errors).
  const browser = isBrowserRuntime();
  const name = ctx.options.requestIdHeader ?? (browser ? false : DEFAULT_HTTP.requestIdHeader);
  const userAgent = ctx.options.userAgent ?? (browser ? undefined : DEFAULT_HTTP.userAgent);
  return {
    base: { accept: 'application/json', ...(userAgent === undefined ? {} : { 'user-agent': userAgent }), ...lowerKeys(ctx.options.headers) },
    idHeader: name === false ? false : name.toLowerCase(),
  };
}

function requestHeaders(defaults: HeaderDefaults, op: Operation): Record<string, string> {
  const headers: Record<string, string> = { ...defaults.base };
  if (defaults.idHeader !== false) headers[defaults.idHeader] = op.requestId;
  if (op.request.contentType) headers['content-type'] = op.request.contentType;
  if (op.spec.idempotencyKey) headers['idempotency-key'] = op.spec.idempotencyKey;
  if (op.cached?.etag) headers['if-none-match'] = op.cached.etag;
  return op.spec.headers ? Object.assign(headers, lowerKeys(op.spec.headers)) : headers;
}

/** One hop: credentials, default headers and default query only to the API's origin; then the transport. */
async function sendHop(ctx: ClientContext, op: Operation, hop: Hop, headers: Record<string, string>, deadline: Deadline, idHeader: string | false) {
  const sameOrigin = (hop.url === op.request.url ? op.request.origin : hop.url.origin) === ctx.apiOrigin;
  const outgoing = { headers: headersForOrigin(headers, sameOrigin, idHeader), query: new URLSearchParams() };
  if (hop.body === undefined) delete outgoing.headers['content-type'];
  if (sameOrigin) {
    appendQuery(outgoing.query, ctx.options.query ?? {});
    try {
      if (ctx.auth.applySync) ctx.auth.applySync(outgoing);
      else await ctx.auth.apply(outgoing, deadline.signal);
    } catch (cause) {
      throw toConnectorError(cause, op.signal, ctx.source, ctx.redactor);
    }
  }
  // A copy of the URL only when auth or default query add to it (query-string keys, `appid`).
  let url = hop.url;
  if (outgoing.query.size !== 0) {
    url = new URL(hop.url.href);
    for (const [k, v] of outgoing.query) url.searchParams.append(k, v);
  }
  const wireHeaders = sanitizeHeaders(outgoing.headers);
  // Redacted copies are built only for someone who reads them (events, a real logger): this is the hot path.
  if (ctx.events.has('request') || ctx.logger !== silentLogger) {
    const redacted = { requestId: op.requestId, method: hop.method, url: ctx.redactor.url(url.href), attempt: op.attempt };
    ctx.events.emit('request', redacted);
    ctx.logger.debug({ source: ctx.source, ...redacted }, 'request');
  }
  const t0 = ctx.clock.now();
  op.sent = true;
  let response: TransportResponse;
  try {
    response = await sendWithin(ctx.transport, requestUnder(deadline, { url, method: hop.method, headers: wireHeaders, body: hop.body }), deadline);
  } catch (cause) {
    throw toConnectorError(cause, op.signal, ctx.source, ctx.redactor);
  }
  const durationMs = ctx.clock.now() - t0;
  op.onAnswer?.();
  if (ctx.events.has('response')) {
    ctx.events.emit('response', {
      requestId: op.requestId, method: hop.method, url: ctx.redactor.url(url.href), status: response.status, attempt: op.attempt, durationMs,
      headers: ctx.redactor.headers(response.headers),
    });
  }
  return { response, durationMs };
}

/** The final hop's response: 304 from cache, a stream, or a body read under the deadline and judged. */
async function answer(ctx: ClientContext, op: Operation, state: AttemptState | undefined, response: TransportResponse, url: URL, deadline: Deadline): Promise<Exchange> {
  const { status, headers } = response;
  const method = op.request.method;
  try {
    if (status === 304 && op.cached) {
      discardBody(response.body);
      if (state) await runHooks(ctx.hooks.afterResponse, state);
      // A 304 carries the quota headers too (GitHub's say it cost nothing): the limiter follows them.
      if (ctx.options.observeQuota) {
        for (const observation of ctx.options.observeQuota({ status, headers, data: undefined, clock: ctx.clock })) await op.limiter?.observe(observation);
      }
      return { status: op.cached.status, headers: { ...op.cached.headers, ...headers }, buffer: op.cached.body, fromCache: true, url };
    }
    const ok = status >= 200 && status < 300;
    if (ok && op.streaming) {
      if (state) await runHooks(ctx.hooks.afterResponse, state);
      const body = new GuardedBody(response.body, deadline.timeoutMs);
      body.mapErrors((cause) => bodyError(ctx, op, cause, status));
      return { status, headers, buffer: new Uint8Array(0), body, fromCache: false, url };
    }
    const buffer = await readWithin(ctx, op, response, deadline);
    if (state) await runHooks(ctx.hooks.afterResponse, state);
    // One JSON.parse per body, shared by quota observation, inspection and the caller; parsed here only when one
    // of them reads it (an observer that looks at the body only on a 429 leaves a 200's body to decode, fresh).
    let parsed: { value: unknown } | undefined;
    const data = (): unknown => (parsed ??= { value: parseLoosely(buffer) }).value;
    if (ctx.options.observeQuota) {
      for (const observation of ctx.options.observeQuota(new QuotaAnswer(status, headers, ctx.clock, data))) await op.limiter?.observe(observation);
    }
    const path = (): string => ctx.redactor.url(url.pathname + url.search);
    if (!ok) throw responseToError(ctx, { status, headers, body: data(), method, path: path() });
    const failure = ctx.options.inspectResponse?.({ status, headers, data: data(), method, path: path(), clock: ctx.clock });
    if (failure) throw failure;
    return { status, headers, buffer, fromCache: false, url, ...(parsed ? { parsed } : {}) };
  } catch (error) {
    discardBody(response.body);
    throw error;
  }
}

async function readWithin(ctx: ClientContext, op: Operation, response: TransportResponse, deadline: Deadline): Promise<Uint8Array> {
  try {
    return await readBody(response.body, ctx.options.maxResponseBytes ?? DEFAULT_HTTP.maxResponseBytes, deadline);
  } catch (cause) {
    throw bodyError(ctx, op, cause, response.status);
  }
}

/** A failure while reading a body: too large or undecodable is PARSING_ERROR; the rest as any transport error. */
function bodyError(ctx: ClientContext, op: Operation, cause: unknown, status: number): unknown {
  if (cause instanceof BodyTooLargeError) {
    return new ParsingError({ message: `${cause.message} Raise maxResponseBytes if this is expected.`, cause, status, source: ctx.source });
  }
  const { code, message } = lowLevelError(cause);
  if (code?.startsWith('Z_')) {
    return new ParsingError({ message: `The response body could not be decoded (${message}).`, cause, status, source: ctx.source });
  }
  return toConnectorError(cause, op.signal, ctx.source, ctx.redactor);
}
