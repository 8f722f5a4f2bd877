import { createServer, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback front for the browser run: it serves the page and its bundles, and forwards every other request to
 * the connector's mock server with the CORS answers a browser needs (the mocks stay as they ship). The page is
 * loaded from `http://localhost:<port>` and calls the API at `http://127.0.0.1:<port>`: another origin, so every
 * call is a real cross-origin fetch (preflights included), as from a web app to an API.
 */
export interface CorsProxy {
  /** The page's origin, `http://localhost:<port>`. */
  pageOrigin: string;
  /** The API's origin for the page, `http://127.0.0.1:<port>`: point the connector's `baseUrl` here. */
  apiOrigin: string;
  /** Where API requests go (the mock server's `baseUrl`), until changed. */
  target: string | undefined;
  /** Serves `body` at `path` (e.g. `/__page/index.html`). */
  serve(path: string, body: string | Uint8Array, contentType: string): void;
  /**
   * The request headers the API's CORS answer allows (lower-case), as a real API lists them in
   * `Access-Control-Allow-Headers`; a preflight asking for any other is answered without it, and the browser then
   * refuses the call. Undefined allows whatever is asked.
   */
  allowHeaders: ReadonlySet<string> | undefined;
  /** Preflights answered, and API requests forwarded, since the last `reset()`. */
  stats: { preflights: number; forwarded: number; origins: Set<string>; preflightedHeaders: Set<string> };
  reset(): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function copyHeaders(headers: IncomingHttpHeaders, drop: Set<string>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !drop.has(name)) out[name] = value;
  return out;
}

export async function startCorsProxy(): Promise<CorsProxy> {
  const files = new Map<string, { body: string | Uint8Array; contentType: string }>();
  const stats = { preflights: 0, forwarded: 0, origins: new Set<string>(), preflightedHeaders: new Set<string>() };
  let target: string | undefined;
  let allowHeaders: ReadonlySet<string> | undefined;

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const file = files.get(path.split('?')[0] ?? path);
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' });
      res.end(file.body);
      return;
    }
    const origin = req.headers.origin;
    if (origin) stats.origins.add(origin);
    const cors: OutgoingHttpHeaders = { 'access-control-allow-origin': origin ?? '*', vary: 'Origin' };
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      stats.preflights += 1;
      const asked = (req.headers['access-control-request-headers'] ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
      for (const name of asked) stats.preflightedHeaders.add(name);
      const allowed = allowHeaders ? asked.filter((name) => allowHeaders!.has(name)) : asked;
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': req.headers['access-control-request-method'],
        'access-control-allow-headers': allowed.join(', '),
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }
    if (!target) {
      res.writeHead(502, { ...cors, 'content-type': 'text/plain' });
      res.end('no target');
      return;
    }
    stats.forwarded += 1;
    const to = new URL(target);
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path, headers: { ...copyHeaders(req.headers, HOP_BY_HOP), host: to.host } },
      (answer) => {
        // Fetch only shows a cross-origin response's safelisted headers unless told: quota headers must reach core.
        res.writeHead(answer.statusCode ?? 502, { ...copyHeaders(answer.headers, HOP_BY_HOP), ...cors, 'access-control-expose-headers': '*' });
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    pageOrigin: `http://localhost:${port}`,
    apiOrigin: `http://127.0.0.1:${port}`,
    get target() {
      return target;
    },
    set target(url: string | undefined) {
      target = url;
    },
    get allowHeaders() {
      return allowHeaders;
    },
    set allowHeaders(names: ReadonlySet<string> | undefined) {
      allowHeaders = names;
    },
    serve: (path, body, contentType) => void files.set(path, { body, contentType }),
    stats,
    reset: () => {
      stats.preflights = 0;
      stats.forwarded = 0;
      stats.origins.clear();
      stats.preflightedHeaders.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
