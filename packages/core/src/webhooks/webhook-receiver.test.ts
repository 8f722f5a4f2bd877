import { describe, expect, it, vi } from 'vitest';
import { testDelivery, testSource, type TestEvent } from '../../test/fixtures/signed-test-source.js';
import { FakeClock } from '../time/fake-clock.js';
import type { WebhookDedupeStore } from './dedupe-store.js';
import { MemoryWebhookDedupeStore } from './memory-dedupe-store.js';
import type { WebhookDeliveryEvent } from './receiver-events.js';
import type { WebhookReceiverOptions } from './receiver-options.js';
import { WebhookReceiver } from './webhook-receiver.js';

const SECRET = 'whsec-core-test-5f1e0c9a';

interface Harness {
  receiver: WebhookReceiver<TestEvent>;
  calls: TestEvent[][];
  deliveries: WebhookDeliveryEvent[];
  lines: string[];
}

function harness(options: Partial<WebhookReceiverOptions<TestEvent>> = {}): Harness {
  const calls: TestEvent[][] = [];
  const lines: string[] = [];
  const log = (obj: Record<string, unknown>, msg?: string) => void lines.push(JSON.stringify({ obj, msg }));
  const receiver = new WebhookReceiver<TestEvent>({
    source: testSource(SECRET),
    handler: (events) => void calls.push(events),
    logger: { debug: log, info: log, warn: log, error: log },
    ...options,
  });
  const deliveries: WebhookDeliveryEvent[] = [];
  receiver.events.on('delivery', (e) => deliveries.push(e));
  return { receiver, calls, deliveries, lines };
}

const events = (...ids: string[]): TestEvent[] => ids.map((id) => ({ id, kind: 'thing.changed' }));

