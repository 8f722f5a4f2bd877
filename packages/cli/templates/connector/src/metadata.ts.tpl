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
});
