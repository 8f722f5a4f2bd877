import { describe, expect, it } from 'vitest';
import { DeadlineExceeded, requestUnder, sendWithin, startDeadline } from './deadline.js';
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
    const deadline = startDeadline(60_000, controller.signal);
    await expect(sendWithin(transport, requestUnder(deadline, { url: new URL('http://x'), method: 'GET', headers: {} }), deadline)).rejects.toThrow('gone');
    expect(sent).toBe(0);
  });

  it('settles on abort even if the transport never answers, and frees a response that arrives later', async () => {
    let answer: (r: TransportResponse) => void = () => undefined;
    const transport: Transport = { send: () => new Promise((resolve) => (answer = resolve)), close: async () => undefined };
    const controller = new AbortController();
    const deadline = startDeadline(60_000, controller.signal);
    const pending = sendWithin(transport, requestUnder(deadline, { url: new URL('http://x'), method: 'GET', headers: {} }), deadline);
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
    const deadline = startDeadline(60_000, controller.signal);
    const good: Transport = { send: async () => ok, close: async () => undefined };
    await expect(sendWithin(good, requestUnder(deadline, { url: new URL('http://x'), method: 'GET', headers: {} }), deadline)).resolves.toBe(ok);
    expect(ok.cancelled()).toBe(false);
    const bad: Transport = { send: async () => Promise.reject(new Error('ECONNREFUSED')), close: async () => undefined };
    deadline.dispose();
    await expect(sendWithin(bad, requestUnder(deadline, { url: new URL('http://x'), method: 'GET', headers: {} }), deadline)).rejects.toThrow('ECONNREFUSED');
  });
});

describe('the deadline without a signal (the hot path)', () => {
  it('calls abort listeners once with the reason, at once for a listener added after the abort; removed ones never', () => {
    const caller = new AbortController();
    const deadline = startDeadline(60_000, caller.signal);
    const heard: unknown[] = [];
    const removed = deadline.onAbort(() => heard.push('removed'));
    deadline.onAbort((reason) => heard.push((reason as Error).message));
    removed();
    caller.abort(new Error('stop'));
    caller.signal.dispatchEvent(new Event('abort'));
    deadline.onAbort((reason) => heard.push(`late ${(reason as Error).message}`));
    expect(heard).toEqual(['stop', 'late stop']);
    expect(deadline.aborted).toBe(true);
    deadline.dispose();
  });

  it('builds an AbortSignal only when asked, and it follows the deadline (also when built after the abort)', async () => {
    const deadline = startDeadline(5, undefined);
    const request = requestUnder(deadline, { url: new URL('http://x'), method: 'GET', headers: {} });
    expect((deadline as unknown as { controller?: AbortController }).controller).toBeUndefined();
    const signal = request.signal;
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(signal.reason).toBeInstanceOf(DeadlineExceeded);
    const after = startDeadline(1, undefined);
    await new Promise((resolve) => after.onAbort(resolve));
    expect(after.signal.aborted).toBe(true);
    expect(after.signal.reason).toBeInstanceOf(DeadlineExceeded);
  });
});
