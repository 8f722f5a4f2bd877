import { describe, expect, it } from 'vitest';
import { bytesBody, webStreamBody } from './response-body.js';

const text = (chunks: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(chunks));

describe('§14 one ResponseBody on every runtime', () => {
  it('a web stream reads to the end as Uint8Array chunks', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"a":'));
        c.enqueue(new TextEncoder().encode('1}'));
        c.close();
      },
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of webStreamBody(stream)) chunks.push(chunk);
    expect(text(chunks)).toBe('{"a":1}');
  });

  it('cancel(reason) fails a read in progress with the reason and frees the source (web stream)', async () => {
    let cancelledWith: unknown;
    const stream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined), cancel: (r) => void (cancelledWith = r) });
    const body = webStreamBody(stream);
    const reading = body[Symbol.asyncIterator]().next();
    const reason = new Error('deadline');
    body.cancel(reason);
    await expect(reading).rejects.toBe(reason);
    expect(cancelledWith).toBe(reason);
  });

  it('cancel() without a reason just ends it; a second cancel is harmless', async () => {
    const body = bytesBody(['a', 'b']);
    body.cancel();
    body.cancel(new Error('late'));
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });

  it('stopping a for-await early cancels the source', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => c.enqueue(new Uint8Array([1])),
      cancel: () => void (cancelled = true),
    });
    for await (const chunk of webStreamBody(stream)) {
      expect(chunk).toEqual(new Uint8Array([1]));
      break;
    }
    expect(cancelled).toBe(true);
  });
});
