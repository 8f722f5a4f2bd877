import type { Readable } from 'node:stream';
import type * as Undici_ from 'undici';
import type { Agent } from 'undici';
import type * as Zlib_ from 'node:zlib';
import { toHeaderMap } from './headers.js';
import { BodyTooLargeError, concatBytes } from './read-body.js';
import { responseBody } from './response-body.js';
import type { ResponseBody, Transport, TransportRequest, TransportResponse } from './transport.js';

export interface UndiciTransportOptions {
  /** Sockets per origin. @default 10 */
  connections?: number;
  /** Idle keep-alive time. @default 4000 */
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
}

type Undici = typeof Undici_;
type Zlib = typeof Zlib_;

// Loaded on the first request, not on import: undici alone costs ~80 ms of module loading on a cold start.
let undiciModule: Promise<Undici> | undefined;
let zlibModule: Promise<Zlib> | undefined;
const loadUndici = (): Promise<Undici> => (undiciModule ??= import('undici'));
const loadZlib = (): Promise<Zlib> => (zlibModule ??= import('node:zlib'));

/** Keep-alive pools per origin on undici's Agent (Node). undici is loaded on the first request. */
export class UndiciTransport implements Transport {
  private undici: Undici | undefined;
  private agent: Agent | undefined;
  private closed = false;

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  async send(req: TransportRequest): Promise<TransportResponse> {
    // Loaded once; later requests go straight on (no await of the module on the hot path).
    const undici = (this.undici ??= await loadUndici());
    if (this.closed) throw new Error('The transport was closed.');
    const agent = (this.agent ??= new undici.Agent({
      connections: this.options.connections ?? 10,
      keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 4_000,
      connect: { timeout: this.options.connectTimeoutMs ?? 10_000 },
    }));
    const res = await undici.request(req.url, {
      dispatcher: agent,
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body ?? null,
      signal: req.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const headers = toHeaderMap(res.headers);
    const raw = res.body as unknown as Readable;
    const encoding = headers['content-encoding']?.trim().toLowerCase();
    const decoder = encoding && ENCODINGS.has(encoding) ? await decoderFor(encoding) : undefined;
    return { status: res.statusCode, headers, body: nodeBody(raw, decoder) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent?.close();
  }
}

const ENCODINGS: ReadonlySet<string> = new Set(['gzip', 'x-gzip', 'br', 'deflate']);

async function decoderFor(name: string): Promise<Readable> {
  const zlib = await loadZlib();
  const stream = name === 'br' ? zlib.createBrotliDecompress() : name === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
  return stream;
}

/** A Node stream as a `ResponseBody`, decoded through `decoder` when the answer was compressed. */
export function nodeBody(raw: Readable, decoder?: Readable): ResponseBody {
  let source = raw;
  if (decoder) {
    raw.on('error', (err) => decoder.destroy(err));
    source = raw.pipe(decoder as unknown as NodeJS.WritableStream) as unknown as Readable;
  }
  // The stream's async iterator is built on the first pull only: it registers several listeners, and the
  // common case (a whole JSON body) never iterates (see `readAll`).
  let chunks: AsyncIterator<Uint8Array> | undefined;
  const destroy = (stream: Readable, reason?: unknown): void => {
    stream.on('error', () => undefined);
    if (!stream.destroyed) stream.destroy(reason instanceof Error ? reason : undefined);
  };
  const body = responseBody(
    () => (chunks ??= source[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>).next(),
    (reason) => {
      destroy(raw, reason);
      if (decoder) destroy(decoder, reason);
    },
  );
  // The common case, a whole JSON body: 'data' events, not the stream's async iterator (several promises and
  // listeners per chunk; a tenth of a request's cost in the overhead profile).
  body.readAll = (maxBytes) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const parts: Uint8Array[] = [];
      let total = 0;
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      source.on('data', (chunk: Uint8Array) => {
        total += chunk.byteLength;
        if (total > maxBytes) {
          fail(new BodyTooLargeError(maxBytes));
          body.cancel();
          return;
        }
        parts.push(chunk);
      });
      source.once('end', () => {
        if (settled) return;
        settled = true;
        resolve(concatBytes(parts, total));
      });
      source.once('error', fail);
      source.once('close', () => fail(new Error('The response body was cancelled before it ended.')));
    });
  return body;
}
