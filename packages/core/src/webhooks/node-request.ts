/**
 * Node's `http.IncomingMessage` as a web `Request`, without importing `node:*` (structural types: this file is on
 * core's main entry, which must bundle for browsers and workers) and without buffering the body: it streams,
 * pulled chunk by chunk, so the receiver's byte cap stops a large body while it arrives.
 */

/** What the adapter reads of Node's `http.IncomingMessage` (Express's and Fastify's `request.raw` are one). */
export interface NodeIncomingMessage {
  /** The request method. */
  method?: string | undefined;
  /** The request target (path and query), as Node reads it. */
  url?: string | undefined;
  /** The headers, lower-cased by Node (repeated ones as arrays). */
  headers: Record<string, string | string[] | undefined>;
  /** The headers as received, names and values alternating (keeps repeated headers apart). */
  rawHeaders?: string[];
  /** A TLS socket has `encrypted: true`. */
  socket?: unknown;
  /** True once the whole body arrived. */
  complete?: boolean;
  /** True once the body stream ended (all of it was read). */
  readableEnded?: boolean;
  /** Set by a body parser that ran before (Express `express.raw()`: bytes; `express.json()`: an object). */
  body?: unknown;
  /** Set by frameworks that keep the raw bytes beside the parsed body. */
  rawBody?: unknown;
  /** Subscribes to body chunks, the end, or an error of the body stream. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Stops the flow of `data` events (back-pressure). */
  pause(): unknown;
  /** Restarts the flow of `data` events. */
  resume(): unknown;
}

/** How a Node request becomes a web `Request`. */
export interface NodeRequestOptions {
  /** Take the scheme and host from `X-Forwarded-Proto` / `X-Forwarded-Host` (set only behind a proxy you trust). */
  trustProxy?: boolean;
}

/** Thrown when a body parser consumed the body before the receiver: the raw bytes a signature covers are gone. */
export class BodyConsumedError extends Error {
  constructor() {
    super('The request body was already read by a body parser that ran before the webhook receiver (express.json(), a framework JSON parser): mount the receiver before express.json(), or keep the raw bytes (express.raw({ type: "*/*" }) on its route, or req.rawBody).');
    this.name = 'BodyConsumedError';
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function requestUrl(req: NodeIncomingMessage, options: NodeRequestOptions): string {
  const forwardedProto = options.trustProxy ? first(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim() : undefined;
  const forwardedHost = options.trustProxy ? first(req.headers['x-forwarded-host'])?.split(',')[0]?.trim() : undefined;
  const scheme = forwardedProto ?? ((req.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true ? 'https' : 'http');
  const host = forwardedHost ?? first(req.headers.host) ?? first(req.headers[':authority']) ?? 'localhost';
  try {
    return new URL(req.url ?? '/', `${scheme}://${host}`).href;
  } catch {
    return new URL(req.url ?? '/', 'http://localhost').href;
  }
}

function requestHeaders(req: NodeIncomingMessage): Headers {
  const headers = new Headers();
  const add = (name: string, value: string): void => {
    if (name.startsWith(':')) return; // HTTP/2 pseudo-headers
    try {
      headers.append(name, value);
    } catch {
      /* a name or value the web Headers refuse: not one a signature rule reads */
    }
  };
  if (req.rawHeaders) {
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) add(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  } else {
    for (const [name, value] of Object.entries(req.headers)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) add(name, v);
  }
  return headers;
}

/** The body a framework already read, when it kept the bytes; throws when it kept only a parsed object. */
function bufferedBody(req: NodeIncomingMessage): Uint8Array | string | undefined {
  for (const candidate of [req.rawBody, req.body]) {
    if (candidate instanceof Uint8Array || typeof candidate === 'string') return candidate;
  }
  // Someone read the stream to its end and kept no bytes: streaming it now would verify an empty body.
  if (req.readableEnded) throw new BodyConsumedError();
  return undefined;
}

/** Streams the message's body on demand (pull), pausing it under backpressure; cancel drains and discards the rest. */
function bodyStream(req: NodeIncomingMessage): ReadableStream<Uint8Array> {
  let started = false;
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (started) {
          req.resume();
          return;
        }
        started = true;
        req.on('data', (chunk) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        req.on('error', (error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        });
        req.on('close', () => {
          if (settled) return;
          settled = true;
          controller.error(new Error('The connection closed before the request body ended.'));
        });
      },
      cancel() {
        // Discard the rest instead of leaving it unread: the connection can still carry the answer.
        settled = true;
        req.on('data', () => undefined);
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A web `Request` for a Node request: the URL, the headers as sent, and the body as a stream (or the bytes a framework kept). */
export function toWebRequest(req: NodeIncomingMessage, options: NodeRequestOptions = {}): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(req) };
  if (method !== 'GET' && method !== 'HEAD') {
    const buffered = bufferedBody(req);
    if (buffered !== undefined) init.body = typeof buffered === 'string' ? buffered : (buffered as Uint8Array<ArrayBuffer>);
    else {
      init.body = bodyStream(req);
      init.duplex = 'half';
    }
  }
  return new Request(requestUrl(req, options), init);
}
