import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import type { HeaderMap } from './headers.js';
import { toHeaderMap } from './headers.js';

export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
  signal: AbortSignal;
  /** Applied to connect, headers and body phases alike. */
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  headers: HeaderMap;
  body: Readable;
}

/** The one network boundary. Connectors never call undici or fetch themselves. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Waits for open sockets to finish, then closes the pools. */
  close(): Promise<void>;
}

export interface UndiciTransportOptions {
  /** Sockets per origin. @default 10 */
  connections?: number;
  /** Idle keep-alive time. @default 4000 */
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** Keep-alive pools per origin on undici's Agent. */
export class UndiciTransport implements Transport {
  private readonly agent: Agent;

  constructor(options: UndiciTransportOptions = {}) {
    this.agent = new Agent({
      connections: options.connections ?? 10,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
      connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    });
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const res = await request(req.url, {
      dispatcher: this.agent,
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body ?? null,
      signal: req.signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    return { status: res.statusCode, headers: toHeaderMap(res.headers), body: res.body as unknown as Readable };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
