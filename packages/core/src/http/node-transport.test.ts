import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestUnder, startDeadline } from './deadline.js';
import { UndiciTransport } from './node-transport.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import type { TransportRequest } from './transport.js';

/** A loopback server whose routes write as the test needs (slowly, forever, compressed). */
let server: Server;
let base: string;
let written = 0;
const hold: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      // Writes as fast as the client takes it, honouring backpressure; counts what left.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = (): void => {
        while (!res.destroyed && written < 256 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    if (req.url === '/hang') {
      hold.push(res);
      return;
    }
    if (req.url === '/gzip-chunks') {
      const packed = gzipSync(JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ i, name: `item ${i}` })) }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      // Three writes: the decoder sees the body in pieces.
      const third = Math.ceil(packed.length / 3);
      res.write(packed.subarray(0, third));
      setTimeout(() => {
        res.write(packed.subarray(third, 2 * third));
        res.end(packed.subarray(2 * third));
      }, 10);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hold) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, timeoutMs = 10_000, signal?: AbortSignal): { request: TransportRequest; dispose: () => void } => {
  const deadline = startDeadline(timeoutMs, signal);
  return { request: requestUnder(deadline, { url: new URL(path, base), method: 'GET', headers: {} }), dispose: () => deadline.dispose() };
};

describe('UndiciTransport (dispatch handler, chunk queue)', () => {
  it('a body read chunk by chunk pauses the socket while the reader is slow: memory stays bounded', async () => {
    const transport = new UndiciTransport({ connections: 1 });
    const { request, dispose } = get('/endless');
    const response = await transport.send(request);
    const chunks = response.body[Symbol.asyncIterator]();
    await chunks.next();
    written = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Without backpressure the client would take the whole 256 MB off the socket into memory within the pause.
    expect(written).toBeLessThan(32 * 1024 * 1024);
    response.body.cancel();
    dispose();
    await transport.close();
  });

  it('decodes a gzip body that arrives in pieces, whether read whole or chunk by chunk', async () => {
    const transport = new UndiciTransport();
    const whole = get('/gzip-chunks');
    const first = await transport.send(whole.request);
    const json = JSON.parse(new TextDecoder().decode(await readBody(first.body, 10_000_000))) as { items: unknown[] };
    expect(json.items).toHaveLength(2000);
    const pieces = get('/gzip-chunks');
    const second = await transport.send(pieces.request);
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of second.body) text += decoder.decode(chunk, { stream: true });
    expect((JSON.parse(text) as { items: unknown[] }).items).toHaveLength(2000);
    whole.dispose();
    pieces.dispose();
    await transport.close();
  });

  it('an abort settles at once while the request still waits for a socket, and the pool goes on', async () => {
    const transport = new UndiciTransport({ connections: 1 });
    const busy = get('/hang');
    void transport.send(busy.request).catch(() => undefined);
    const caller = new AbortController();
    const queued = get('/ok', 10_000, caller.signal);
    const pending = transport.send(queued.request);
    setTimeout(() => caller.abort(new Error('stop waiting')), 20);
    await expect(pending).rejects.toThrow('stop waiting');
    busy.dispose();
    queued.dispose();
    for (const res of hold.splice(0)) res.end('{}');
    const next = get('/ok');
    const response = await transport.send(next.request);
    expect(response.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(await readBody(response.body, 1000)))).toEqual({ path: '/ok' });
    next.dispose();
    await transport.close();
  });

  it('a body over the cap stops reading with BodyTooLargeError; cancelling mid-body frees the socket for the next request', async () => {
    const transport = new UndiciTransport({ connections: 1 });
    const big = get('/endless');
    const response = await transport.send(big.request);
    await expect(readBody(response.body, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    big.dispose();
    const next = get('/after');
    const after = await transport.send(next.request);
    expect(after.status).toBe(200);
    await readBody(after.body, 1000);
    next.dispose();
    await transport.close();
  });

  it('the deadline aborts a response that never comes with its DeadlineExceeded reason', async () => {
    const transport = new UndiciTransport();
    const slow = get('/hang', 50);
    await expect(transport.send(slow.request)).rejects.toThrow('No complete response within 50 ms');
    slow.dispose();
    for (const res of hold.splice(0)) res.destroy();
    await transport.close();
  });
});
