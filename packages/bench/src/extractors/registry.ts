import type { ExtractorName, ExtractTask } from '../workers/task.js';

/** Pulls every record the fake server holds through one client; resolves with how many arrived. */
export type Extract = (task: ExtractTask) => Promise<number>;

/** Loaded lazily, so a worker's memory holds only the client it measures. */
const loaders: Record<ExtractorName, () => Promise<{ extract: Extract }>> = {
  'hubspot-undici': () => import('./hubspot-undici.js'),
  'hubspot-ours': () => import('./hubspot-ours.js'),
  'hubspot-sdk': () => import('./hubspot-sdk.js'),
  'shopify-ours': () => import('./shopify-ours.js'),
  'shopify-sdk': () => import('./shopify-sdk.js'),
};

export async function loadExtractor(name: ExtractorName): Promise<Extract> {
  return (await loaders[name]()).extract;
}
