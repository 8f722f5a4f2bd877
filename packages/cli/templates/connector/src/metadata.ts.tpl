import { defineMetadata } from '@cf/core';
import { DEFAULT_BASE_URL } from './client.js';

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
  limits: [{ name: 'requests', limit: 10, intervalMs: 1_000, source: 'connector default: replace with the documented limit and its source' }],
  maintainers: ['connector-factory'],
  // Every public method, as `cf check` exercises it under faults (`cf add-resource` adds its own here).
  operations: [
    { name: 'items.get', kind: 'read', idempotent: true, shape: 'single' },
    { name: 'items.list', kind: 'read', idempotent: true, shape: 'paginated' },
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
