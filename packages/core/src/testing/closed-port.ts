import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on (bound, then closed), for "connection refused" tests. Better than a fixed
 * low port: `fetch` refuses ports 1, 9 and the like itself (its blocked-port list) before any connection.
 */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
