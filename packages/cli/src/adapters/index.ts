import { usageError } from '../cli-error.js';
import type { ConnectorAdapter } from './adapter.js';
import { adsb } from './adsb.js';
import { frankfurter } from './frankfurter.js';
import { github } from './github.js';
import { hubspot } from './hubspot.js';
import { openweather } from './openweather.js';
import { shopify } from './shopify.js';

export { defineAdapter, fromPages, singlePage, type ConnectorAdapter, type EnvVar, type ExtractArgs, type ExtractPage, type ExtractResource } from './adapter.js';

/** Every connector `cf extract` and `cf check` can drive, by registry name. */
export const adapters: Readonly<Record<string, ConnectorAdapter>> = { adsb, frankfurter, github, hubspot, openweather, shopify };

/** The adapter for `name`, or a usage error listing the known ones. */
export function adapterFor(name: string): ConnectorAdapter {
  const adapter = adapters[name];
  if (!adapter) throw usageError(`Unknown connector "${name}". Known: ${Object.keys(adapters).sort().join(', ')} (see cf list).`);
  return adapter;
}
