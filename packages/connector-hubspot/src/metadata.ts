import { defineMetadata } from '@cf/core';
import { HUBSPOT_PLANS, SEARCH_PER_SECOND, TEN_SECONDS_MS, DAY_MS } from './limits.js';

const CHANGELOG = 'https://developers.hubspot.com/changelog/increasing-our-api-limits';
const USAGE = 'https://developers.hubspot.com/docs/api/usage-details';

/** The registry record for `@cf/connector-hubspot`. */
export const metadata = defineMetadata({
  name: 'hubspot',
  displayName: 'HubSpot CRM',
  packageName: '@cf/connector-hubspot',
  description:
    'HubSpot CRM v3 objects, search past 10,000 results, incremental changedSince with exact checkpoints, batch with per-input failures, associations v4, properties, owners and pipelines.',
  apiVersion: 'crm/v3 (associations v4)',
  docsUrl: 'https://developers.hubspot.com/docs/api/crm/understanding-the-crm',
  baseUrl: 'https://api.hubapi.com',
  auth: ['bearer', 'oauth2'],
  envVars: ['HUBSPOT_ACCESS_TOKEN'],
  resources: ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items', 'custom objects', 'search', 'changedSince', 'batch', 'associations', 'properties', 'owners', 'pipelines'],
  limits: [
    { name: 'ten_secondly (free/starter private app)', limit: HUBSPOT_PLANS.free.tenSecondly, intervalMs: TEN_SECONDS_MS, source: CHANGELOG },
    { name: 'ten_secondly (professional/enterprise private app)', limit: HUBSPOT_PLANS.professional.tenSecondly, intervalMs: TEN_SECONDS_MS, source: CHANGELOG },
    { name: 'ten_secondly (public OAuth app, per account)', limit: HUBSPOT_PLANS['public-app'].tenSecondly, intervalMs: TEN_SECONDS_MS, source: USAGE },
    { name: 'daily (free/starter)', limit: HUBSPOT_PLANS.free.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'daily (professional)', limit: HUBSPOT_PLANS.professional.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'daily (enterprise)', limit: HUBSPOT_PLANS.enterprise.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'search_secondly', limit: SEARCH_PER_SECOND, intervalMs: 1_000, source: 'https://developers.hubspot.com/docs/api/crm/search#limitations' },
  ],
  maintainers: ['connector-factory'],
});