async function send(receiver: WebhookReceiver<TestEvent>, request: Request | Promise<Request>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await receiver.fetch(await request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** A handler that waits until released, to hold a delivery in flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('WebhookReceiver: refusals (nothing is handled)', () => {
  it('a method other than POST is 405 with Allow: POST', async () => {
    const h = harness();
    const answer = await send(h.receiver, testDelivery({ secret: SECRET, method: 'GET' }));
    expect(answer).toMatchObject({ status: 405, body: { ok: false, outcome: 'rejected', code: 'WEBHOOK_METHOD_NOT_ALLOWED' } });
    expect(answer.headers.get('allow')).toBe('POST');
    expect(h.calls).toEqual([]);
  });

  it('a body over maxBodyBytes is 413, by Content-Length before reading it', async () => {
    const h = harness({ maxBodyBytes: 100 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled += 1, c.enqueue(new Uint8Array(50))) }, { highWaterMark: 0 });
    const request = new Request('https://hooks.example.com/x', { method: 'POST', body: stream, headers: { 'content-length': '5000' }, duplex: 'half' });
    expect(await send(h.receiver, request)).toMatchObject({ status: 413, body: { code: 'WEBHOOK_PAYLOAD_TOO_LARGE' } });
    expect(pulled).toBe(0);
    const streamed = await send(h.receiver, testDelivery({ secret: SECRET, events: events(...Array.from({ length: 20 }, (_, i) => `e${i}`)) }));
    expect(streamed).toMatchObject({ status: 413, body: { outcome: 'rejected', code: 'WEBHOOK_PAYLOAD_TOO_LARGE' } });
    expect(h.calls).toEqual([]);
  });

  it('a missing or wrong signature is 401: nothing parsed, claimed or handled', async () => {
    const store = new MemoryWebhookDedupeStore();
    const claim = vi.spyOn(store, 'claim');
    const source = testSource(SECRET);
    const parse = vi.spyOn(source, 'parse');
    const h = harness({ dedupe: store, source });
    const missing = await testDelivery({ secret: SECRET, events: events('e1') });
    missing.headers.delete('x-test-signature');
    expect(await send(h.receiver, missing)).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: 'another-secret', events: events('e1') }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), headers: { 'x-test-signature': '%%%' } }))).toMatchObject({ status: 401 });
    expect(claim).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
    expect(h.calls).toEqual([]);
    expect(h.deliveries.map((d) => d.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('a tampered body (signed one thing, sent another) is 401', async () => {
    const h = harness();
    const signedBody = JSON.stringify({ events: events('e1') });
    const body = signedBody.replace('thing.changed', 'thing.deleted');
    expect(await send(h.receiver, testDelivery({ secret: SECRET, body, signedBody }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(h.calls).toEqual([]);
  });

  it('a stale timestamp (a replay of a captured delivery) or one far in the future is 401', async () => {
    const clock = new FakeClock(Date.now());
    const h = harness({ clock });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), timestamp: clock.now() - 300_001 }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), timestamp: clock.now() + 300_001 }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), timestamp: clock.now() - 299_000 }))).toMatchObject({ status: 200 });
    expect(h.calls).toHaveLength(1);
  });

  it('malformed JSON or an unexpected shape from an authentic sender is 400; the handler is not called', async () => {
    const h = harness();
    expect(await send(h.receiver, testDelivery({ secret: SECRET, body: '{"events": [' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, body: '{"events": 3}' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, body: '\u00ff' }))).toMatchObject({ status: 400 });
    expect(h.calls).toEqual([]);
    // A source that takes any JSON: malformed JSON alone is the 400.
    const anyJson = harness({ source: { ...testSource(SECRET), parse: (delivery) => (delivery.json(), []) } });
    expect(await send(anyJson.receiver, testDelivery({ secret: SECRET, body: '{"events": [' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(await send(anyJson.receiver, testDelivery({ secret: SECRET, body: '{}' }))).toMatchObject({ status: 200 });
  });
});

describe('WebhookReceiver: dedupe and the at-least-once contract', () => {
  it('a replayed delivery is answered 200 without calling the handler again', async () => {
    const h = harness();
    const first = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1', 'e2') }));
    const replay = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1', 'e2') }));
    expect(first).toMatchObject({ status: 200, body: { ok: true, outcome: 'handled', handled: 2 } });
    expect(replay).toMatchObject({ status: 200, body: { ok: true, outcome: 'duplicate', handled: 0, duplicates: 2 } });
    expect(h.calls).toEqual([events('e1', 'e2')]);
  });

  it('a batch mixing new and seen events hands only the new ones to the handler; an id repeated within it once', async () => {
    const h = harness();
    await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1', 'e2') }));
    const mixed = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e2', 'e3', 'e3', 'e1', 'e4') }));
    expect(mixed).toMatchObject({ status: 200, body: { outcome: 'handled', handled: 2, duplicates: 3 } });
    expect(h.calls[1]).toEqual(events('e3', 'e4'));
  });

  it('a handler that throws answers 500 and releases the claims, so the API retry is handled', async () => {
    let fail = true;
    const calls: string[][] = [];
    const onError = vi.fn();
    const h = harness({
      onError,
      handler: (batch) => {
        calls.push(batch.map((e) => e.id));
        if (fail) throw new Error('database down');
      },
    });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ status: 500, body: { ok: false, outcome: 'failed' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database down' }), expect.objectContaining({ phase: 'handler', mode: 'sync', events: events('e1') }));
    fail = false;
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(calls).toEqual([['e1'], ['e1']]);
  });

  it('concurrent duplicate deliveries call the handler once: the second is 409 while the first runs, 200 after', async () => {
    const hold = gate();
    let runs = 0;
    const h = harness({
      handler: async () => {
        runs += 1;
        await hold.opened;
      },
    });
    const first = send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    await vi.waitFor(() => expect(runs).toBe(1));
    const second = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    expect(second).toMatchObject({ status: 409, body: { ok: false, outcome: 'in-flight', inFlight: 1, handled: 0 } });
    expect(second.headers.get('retry-after')).toBe('60');
    hold.open();
    expect(await first).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(runs).toBe(1);
  });

  it('when the first of two concurrent deliveries fails, the retry after the 409 is handled (nothing lost)', async () => {
    const hold = gate();
    const runs: string[] = [];
    const h = harness({
      handler: async () => {
        runs.push(runs.length === 0 ? 'first' : 'retry');
        if (runs.length === 1) {
          await hold.opened;
          throw new Error('crashed mid-way');
        }
      },
    });
    const first = send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    await vi.waitFor(() => expect(runs).toEqual(['first']));
    expect((await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).status).toBe(409);
    hold.open();
    expect((await first).status).toBe(500);
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(runs).toEqual(['first', 'retry']);
  });

  it('a batch overlapping one in flight: the new events are handled, the answer is 409 so the rest is retried', async () => {
    const hold = gate();
    const calls: string[][] = [];
    const h = harness({
      handler: async (batch) => {
        calls.push(batch.map((e) => e.id));
        if (batch.some((e) => e.id === 'e1')) await hold.opened;
      },
    });
    const first = send(h.receiver, testDelivery({ secret: SECRET, events: events('e1', 'e2') }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const overlapping = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e2', 'e3') }));
    expect(overlapping).toMatchObject({ status: 409, body: { outcome: 'in-flight', handled: 1, inFlight: 1 } });
    hold.open();
    await first;
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e2', 'e3') }))).toMatchObject({ status: 200, body: { outcome: 'duplicate', duplicates: 2 } });
    expect(calls).toEqual([['e1', 'e2'], ['e3']]);
  });

  it('a claim held by a process that died lapses after leaseMs; the next retry is handled', async () => {
    const clock = new FakeClock(Date.now());
    const store = new MemoryWebhookDedupeStore({ clock });
    await store.claim(['test-api:e1'], 'a-process-that-died', 5000);
    const h = harness({ clock, dedupe: store, leaseMs: 5000 });
    expect((await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), timestamp: clock.now() }))).status).toBe(409);
    clock.advance(5000);
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1'), timestamp: clock.now() }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(h.calls).toEqual([events('e1')]);
  });

  it('a dedupe store that fails is 503 (the API retries later) and calls no handler', async () => {
    const broken: WebhookDedupeStore = {
      claim: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')),
      complete: () => Promise.resolve(),
      release: () => Promise.resolve(),
    };
    const onError = vi.fn();
    const h = harness({ dedupe: broken, onError });
    const answer = await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    expect(answer).toMatchObject({ status: 503, body: { outcome: 'unavailable' } });
    expect(answer.headers.get('retry-after')).toBe('10');
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ phase: 'dedupe' }));
    expect(h.calls).toEqual([]);
  });

  it('a store that cannot record completion still answers 200 (the work is done) and logs it', async () => {
    const memory = new MemoryWebhookDedupeStore();
    const h = harness({ dedupe: { claim: (...a) => memory.claim(...a), release: (...a) => memory.release(...a), complete: () => Promise.reject(new Error('READONLY')) } });
    expect((await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).status).toBe(200);
    expect(h.lines.join('\n')).toMatch(/failed to complete/);
  });

  it('dedupe: false hands every delivery to the handler', async () => {
    const h = harness({ dedupe: false });
    await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    expect(h.calls).toHaveLength(2);
  });

  it('an empty batch is 200 and calls no handler', async () => {
    const h = harness();
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: [] }))).toMatchObject({ status: 200, body: { outcome: 'duplicate', handled: 0 } });
    expect(h.calls).toEqual([]);
  });
});

