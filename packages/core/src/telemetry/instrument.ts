import type { Meter, Tracer } from '@opentelemetry/api';
import type { HttpClient } from '../client/http-client.js';
import { metricEvents } from './metric-events.js';
import { loadOtelApi, TELEMETRY_SCOPE, type OtelApi } from './otel-api.js';
import { traceEvents } from './trace-events.js';

/** Options of `instrument`: where spans and metrics go, and which to emit. */
export interface InstrumentOptions {
  /** Where spans go. @default the global tracer provider's tracer for `@cf/core` */
  tracer?: Tracer;
  /** Where metrics go. @default the global meter provider's meter for `@cf/core` */
  meter?: Meter;
  /** Emit spans. @default true */
  traces?: boolean;
  /** Emit metrics. @default true */
  metrics?: boolean;
}

const active = new WeakMap<HttpClient, () => void>();

/**
 * Reports a client's operations to OpenTelemetry: a span per logical operation with a CLIENT child span per
 * attempt, and request, error, retry, rate-limit and circuit metrics. It only subscribes to the client's events;
 * nothing in the request path changes. Returns the disposer.
 *
 * Opt-in per client, so a client nobody instruments has no listener and no cost. `@opentelemetry/api` is an
 * optional peer dependency: without it this does nothing and throws nothing; with it but without an SDK, the
 * API's no-op tracer and meter make the work negligible. Instrumenting a client again replaces the first one.
 */
export function instrument(client: HttpClient, options: InstrumentOptions = {}): () => void {
  return instrumentWith(loadOtelApi(), client, options);
}

/** `instrument` with the API module given (undefined: as if it were not installed). */
export function instrumentWith(api: OtelApi | undefined, client: HttpClient, options: InstrumentOptions = {}): () => void {
  active.get(client)?.();
  if (!api) return () => undefined;
  const disposers: Array<() => void> = [];
  if (options.traces !== false) disposers.push(traceEvents(client, api, options.tracer ?? api.trace.getTracer(TELEMETRY_SCOPE)));
  if (options.metrics !== false) disposers.push(metricEvents(client, options.meter ?? api.metrics.getMeter(TELEMETRY_SCOPE)));
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    for (const d of disposers) d();
    if (active.get(client) === dispose) active.delete(client);
  };
  active.set(client, dispose);
  return dispose;
}
