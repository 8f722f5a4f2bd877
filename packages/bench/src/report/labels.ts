import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from '../harness/paths.js';
import type { ExtractorName, LoadArm, OverheadClientName, OverheadShape } from '../workers/task.js';

function installedVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(BENCH_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

const versions = new Map<string, string>();
export function withVersion(name: string): string {
  if (!versions.has(name)) versions.set(name, installedVersion(name));
  return `${name} ${versions.get(name) ?? ''}`.trim();
}

export const OVERHEAD_LABELS: Record<OverheadClientName, (shape: OverheadShape) => string> = {
  undici: () => `undici.request (floor) ${installedVersion('undici')}`,
  fetch: () => `fetch (Node ${process.version})`,
  core: () => '@cf/core HttpClient',
  connector: (shape) => (shape === 'page' ? '**@cf/connector-hubspot** `contacts.list().pages()`' : '**@cf/connector-hubspot** `contacts.get`'),
  sdk: (shape) => `${withVersion('@hubspot/api-client')} \`${shape === 'page' ? 'basicApi.getPage' : 'basicApi.getById'}\``,
};

export const EXTRACTOR_LABELS: Record<ExtractorName, () => string> = {
  'hubspot-undici': () => `undici.request page loop (floor) ${installedVersion('undici')}`,
  'hubspot-ours': () => '**@cf/connector-hubspot** `contacts.list()`',
  'hubspot-sdk': () => `${withVersion('@hubspot/api-client')} \`crm.contacts.getAll()\``,
  'shopify-ours': () => '**@cf/connector-shopify** `products.list()`',
  'shopify-sdk': () => `${withVersion('@shopify/admin-api-client')} \`request()\` loop`,
};

export const LOAD_LABELS: Record<LoadArm, () => string> = {
  jsonl: () => 'extract-only: `contacts` stream → JSONL file',
  duckdb: () => `**@cf/load** \`sync()\` → DuckDB file (${withVersion('@duckdb/node-api')})`,
  postgres: () => `**@cf/load** \`sync()\` → Postgres (${withVersion('pg')}, ${withVersion('pg-copy-streams')})`,
};