describe('WebhookReceiver: async mode', () => {
  it('answers 200 before the handler finishes; success completes the claims', async () => {
    const hold = gate();
    let finished = false;
    const waited: Promise<unknown>[] = [];
    const h = harness({
      mode: 'async',
      handler: async () => {
        await hold.opened;
        finished = true;
      },
    });
    const answer = await h.receiver.fetch(await testDelivery({ secret: SECRET, events: events('e1') }), { waitUntil: (p) => void waited.push(p) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ outcome: 'accepted', handled: 1 });
    expect(finished).toBe(false);
    expect(waited).toHaveLength(1);
    hold.open();
    await h.receiver.drain();
    expect(finished).toBe(true);
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ body: { outcome: 'duplicate' } });
  });

  it('a background failure goes to onError and the handlerError event, and releases the claims', async () => {
    const onError = vi.fn();
    const h = harness({ mode: 'async', onError, handler: () => Promise.reject(new Error('slow service failed')) });
    const failures: unknown[] = [];
    h.receiver.events.on('handlerError', (e) => failures.push(e));
    expect((await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).status).toBe(200);
    await h.receiver.drain();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'slow service failed' }), expect.objectContaining({ phase: 'handler', mode: 'async' }));
    expect(failures).toEqual([{ source: 'test-api', mode: 'async', events: 1, message: 'Error: slow service failed' }]);
    expect(await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }))).toMatchObject({ body: { outcome: 'accepted' } });
    await h.receiver.drain();
  });
});

