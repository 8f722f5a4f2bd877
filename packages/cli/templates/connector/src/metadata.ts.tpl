import { defineMetadata } from '@cf/core';
import { DEFAULT_BASE_URL } from './config.js';
import { RATE_LIMITS_DOC, REQUESTS_PER_SECOND } from './limits.js';

/** The registry record (registry.json, `cf list`), validated by core's schema. Keep it true to the code. */
export const metadata = defineMetadata({
  name: '{{name}}',
  displayName: '{{displayName}}',
  packageName: '{{packageName}}',
  description: 'Typed client for the {{displayName}} API: items, with resumable pagination.',
  apiVersion: 'v1',
  docsUrl: '{{docsUrl}}',
  baseUrl: DEFAULT_BASE_URL,
  auth: ['bearer'],
  envVars: ['{{envPrefix}}_TOKEN'],
  resources: ['items'],
  limits: [{ name: 'requests', limit: REQUESTS_PER_SECOND, intervalMs: 1_000, source: `connector default: replace with the documented limit (${RATE_LIMITS_DOC})` }],
  maintainers: ['connector-factory'],
  // Every public method, as `cf check` exercises it under faults (`cf add-resource` adds its own here).
  operations: [
    { name: 'items.get', kind: 'read', idempotent: true, shape: 'single' },
    { name: 'items.list', kind: 'read', idempotent: true, shape: 'paginated' },
  ],
  // The tables `sync()` and `cf sync` land (src/streams.ts implements each).
  streams: [
    {
      name: 'items',
      description: 'Every item, one row per item (GET /items, a page per request). Full refresh: each sync reads them all.',
      primaryKey: ['id'],
      syncMode: 'full-refresh',
      operation: 'items.list',
    },
  ],
  // TODO(cf check): declare the API's limit model from its documentation, e.g.
  //   limitModel: {
  //     windows: [{ name: 'per_second', limit: 10, intervalMs: 1_000, algorithm: 'sliding-window', unit: 'requests' }],
  //     rateLimitedAnswer: { status: 429, retryAfter: true },
  //     source: 'https://docs.example.com/rate-limits',
  //   },
  // and where the credential travels:
  //   credential: { in: 'header', name: 'authorization' },
});
