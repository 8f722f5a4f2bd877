import * as otel from '@opentelemetry/api';
import { AggregationTemporality, MeterProvider, MetricReader, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiKeyAuth } from '../auth/static-auth.js';
import { HttpClient } from '../client/http-client.js';
import type { HttpClientOptions } from '../client/options.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { FakeClock } from '../time/fake-clock.js';
import { countRecords } from './count-records.js';
import { instrument, instrumentWith } from './instrument.js';
import { loadOtelApi, tryLoadOtelApi } from './otel-api.js';

const SECRET = 'sk_live_0123456789abcdef';

/** A reader the test collects from on demand. */
class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = tracerProvider.getTracer('test');
let reader: TestReader;
let meter: otel.Meter;

/** Data points of one metric, from a fresh collection. */
async function points(name: string): Promise<DataPoint<number | Histogram>[]> {
  const { resourceMetrics } = await reader.collect();
  const metric = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? []) as DataPoint<number | Histogram>[];
}

const sum = async (name: string): Promise<number> => (await points(name)).reduce((n, p) => n + (typeof p.value === 'number' ? p.value : p.value.count), 0);
const byKind = (kind: otel.SpanKind): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.kind === kind);

describe('instrument(client): OpenTelemetry from core events', () => {
  let server: MockServer;
  let calls = 0;
  beforeAll(async () => {
    server = await startMockServer([
      http.get('*/items/:id', () => {
        calls += 1;
        return calls % 2 === 1 ? HttpResponse.json({ message: 'busy' }, { status: 503, headers: { 'retry-after': '0' } }) : HttpResponse.json({ id: '7' });
      }),
      http.get('*/missing', () => HttpResponse.json({ message: 'no such thing' }, { status: 404 })),
      http.get('*/down', () => HttpResponse.json({ message: 'down' }, { status: 500 })),
      http.get('*/ok', () => HttpResponse.json({ ok: true })),
    ]);
  });
  afterAll(() => server.close());
  afterEach(() => {
    exporter.reset();
    calls = 0;
  });

  function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
    reader = new TestReader();
    meter = new MeterProvider({ readers: [reader] }).getMeter('test');
    return new HttpClient({ baseUrl: `${server.baseUrl}/v1`, source: 'toy', auth: apiKeyAuth({ in: 'query', name: 'api_key', value: SECRET }), ...extra });
  }

  it('a span per operation, a CLIENT child per attempt, with HTTP semantic-convention attributes and no secret', async () => {
    const c = client();
    instrument(c, { tracer, meter });
    const res = await c.request({ path: '/items/{id}', params: { id: '7' }, query: { expand: 'all' }, operation: 'items.get' });
    const [op] = byKind(otel.SpanKind.INTERNAL);
    const attempts = byKind(otel.SpanKind.CLIENT);
    expect(op).toBeDefined();
    expect(op!.name).toBe('items.get');
    expect(op!.attributes).toMatchObject({
      'cf.request_id': res.meta.requestId,
      'cf.operation': 'items.get',
      'cf.source': 'toy',
      'cf.attempts': 2,
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'url.template': '/v1/items/{id}',
      'server.address': '127.0.0.1',
    });
    expect(op!.status.code).toBe(otel.SpanStatusCode.UNSET);
    expect(op!.events.map((e) => e.name)).toEqual(['retry']);

    expect(attempts.map((s) => s.name)).toEqual(['GET /v1/items/{id}', 'GET /v1/items/{id}']);
    for (const span of attempts) expect(span.parentSpanContext?.spanId).toBe(op!.spanContext().spanId);
    const [first, second] = attempts;
    expect(first!.attributes).toMatchObject({
      'http.response.status_code': 503,
      'error.type': 'SERVER_ERROR',
      'cf.attempt': 1,
      'cf.retry.reason': 'SERVER_ERROR (503)',
      'cf.retry.server_delay': true,
      'cf.circuit.state': 'closed',
      'url.full': `${server.baseUrl}/v1/items/7?expand=all&api_key=[REDACTED]`,
    });
    expect(first!.attributes['http.request.resend_count']).toBeUndefined();
    expect(first!.status.code).toBe(otel.SpanStatusCode.ERROR);
    expect(second!.attributes).toMatchObject({ 'http.response.status_code': 200, 'cf.attempt': 2, 'http.request.resend_count': 1, 'cf.request_id': res.meta.requestId });
    expect(second!.status.code).toBe(otel.SpanStatusCode.UNSET);
    expect(server.requests[0]?.query.get('api_key')).toBe(SECRET); // the secret was really sent...
    expect(JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.events, s.status]))).not.toContain(SECRET); // ...and never reported

    expect(await sum('cf.client.requests')).toBe(2);
    expect(await sum('cf.client.retries')).toBe(1);
    expect((await points('cf.client.retries'))[0]?.attributes).toEqual({ 'cf.source': 'toy', 'cf.retry.reason': 'SERVER_ERROR (503)' });
    expect(await sum('http.client.request.duration')).toBe(2);
    expect(await sum('cf.client.requests.in_flight')).toBe(0);
    expect(await sum('cf.client.operation.duration')).toBe(1);
    expect(await points('cf.client.errors')).toEqual([]);
  });

  it('a failed operation: error.type is the error code, on the span and in the errors metric', async () => {
    const c = client();
    instrument(c, { tracer, meter });
    await expect(c.request({ path: '/missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [op] = byKind(otel.SpanKind.INTERNAL);
    expect(op!.name).toBe('GET /v1/missing');
    expect(op!.status).toEqual({ code: otel.SpanStatusCode.ERROR, message: 'NOT_FOUND' });
    expect(op!.attributes['error.type']).toBe('NOT_FOUND');
    expect(byKind(otel.SpanKind.CLIENT)[0]!.attributes).toMatchObject({ 'http.response.status_code': 404, 'error.type': 'NOT_FOUND' });
    expect((await points('cf.client.errors')).map((p) => [p.attributes, p.value])).toEqual([
      [{ 'cf.source': 'toy', 'http.request.method': 'GET', 'error.type': 'NOT_FOUND' }, 1],
    ]);
  });

  it('rate-limit waits: on the attempt that waited, as an operation event, and in the wait-time histogram', async () => {
    const clock = new FakeClock();
    const c = client({ clock, rateLimit: { windows: [{ name: 'second', limit: 1, intervalMs: 1000, burst: 1 }] } });
    instrument(c, { tracer, meter });
    await c.request({ path: '/ok' });
    await c.request({ path: '/ok' });
    const waited = byKind(otel.SpanKind.CLIENT)[1]!;
    expect(waited.attributes['cf.rate_limit.wait_ms']).toBe(1000);
    const op = byKind(otel.SpanKind.INTERNAL)[1]!;
    expect(op.attributes['cf.rate_limit.wait_ms']).toBe(1000);
    expect(op.events[0]).toMatchObject({ name: 'rate_limit_wait', attributes: { 'cf.rate_limit.wait_ms': 1000, 'cf.rate_limit.window': 'second', 'cf.rate_limit.reason': 'quota' } });
    const [wait] = await points('cf.client.rate_limit.wait_time');
    expect(wait?.attributes).toEqual({ 'cf.source': 'toy', 'cf.rate_limit.window': 'second', 'cf.rate_limit.reason': 'quota' });
    expect((wait?.value as Histogram).sum).toBe(1);
  });

  it('circuit breaker: the state on each attempt, transitions counted, a rejected call has no attempt span', async () => {
    const c = client({ retry: false, circuitBreaker: { failureThreshold: 1, openMs: 60_000 } });
    instrument(c, { tracer, meter });
    await expect(c.request({ path: '/down' })).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    await expect(c.request({ path: '/ok' })).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(byKind(otel.SpanKind.CLIENT).map((s) => s.attributes['cf.circuit.state'])).toEqual(['closed']);
    const ops = byKind(otel.SpanKind.INTERNAL);
    expect(ops[0]!.events.map((e) => e.name)).toEqual(['circuit_state_change']);
    expect(ops[1]!.attributes['error.type']).toBe('CIRCUIT_OPEN');
    expect((await points('cf.client.circuit.state_changes')).map((p) => p.attributes['cf.circuit.state'])).toEqual(['open']);
  });

  it('the disposer stops reporting; instrumenting again replaces the first subscription', async () => {
    const c = client();
    const first = instrument(c, { tracer, meter });
    const second = instrument(c, { tracer, meter });
    await c.request({ path: '/ok' });
    expect(byKind(otel.SpanKind.INTERNAL)).toHaveLength(1);
    first();
    second();
    await c.request({ path: '/ok' });
    expect(byKind(otel.SpanKind.INTERNAL)).toHaveLength(1);
  });

  it('uses the global tracer provider when no tracer is given (the lazily loaded API shares its registry)', async () => {
    expect(loadOtelApi()?.trace).toBe(otel.trace);
    otel.trace.setGlobalTracerProvider(tracerProvider);
    try {
      const c = client();
      instrument(c, { metrics: false });
      await c.request({ path: '/ok' });
      expect(byKind(otel.SpanKind.INTERNAL)[0]?.instrumentationScope.name).toBe('@cf/core');
    } finally {
      otel.trace.disable();
    }
  });

  it('with the API but no SDK registered: no-op tracer and meter, nothing recorded, nothing thrown', async () => {
    const c = client();
    instrument(c);
    await expect(c.request({ path: '/ok' })).resolves.toMatchObject({ status: 200 });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('without @opentelemetry/api: subscribes to nothing and changes nothing', async () => {
    expect(tryLoadOtelApi(() => ({ trace: {} }))).toBeUndefined(); // something else under that name
    expect(
      tryLoadOtelApi(() => {
        throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
      }),
    ).toBeUndefined();
    const c = client();
    const on = vi.spyOn(c.events, 'on');
    const dispose = instrumentWith(undefined, c, { tracer, meter });
    expect(on).not.toHaveBeenCalled();
    await expect(c.request({ path: '/ok' })).resolves.toMatchObject({ status: 200 });
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(() => dispose()).not.toThrow();
  });
});

describe('countRecords', () => {
  it('passes records through unchanged and counts them per resource', async () => {
    reader = new TestReader();
    meter = new MeterProvider({ readers: [reader] }).getMeter('test');
    async function* list(): AsyncGenerator<{ id: number }> {
      yield* [{ id: 1 }, { id: 2 }, { id: 3 }];
    }
    const seen: number[] = [];
    for await (const record of countRecords(list(), { resource: 'contacts', source: 'hubspot', meter })) seen.push(record.id);
    expect(seen).toEqual([1, 2, 3]);
    expect((await points('cf.records.yielded')).map((p) => [p.attributes, p.value])).toEqual([[{ 'cf.resource': 'contacts', 'cf.source': 'hubspot' }, 3]]);
  });

  it('with no meter and no SDK, only passes them through', async () => {
    const out: string[] = [];
    for await (const item of countRecords(['a', 'b'], { resource: 'letters' })) out.push(item);
    expect(out).toEqual(['a', 'b']);
  });
});
