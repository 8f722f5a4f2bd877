import { UndiciTransport } from '#node-transport';
import { FetchTransport } from './fetch-transport.js';
import { isNodeRuntime } from './runtime.js';
import type { Transport } from './transport.js';

export { isNodeRuntime, isBrowserRuntime } from './runtime.js';

/**
 * The transport a client gets when none is given: undici's keep-alive pools on Node (the fastest there, loaded
 * on the first request), the runtime's `fetch` everywhere else (Deno, Bun, browsers, workers).
 */
export function defaultTransport(options: { connections: number }): Transport {
  return isNodeRuntime() ? new UndiciTransport({ connections: options.connections }) : new FetchTransport();
}
