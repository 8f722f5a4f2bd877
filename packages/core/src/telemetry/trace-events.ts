import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import type { HttpClient } from '../client/http-client.js';
import type { ConnectorEvents } from '../hooks/events.js';
import { ATTR, serverAttributes, urlTemplate } from './attributes.js';
import type { OtelApi } from './otel-api.js';

interface Operation {
  span: Span;
  /** The caller's context with the operation span set: the parent of every attempt span. */
  context: Context;
  origin: string | undefined;
  template: string | undefined;
  /** The open attempt span, until its retry decision, the next request or the end of the operation. */
  attempt: Span | undefined;
  /** Physical requests sent so far (retries and redirects): `http.request.resend_count` of the next one. */
  sent: number;
  /** Rate-limit waits since the last request: they belong to the next attempt. */
  waitedMs: number;
}

/** What core may add to its events later (the unfilled path template); read when present. */
type MaybeTemplated = { urlTemplate?: string };

/**
 * Turns a client's events into spans: one INTERNAL span per logical operation (operationStart → operationEnd),
 * parented on the caller's active context, and one CLIENT span per physical request under it, following the HTTP
 * client semantic conventions. URLs come from core's events, which carry them redacted.
 */
export function traceEvents(client: HttpClient, api: OtelApi, tracer: Tracer): () => void {
  const operations = new Map<string, Operation>();
  const events = client.events;
  const base = { [ATTR.source]: client.source };

  const endAttempt = (op: Operation): void => {
    op.attempt?.end();
    op.attempt = undefined;
  };

  const onStart = (e: ConnectorEvents['operationStart']): void => {
    const template = urlTemplate(e.url, (e as MaybeTemplated).urlTemplate);
    const attributes: Attributes = {
      ...base,
      [ATTR.requestId]: e.requestId,
      [ATTR.httpMethod]: e.method,
      ...(e.operation !== undefined ? { [ATTR.operation]: e.operation } : {}),
      ...(template !== undefined ? { [ATTR.urlTemplate]: template } : {}),
      ...serverAttributes(e.url),
    };
    const parent = api.context.active();
    const span = tracer.startSpan(e.operation ?? spanName(e.method, template), { kind: api.SpanKind.INTERNAL, attributes }, parent);
    operations.set(e.requestId, { span, context: api.trace.setSpan(parent, span), origin: originOf(e.url), template, attempt: undefined, sent: 0, waitedMs: 0 });
  };

  const onRequest = (e: ConnectorEvents['request']): void => {
    const op = operations.get(e.requestId);
    if (!op) return;
    endAttempt(op); // a redirect: the previous physical request is over
    const attributes: Attributes = {
      ...base,
      [ATTR.requestId]: e.requestId,
      [ATTR.httpMethod]: e.method,
      [ATTR.urlFull]: e.url,
      [ATTR.attempt]: e.attempt,
      ...serverAttributes(e.url),
      ...(op.template !== undefined ? { [ATTR.urlTemplate]: op.template } : {}),
      ...(op.sent > 0 ? { [ATTR.resendCount]: op.sent } : {}),
      ...(op.waitedMs > 0 ? { [ATTR.rateLimitWaitMs]: op.waitedMs } : {}),
    };
    const origin = originOf(e.url);
    const circuit = origin === undefined ? undefined : client.breaker(origin)?.currentState;
    if (circuit !== undefined) attributes[ATTR.circuitState] = circuit;
    op.attempt = tracer.startSpan(spanName(e.method, op.template), { kind: api.SpanKind.CLIENT, attributes }, op.context);
    op.sent += 1;
    op.waitedMs = 0;
  };

  const onResponse = (e: ConnectorEvents['response']): void => {
    const span = operations.get(e.requestId)?.attempt;
    if (!span) return;
    span.setAttribute(ATTR.httpStatus, e.status);
    if (e.status >= 400) {
      span.setAttribute(ATTR.errorType, String(e.status));
      span.setStatus({ code: api.SpanStatusCode.ERROR });
    }
  };

  const onError = (e: ConnectorEvents['error']): void => {
    const op = operations.get(e.requestId);
    if (!op) return;
    if (!op.attempt) {
      // Failed before anything was sent (rate-limit store, an auth refresh): the operation span tells it.
      op.span.addEvent('attempt_failed', { [ATTR.attempt]: e.attempt, [ATTR.errorType]: e.code });
      return;
    }
    op.attempt.setAttribute(ATTR.errorType, e.code);
    op.attempt.setStatus({ code: api.SpanStatusCode.ERROR, message: e.message });
  };

  const onRetry = (e: ConnectorEvents['retry']): void => {
    const op = operations.get(e.requestId);
    if (!op) return;
    const retry = { [ATTR.retryReason]: e.reason, [ATTR.retryDelayMs]: e.delayMs, [ATTR.retryServerDelay]: e.serverDelay };
    op.attempt?.setAttributes(retry);
    op.span.addEvent('retry', { [ATTR.attempt]: e.attempt, ...retry });
    endAttempt(op);
  };

  const onWait = (e: ConnectorEvents['rateLimitWait']): void => {
    const op = e.requestId === undefined ? undefined : operations.get(e.requestId);
    if (!op) return;
    op.waitedMs += e.waitedMs;
    op.span.addEvent('rate_limit_wait', {
      [ATTR.rateLimitWaitMs]: e.waitedMs,
      [ATTR.rateLimitReason]: e.reason,
      ...(e.window !== undefined ? { [ATTR.rateLimitWindow]: e.window } : {}),
    });
  };

  const onBreaker = (e: ConnectorEvents['breakerStateChange']): void => {
    for (const op of operations.values()) {
      if (op.origin === e.key) op.span.addEvent('circuit_state_change', { [ATTR.circuitKey]: e.key, [ATTR.circuitFrom]: e.from, [ATTR.circuitState]: e.to });
    }
  };

  const onEnd = (e: ConnectorEvents['operationEnd']): void => {
    const op = operations.get(e.requestId);
    if (!op) return;
    operations.delete(e.requestId);
    endAttempt(op);
    op.span.setAttributes({ [ATTR.attempts]: e.attempts, [ATTR.rateLimitWaitMs]: e.rateLimitWaitMs });
    if (e.status !== undefined) op.span.setAttribute(ATTR.httpStatus, e.status);
    if (e.errorCode !== undefined) {
      op.span.setAttribute(ATTR.errorType, e.errorCode);
      op.span.setStatus({ code: api.SpanStatusCode.ERROR, message: e.errorCode });
    }
    op.span.end();
  };

  const disposers = [
    events.on('operationStart', onStart),
    events.on('request', onRequest),
    events.on('response', onResponse),
    events.on('error', onError),
    events.on('retry', onRetry),
    events.on('rateLimitWait', onWait),
    events.on('breakerStateChange', onBreaker),
    events.on('operationEnd', onEnd),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    for (const op of operations.values()) {
      endAttempt(op);
      op.span.end();
    }
    operations.clear();
  };
}

/** `{method} {url.template}` when the template is known, else `{method}` (the semantic conventions' span name). */
function spanName(method: string, template: string | undefined): string {
  return template === undefined ? method : `${method} ${template}`;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
