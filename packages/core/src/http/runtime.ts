/** The globals that tell one JavaScript runtime from another. */
export interface RuntimeGlobals {
  process?: { versions?: { node?: string; bun?: string } };
  Deno?: unknown;
  Bun?: unknown;
  navigator?: { userAgent?: string };
  document?: unknown;
  WorkerGlobalScope?: unknown;
  importScripts?: unknown;
}

/** Node itself (not Bun or Deno, which also answer to `process.versions.node`, nor a worker emulating Node). */
export function isNodeRuntime(g: RuntimeGlobals = globalThis): boolean {
  const versions = g.process?.versions;
  return typeof versions?.node === 'string' && versions.bun === undefined && g.Bun === undefined && g.Deno === undefined && g.navigator?.userAgent !== 'Cloudflare-Workers';
}

/**
 * A web page or a browser's worker (dedicated, shared, service), where a cross-origin request with a header outside
 * CORS's safelist is preflighted, and refused unless the API lists the header: not Node, Deno, Bun or an edge
 * worker (workerd has no `document` and no `importScripts`).
 */
export function isBrowserRuntime(g: RuntimeGlobals = globalThis): boolean {
  if (typeof g.document === 'object' && g.document !== null) return true;
  return typeof g.WorkerGlobalScope === 'function' && typeof g.importScripts === 'function';
}
