import { defineMetadata } from '@cf/core';

export const metadata = defineMetadata({
  name: 'frankfurter',
  displayName: 'Frankfurter',
  packageName: '@cf/connector-frankfurter',
  description: 'Foreign exchange reference rates published by the European Central Bank, via the open-source Frankfurter API.',
  apiVersion: 'v1',
  docsUrl: 'https://frankfurter.dev/v1/',
  baseUrl: 'https://api.frankfurter.dev/v1',
  auth: ['none'],
  envVars: [],
  resources: ['rates', 'time-series', 'currencies'],
  limits: [{ name: 'requests', limit: 10, intervalMs: 1_000, source: 'connector default: no documented quota (abuse throttling only)' }],
  maintainers: ['connector-factory'],
});
