import { describe, expect, it } from 'vitest';
import { DeadlineExceeded, sendWithin, startDeadline } from './deadline.js';
import { bytesBody } from './response-body.js';
import type { Transport, TransportResponse } from './transport.js';

/** A response whose body records whether it was cancelled (freed). */
const response = (): TransportResponse & { cancelled: () => boolean } => {
  let cancelled = false;
  const body = bytesBody(['{}']);
  return { status: 200, headers: {}, body: { [Symbol.asyncIterator]: () => body[Symbol.asyncIterator](), cancel: (r?: unknown) => ((cancelled = true), body.cancel(r)) }, cancelled: () => cancelled };
};

describe('§2/§7 the attempt deadline', () => {
  it('aborts with DeadlineExceeded when the time is up, saying which phase', async () => {
    const deadline = startDeadline(10, undefined);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve));
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceeded);
    expect((deadline.signal.reason as Error).message).toBe('No complete response within 10 ms (timeoutMs).');
    expect(new DeadlineExceeded(50, 'between chunks').message).toBe('No data for 50 ms between chunks of a stream (timeoutMs).');
  });

  it("aborts with the caller's reason, also when the caller had aborted already", () => {
    const caller = new AbortController();
    const deadline = startDeadline(60_000, caller.signal);
    caller.abort(new Error('user stop'));
    expect((deadline.signal.reason as Error).message).toBe('user stop');
    deadline.dispose();
    const early = new AbortController();
    early.abort(new Error('already'));
    const late = startDeadline(60_000, early.signal);
    expect(late.signal.aborted).toBe(true);
    expect((late.signal.reason as Error).message).toBe('already');
    late.dispose();
  });

  it('stopTimer keeps the caller able to abort (a stream); dispose forgets the caller', async () => {
    const caller = new AbortController();
    const streaming = startDeadline(5, caller.signal);
    streaming.stopTimer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streaming.signal.aborted).toBe(false);
    caller.abort(new Error('stop the stream'));
    expect(streaming.signal.aborted).toBe(true);
    const other = new AbortController();
    const done = startDeadline(60_000, other.signal);
    done.dispose();
    other.abort(new Error('too late'));
    expect(done.signal.aborted).toBe(false);
  });
});

describe('sendWithin', () => {
  it('refuses at once when the signal already aborted, sending nothing', async () => {
    let sent = 0;
    const transport: Transport = { send: async () => (sent++, response()), close: async () => undefined };
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(sendWithin(transport, { url: new URL('http://x'), method: 'GET', headers: {}, signal: controller.signal, timeoutMs: 1 }, controller.signal)).rejects.toThrow('gone');
    expect(sent).toBe(0);
  });

  it('settles on abort even if the transport never answers, and frees a response that arrives later', async () => {
    let answer: (r: TransportResponse) => void = () => undefined;
    const transport: Transport = { send: () => new Promise((resolve) => (answer = resolve)), close: async () => undefined };
    const controller = new AbortController();
    const pending = sendWithin(transport, { url: new URL('http://x'), method: 'GET', headers: {}, signal: controller.signal, timeoutMs: 1 }, controller.signal);
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
    const late = response();
    answer(late);
    await new Promise((resolve) => setImmediate(resolve));
    expect(late.cancelled()).toBe(true);
  });

  it('passes a response (and a transport failure) through while the signal holds', async () => {
    const ok = response();
    const controller = new AbortController();
    const good: Transport = { send: async () => ok, close: async () => undefined };
    await expect(sendWithin(good, { url: new URL('http://x'), method: 'GET', headers: {}, signal: controller.signal, timeoutMs: 1 }, controller.signal)).resolves.toBe(ok);
    expect(ok.cancelled()).toBe(false);
    const bad: Transport = { send: async () => Promise.reject(new Error('ECONNREFUSED')), close: async () => undefined };
    await expect(sendWithin(bad, { url: new URL('http://x'), method: 'GET', headers: {}, signal: controller.signal, timeoutMs: 1 }, controller.signal)).rejects.toThrow('ECONNREFUSED');
  });
});
