import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** One request as the mock server received it, for asserting what a connector sent. */
export interface RecordedRequest {
  /** The request method. */
  method: string;
  /** The full URL as the server saw it (on the mock origin). */
  url: URL;
  /** The path, without the query. */
  path: string;
  /** The query parameters. */
  query: URLSearchParams;
  /** The request headers, lower-cased (repeated ones joined with ", "). */
  headers: Record<string, string>;
  /** The body as UTF-8 text (empty when there was none). */
  body: string;
  /** The body parsed as JSON when it was JSON. */
  json: unknown;
}

/** A loopback HTTP server answering with MSW handlers (`startMockServer`), recording every request. */
export interface MockServer {
  /** `http://127.0.0.1:<port>`: point a connector's `baseUrl` here (plus the API's path prefix). */
  baseUrl: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** Prepends handlers that take precedence (faults, overrides), until `resetHandlers()`. */
  use(...handlers: RequestHandler[]): void;
  /** Drops handlers added with `use()` and clears the request log. */
  resetHandlers(): void;
  /** Connections currently open to this server (a client that keeps sockets after closing shows here). */
  readonly openConnections: number;
  /** Stops the server, closing open connections. */
  close(): Promise<void>;
}

/**
 * Serves MSW handlers on a real loopback HTTP server, so the real transport, sockets and timeouts are
 * exercised (MSW's own interceptors do not see undici). Handlers are written against any host: requests
 * are matched with the server's own origin, so use relative paths or `*` in handler URLs, or the
 * `mockOrigin` option to match handlers written for the real API host.
 */
export async function startMockServer(
  handlers: RequestHandler[],
  options: { port?: number; mockOrigin?: string } = {},
): Promise<MockServer> {
  let overrides: RequestHandler[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const address = server.address() as AddressInfo;
    const origin = options.mockOrigin ?? `http://127.0.0.1:${address.port}`;
    const url = new URL(req.url ?? '/', origin);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const text = body.toString('utf8');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    requests.push({ method: req.method ?? 'GET', url, path: url.pathname, query: url.searchParams, headers, body: text, json });

    const method = req.method ?? 'GET';
    const request = new Request(url, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' || body.length === 0 ? {} : { body }),
    });
    let response: Response | undefined;
    try {
      response = await getResponse([...overrides, ...handlers], request);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `mock handler threw: ${(error as Error).message}` }));
      return;
    }
    if (!response) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `No mock handler for ${method} ${url.pathname}` }));
      return;
    }
    if (response.type === 'error') {
      // HttpResponse.error(): a network failure.
      req.socket.destroy();
      return;
    }
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = value;
    });
    const setCookie = response.headers.getSetCookie?.();
    if (setCookie && setCookie.length > 0) outHeaders['set-cookie'] = setCookie;
    res.writeHead(response.status, outHeaders);
    if (!response.body) {
      res.end();
      return;
    }
    try {
      for await (const value of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch {
      // A body stream that errors simulates a connection dropped mid-body.
      res.destroy();
      req.socket.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    use: (...extra) => {
      overrides = [...extra, ...overrides];
    },
    get openConnections() {
      return sockets.size;
    },
    resetHandlers: () => {
      overrides = [];
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
