import { describe, expect, it } from 'vitest';
import { readRawBody } from './raw-body.js';

/** A body that counts what was pulled from it and whether it was cancelled. */
function countingBody(chunk: Uint8Array, chunks: number) {
  const state = { pulled: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent === chunks) return controller.close();
        sent += 1;
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
  return new Request('https://hooks.example.com/x', { method: 'POST', body, headers, duplex: 'half' });
}

describe('readRawBody', () => {
  it('reads the exact bytes sent, up to and including maxBytes', async () => {
    const body = '{"a":"é"}';
    const bytes = await readRawBody(post(body), new TextEncoder().encode(body).byteLength, 'test');
    expect(new TextDecoder().decode(bytes)).toBe(body);
    expect(await readRawBody(new Request('https://x.example/', { method: 'POST' }), 10, 'test')).toEqual(new Uint8Array(0));
  });

  it('a Content-Length over the cap is 413 before a byte of the body is read', async () => {
    const { stream, state } = countingBody(new Uint8Array(1024), 100);
    const error = await readRawBody(post(stream, { 'content-length': String(100 * 1024) }), 1000, 'test').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WEBHOOK_PAYLOAD_TOO_LARGE', status: 413, details: { limitBytes: 1000, contentLength: 102_400 } });
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('a body that streams past the cap (no or a lying Content-Length) is 413 and cancelled at the cap', async () => {
    const { stream, state } = countingBody(new Uint8Array(100), 1_000_000);
    const error = await readRawBody(post(stream), 1000, 'test').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WEBHOOK_PAYLOAD_TOO_LARGE', status: 413 });
    expect(state.pulled).toBeLessThanOrEqual(1100);
    expect(state.cancelled).toBe(true);
    const lying = countingBody(new Uint8Array(100), 1_000_000);
    await expect(readRawBody(post(lying.stream, { 'content-length': '10' }), 1000, 'test')).rejects.toMatchObject({ code: 'WEBHOOK_PAYLOAD_TOO_LARGE' });
  });

  it('a body that fails mid-stream is a 400 WEBHOOK_PAYLOAD_INVALID', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]));
        controller.error(new Error('socket hang up'));
      },
    });
    await expect(readRawBody(post(stream), 1000, 'test')).rejects.toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID', status: 400, details: { reason: 'unreadable' } });
  });
});