describe('WebhookReceiver: secrets, events and options', () => {
  it('the signing secret is in no log line, event, response or onError info, even when a handler error quotes it', async () => {
    const seen: unknown[] = [];
    const h = harness({
      handler: () => {
        throw new Error(`could not use ${SECRET}`);
      },
      onError: (_error, info) => void seen.push(info.phase),
    });
    h.receiver.events.on('handlerError', (e) => seen.push(e));
    const bodies: string[] = [];
    for (const request of [
      testDelivery({ secret: SECRET, events: events('e1') }),
      testDelivery({ secret: 'wrong', events: events('e1') }),
      testDelivery({ secret: SECRET, body: '{oops' }),
      testDelivery({ secret: SECRET, events: events('e1'), timestamp: 1 }),
    ]) {
      const response = await h.receiver.fetch(await request);
      bodies.push(`${response.status} ${[...response.headers].join()} ${await response.text()}`);
    }
    const everything = [...h.lines, ...bodies, JSON.stringify(seen), JSON.stringify(h.deliveries)].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).toContain('[REDACTED]');
    expect(h.lines.length).toBeGreaterThan(3);
  });

  it('emits one delivery event per request with its outcome, counts and code', async () => {
    const h = harness();
    await send(h.receiver, testDelivery({ secret: SECRET, events: events('e1') }));
    await send(h.receiver, testDelivery({ secret: 'nope', events: events('e1') }));
    expect(h.deliveries).toEqual([
      expect.objectContaining({ source: 'test-api', outcome: 'handled', status: 200, events: 1, handled: 1, duplicates: 0, inFlight: 0, durationMs: expect.any(Number) }),
      expect.objectContaining({ outcome: 'rejected', status: 401, events: 0, handled: 0, code: 'WEBHOOK_SIGNATURE_INVALID' }),
    ]);
  });

  it('validates its options at construction, naming the field', () => {
    const source = testSource(SECRET);
    expect(() => new WebhookReceiver({ source, handler: () => undefined, maxBodyBytes: -1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', issues: [expect.objectContaining({ path: 'maxBodyBytes' })] }));
    expect(() => new WebhookReceiver({ source, handler: () => undefined, mode: 'later' as 'async' })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'mode' })] }));
    expect(() => new WebhookReceiver({ source, handler: 'no' as unknown as () => void })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'handler' })] }));
  });

  it('a source that throws an unexpected error is a 500, reported to onError as a receiver failure', async () => {
    const onError = vi.fn();
    const source = { ...testSource(SECRET), parse: () => { throw new TypeError('bug'); } };
    const receiver = new WebhookReceiver({ source, handler: () => undefined, onError });
    expect((await receiver.fetch(await testDelivery({ secret: SECRET, events: events('e1') }))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.any(TypeError), expect.objectContaining({ phase: 'receiver' }));
  });
});
