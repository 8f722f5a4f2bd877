import type * as Undici_ from 'undici';
import type { Agent, Dispatcher } from 'undici';
import type * as Zlib_ from 'node:zlib';
import { ChunkQueue, type Flow } from './chunk-queue.js';
import { toHeaderMap } from './headers.js';
import { responseBody } from './response-body.js';
import type { ResponseBody, Transport, TransportRequest, TransportResponse } from './transport.js';

/** Options of `UndiciTransport`: the pool per origin and its timeouts. */
export interface UndiciTransportOptions {
  /** Sockets per origin. @default 10 */
  connections?: number;
  /** Idle keep-alive time. @default 4000 */
  keepAliveTimeoutMs?: number;
  /** Deadline of a TCP + TLS connection, in ms. @default 10000 */
  connectTimeoutMs?: number;
}

type Undici = typeof Undici_;
type Zlib = typeof Zlib_;
interface Modules {
  undici: Undici;
  zlib: Zlib;
}

// Loaded on the first request, not on import: undici alone costs ~80 ms of module loading on a cold start.
let modules: Promise<Modules> | undefined;
const loadModules = (): Promise<Modules> => (modules ??= Promise.all([import('undici'), import('node:zlib')]).then(([undici, zlib]) => ({ undici, zlib })));

/**
 * Keep-alive pools per origin on undici's Agent (Node). undici is loaded on the first request.
 *
 * Requests go to the pool through undici's dispatch interface with a handler of our own (`UndiciExchange`), not
 * through `undici.request`: that builds a Node `Readable`, an async resource and abort-signal listeners per
 * request, which core replaces with what it needs (a chunk queue, abort by callback): most of a request's cost
 * on top of the socket work (docs/benchmarks.md, overhead).
 */
export class UndiciTransport implements Transport {
  private modules: Modules | undefined;
  private agent: Agent | undefined;
  private closed = false;

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  /**
   * Sends one request on the origin's keep-alive pool (loading undici on the first call), returning the status,
   * lower-cased headers and the decoded body as a stream. Fails if the transport was closed.
   */
  async send(req: TransportRequest): Promise<TransportResponse> {
    // Loaded once; later requests go straight on (no await of the modules on the hot path).
    const loaded = (this.modules ??= await loadModules());
    if (this.closed) throw new Error('The transport was closed.');
    const agent = (this.agent ??= new loaded.undici.Agent({
      connections: this.options.connections ?? 10,
      keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 4_000,
      connect: { timeout: this.options.connectTimeoutMs ?? 10_000 },
    }));
    return new Promise<TransportResponse>((resolve, reject) => {
      const exchange = new UndiciExchange(loaded.zlib, resolve, reject);
      exchange.watch(req);
      if (exchange.aborted) return;
      agent.dispatch(
        {
          origin: req.url.origin,
          path: req.url.pathname + req.url.search,
          method: req.method,
          headers: req.headers,
          body: req.body ?? null,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
        },
        exchange,
      );
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent?.close();
  }
}

const NOOP = (): void => undefined;
const ENCODINGS: ReadonlySet<string> = new Set(['gzip', 'x-gzip', 'br', 'deflate']);

/**
 * One request in undici's pool: answers with the status and headers, then feeds the body (decoded when the API
 * compressed it) into a `ChunkQueue` read as a `ResponseBody`. An abort (the deadline, the caller, `cancel`)
 * settles at once, even while the request still waits for a socket, and stops the socket when it has one.
 */
class UndiciExchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private abortedWith: { reason: unknown } | undefined;
  private answered = false;
  private queue: ChunkQueue | undefined;
  private decoder: Zlib_.Gunzip | Zlib_.BrotliDecompress | Zlib_.Inflate | undefined;
  private detach: () => void = NOOP;

  constructor(
    private readonly zlib: Zlib,
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  get aborted(): boolean {
    return this.abortedWith !== undefined;
  }

  /** Follows the request's abort: by callback when core sent it, else through its signal. */
  watch(req: TransportRequest): void {
    const onAbort = (reason: unknown): void => this.abort(reason);
    if (req.onAbort) {
      this.detach = req.onAbort(onAbort);
      return;
    }
    const signal = req.signal;
    if (signal.aborted) return this.abort(signal.reason);
    const listener = (): void => this.abort(signal.reason);
    signal.addEventListener('abort', listener, { once: true });
    this.detach = () => signal.removeEventListener('abort', listener);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortedWith) controller.abort(asError(this.abortedWith.reason));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, rawHeaders: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200 || this.abortedWith) return;
    const headers = toHeaderMap(rawHeaders);
    const encoding = headers['content-encoding']?.trim().toLowerCase();
    let flow: Flow = controller;
    if (encoding && ENCODINGS.has(encoding)) flow = this.decodeWith(encoding, controller);
    this.queue = new ChunkQueue(flow);
    this.answered = true;
    this.resolve({ status: statusCode, headers, body: this.body(this.queue) });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Uint8Array): void {
    if (this.decoder) {
      if (!this.decoder.write(chunk)) {
        controller.pause();
        this.decoder.once('drain', () => controller.resume());
      }
    } else {
      this.queue?.push(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.decoder) {
      this.decoder.end();
      return;
    }
    this.queue?.end();
    this.detach();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(this.abortedWith ? this.abortedWith.reason : error);
  }

  private abort(reason: unknown): void {
    if (this.abortedWith || this.queue?.finished) return;
    this.abortedWith = { reason };
    this.controller?.abort(asError(reason));
    this.fail(reason);
  }

  private fail(error: unknown): void {
    this.detach();
    this.decoder?.destroy();
    if (!this.answered) {
      this.answered = true;
      this.reject(error);
      return;
    }
    this.queue?.fail(error);
  }

  private body(queue: ChunkQueue): ResponseBody {
    return responseBody(
      () => queue.next(),
      (reason) => {
        if (!queue.finished) this.abort(reason ?? new Error('The response body was cancelled before it ended.'));
      },
      (maxBytes) => queue.collect(maxBytes),
    );
  }

  /** Pipes the body through zlib: the queue's flow is the decoder's, and a full decoder pauses the socket. */
  private decodeWith(encoding: string, controller: Dispatcher.DispatchController): Flow {
    const zlib = this.zlib;
    const decoder = encoding === 'br' ? zlib.createBrotliDecompress() : encoding === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
    this.decoder = decoder;
    decoder.on('data', (chunk: Uint8Array) => this.queue?.push(chunk));
    decoder.once('end', () => {
      this.queue?.end();
      this.detach();
    });
    decoder.once('error', (error) => {
      controller.abort(error);
      this.fail(error);
    });
    return { pause: () => decoder.pause(), resume: () => decoder.resume() };
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(typeof reason === 'string' ? reason : 'The request was aborted.');
}
