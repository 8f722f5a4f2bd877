import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One fake API: answers requests and counts what it refused. */
export interface FakeApi {
  handle(req: IncomingMessage, res: ServerResponse, body: string): void;
  /** Counters exposed at `GET /__stats`. */
  stats(): Record<string, number>;
  /** `POST /__reset`: counters, windows and buckets back to their initial state. */
  reset(): void;
}

/** The message a fake server sends its parent once it listens. */
export interface ListeningMessage {
  port: number;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Serves a fake API on an ephemeral loopback port, prints the port and tells the parent process (when forked).
 * Exits when the parent goes away, so a crashed bench never leaves servers behind.
 */
export function serve(api: FakeApi): void {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const route = (body: string) => {
      if (req.url === '/__stats') return sendJson(res, 200, api.stats());
      if (req.url === '/__reset' && req.method === 'POST') {
        api.reset();
        return sendJson(res, 200, { ok: true });
      }
      api.handle(req, res, body);
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      req.resume();
      route('');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => route(Buffer.concat(chunks).toString('utf8')));
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
    process.send?.({ port } satisfies ListeningMessage);
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

/** A server's configuration: the JSON in its first argument. */
export function readConfig<T>(defaults: T): T {
  const raw = process.argv[2];
  return raw ? { ...defaults, ...(JSON.parse(raw) as Partial<T>) } : defaults;
}
