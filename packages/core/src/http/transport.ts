import type { HeaderMap } from './headers.js';

/** One attempt as a transport sends it: the final URL (credentials applied), method, headers and body. */
export interface TransportRequest {
  /** The absolute URL, query included. */
  url: URL;
  /** The request method. */
  method: string;
  /** The headers to send, credentials included. */
  headers: Record<string, string>;
  /** The body, already encoded (JSON or form text, or bytes). */
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

/** What a transport returns: the status, headers and the body to read. */
export interface TransportResponse {
  /** The HTTP status (any: the client judges it). */
  status: number;
  /** The headers, lower-cased, repeated ones joined with ", ". */
  headers: HeaderMap;
  /** The body, decoded, to read once or cancel. */
  body: ResponseBody;
}

/** The one network boundary. Connectors never call undici or fetch themselves. */
export interface Transport {
  /** Sends one attempt. Rejects on a network failure or an abort; never on an HTTP status. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Waits for open sockets to finish, then closes the pools. */
  close(): Promise<void>;
}
