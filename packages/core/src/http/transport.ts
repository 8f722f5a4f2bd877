import type { HeaderMap } from './headers.js';

export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
  /** Aborts when the attempt's deadline passes or the caller aborts. Core builds it on first read (see `onAbort`). */
  readonly signal: AbortSignal;
  /**
   * The same abort as `signal`, by callback, without building an `AbortSignal`: calls `listener` once with the
   * reason (at once if already aborted) and returns a function that removes it. Core's requests carry it; a
   * transport on a hot path prefers it to `signal`.
   */
  onAbort?(listener: (reason: unknown) => void): () => void;
  /** Applied to connect, headers and body phases alike. */
  timeoutMs: number;
}

/**
 * A response body: its bytes **already decoded** (gzip, br and deflate undone by the transport), read once as an
 * async iterable, or given up with `cancel()`. The same shape on every runtime: a Node stream, a web
 * `ReadableStream` or a test's array all become one of these.
 */
export interface ResponseBody extends AsyncIterable<Uint8Array> {
  /**
   * Stops reading and frees the connection. A read in progress, and any later one, fails with `reason` (when
   * given). Safe to call more than once and after the end.
   */
  cancel(reason?: unknown): void;
  /**
   * Optional: reads the whole body at once, faster than iterating where the transport can (Node streams), and
   * fails with `BodyTooLargeError` past `maxBytes` without reading further. `cancel()` still fails it.
   */
  readAll?(maxBytes: number): Promise<Uint8Array>;
}

export interface TransportResponse {
  status: number;
  headers: HeaderMap;
  body: ResponseBody;
}

/** The one network boundary. Connectors never call undici or fetch themselves. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Waits for open sockets to finish, then closes the pools. */
  close(): Promise<void>;
}
