import { createRequire } from 'node:module';
import type * as OtelApiModule from '@opentelemetry/api';

/** The `@opentelemetry/api` module (a type only: the module itself is loaded lazily, when present). */
export type OtelApi = typeof OtelApiModule;

/** The instrumentation scope name of core's spans and metrics. */
export const TELEMETRY_SCOPE = '@cf/core';

type RequireFn = (id: string) => unknown;

let cached: { api: OtelApi | undefined } | undefined;

/**
 * `@opentelemetry/api` when the application has it installed, else undefined: it is an optional peer dependency,
 * so core never requires it. Looked up once per process. The API keeps its global state (the registered tracer
 * and meter providers) under a versioned global symbol, so the copy found here is the one the SDK registered with.
 */
export function loadOtelApi(): OtelApi | undefined {
  cached ??= { api: tryLoadOtelApi(createRequire(moduleLocation())) };
  return cached.api;
}

/**
 * This file's location, for resolving the peer from where core is installed: `__filename` in the CommonJS build,
 * `import.meta.url` in the ESM one. (Not a bare `require`: bundlers turn it into a shim that throws in ESM.)
 */
function moduleLocation(): string {
  return typeof __filename === 'string' ? __filename : import.meta.url;
}

/** Loads the API through `requireFn`; undefined when it is missing or is not the API. */
export function tryLoadOtelApi(requireFn: RequireFn): OtelApi | undefined {
  try {
    const loaded = requireFn('@opentelemetry/api');
    return isOtelApi(loaded) ? loaded : undefined;
  } catch {
    return undefined;
  }
}

function isOtelApi(value: unknown): value is OtelApi {
  const api = value as Partial<OtelApi> | undefined;
  return typeof api?.trace?.getTracer === 'function' && typeof api.metrics?.getMeter === 'function';
}
