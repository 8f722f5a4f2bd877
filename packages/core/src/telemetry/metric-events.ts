import type { Attributes, Meter } from '@opentelemetry/api';
import type { HttpClient } from '../client/http-client.js';
import { ATTR, serverAttributes } from './attributes.js';

/** Histogram buckets for request durations, in seconds (the HTTP semantic conventions' advice). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Rate-limit waits run from milliseconds to a window's length (seconds to a minute). */
const WAIT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Turns a client's events into metrics. Every attribute is low-cardinality: method, status, server, error code,
 * operation name, retry reason (`CODE (status)`), rate-limit window. Never a URL or an id.
 */
export function metricEvents(client: HttpClient, meter: Meter): () => void {
  const source = { [ATTR.source]: client.source };
  const requests = meter.createCounter('cf.client.requests', { description: 'HTTP requests sent (each attempt and redirect)', unit: '{request}' });
  const duration = meter.createHistogram('http.client.request.duration', {
    description: 'Duration of HTTP client requests, to the response headers',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const inFlight = meter.createUpDownCounter('cf.client.requests.in_flight', { description: 'Requests sent and not yet answered', unit: '{request}' });
  const operations = meter.createHistogram('cf.client.operation.duration', {
    description: 'Duration of logical operations (all attempts, waits and backoff)',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const errors = meter.createCounter('cf.client.errors', { description: 'Operations that failed, by error code', unit: '{operation}' });
  const retries = meter.createCounter('cf.client.retries', { description: 'Retries scheduled, by reason', unit: '{retry}' });
  const waits = meter.createHistogram('cf.client.rate_limit.wait_time', {
    description: 'Time spent waiting on the local rate limiter before sending',
    unit: 's',
    advice: { explicitBucketBoundaries: WAIT_BUCKETS },
  });
  const circuit = meter.createCounter('cf.client.circuit.state_changes', { description: 'Circuit breaker transitions', unit: '{change}' });

  /** Requests sent and not answered, per operation: a failure without a response must still leave in-flight. */
  const awaiting = new Map<string, Attributes>();
  const answered = (requestId: string): void => {
    const attributes = awaiting.get(requestId);
    if (attributes === undefined) return;
    awaiting.delete(requestId);
    inFlight.add(-1, attributes);
  };

  const events = client.events;
  const disposers = [
    events.on('request', (e) => {
      const attributes = { ...source, [ATTR.httpMethod]: e.method, ...serverAttributes(e.url) };
      requests.add(1, attributes);
      answered(e.requestId);
      awaiting.set(e.requestId, attributes);
      inFlight.add(1, attributes);
    }),
    events.on('response', (e) => {
      answered(e.requestId);
      duration.record(e.durationMs / 1000, {
        ...source,
        [ATTR.httpMethod]: e.method,
        [ATTR.httpStatus]: e.status,
        ...serverAttributes(e.url),
        ...(e.status >= 400 ? { [ATTR.errorType]: String(e.status) } : {}),
      });
    }),
    events.on('error', (e) => answered(e.requestId)),
    events.on('retry', (e) => retries.add(1, { ...source, [ATTR.retryReason]: e.reason })),
    events.on('rateLimitWait', (e) =>
      waits.record(e.waitedMs / 1000, { ...source, [ATTR.rateLimitReason]: e.reason, ...(e.window !== undefined ? { [ATTR.rateLimitWindow]: e.window } : {}) }),
    ),
    events.on('breakerStateChange', (e) => circuit.add(1, { ...source, [ATTR.circuitKey]: e.key, [ATTR.circuitFrom]: e.from, [ATTR.circuitState]: e.to })),
    events.on('operationEnd', (e) => {
      answered(e.requestId);
      const attributes = {
        ...source,
        [ATTR.httpMethod]: e.method,
        ...(e.operation !== undefined ? { [ATTR.operation]: e.operation } : {}),
        ...(e.errorCode !== undefined ? { [ATTR.errorType]: e.errorCode } : {}),
      };
      operations.record(e.durationMs / 1000, attributes);
      if (e.errorCode !== undefined) errors.add(1, attributes);
    }),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    for (const attributes of awaiting.values()) inFlight.add(-1, attributes);
    awaiting.clear();
  };
}
