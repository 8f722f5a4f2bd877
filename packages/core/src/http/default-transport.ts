import { UndiciTransport } from '#node-transport';
import { FetchTransport } from './fetch-transport.js';
import type { Transport } from './transport.js';

interface RuntimeGlobals {
  process?: { versions?: { node?: string; bun?: string } };
  Deno?: unknown;
  Bun?: unknown;
  navigator?: { userAgent?: string };
}

/** Node itself (not Bun or Deno, which also answer to `process.versions.node`, nor a worker emulating Node). */
export function isNodeRuntime(g: RuntimeGlobals = globalThis): boolean {
  const versions = g.process?.versions;
  return typeof versions?.node === 'string' && versions.bun === undefined && g.Bun === undefined && g.Deno === undefined && g.navigator?.userAgent !== 'Cloudflare-Workers';
}

/**
 * The transport a client gets when none is given: undici's keep-alive pools on Node (the fastest there, loaded
 * on the first request), the runtime's `fetch` everywhere else (Deno, Bun, browsers, workers).
 */
export function defaultTransport(options: { connections: number }): Transport {
  return isNodeRuntime() ? new UndiciTransport({ connections: options.connections }) : new FetchTransport();
}
