import { HubSpotConnector, metadata, type Checkpoint, type CrmObjects, type HubSpotConfig } from '@cf/connector-hubspot';
import { conformanceSubject, createHubSpotMock, generateRecords } from '@cf/connector-hubspot/mocks';
import { defineAdapter, fromPages, type ExtractResource } from './adapter.js';

/** `--since 2024-05-01` means midnight UTC; a datetime or epoch milliseconds pass through to the connector. */
function start(checkpoint: unknown, since: string | undefined): Checkpoint | string | number | null {
  if (checkpoint !== undefined) return checkpoint as Checkpoint;
  if (since === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return `${since}T00:00:00.000Z`;
  return /^\d+$/.test(since) ? Number(since) : since;
}

/** Records modified since a checkpoint, oldest first (`changedSince`): the incremental sync HubSpot is extracted with. */
const changed = (objectType: string, of: (h: HubSpotConnector) => CrmObjects): ExtractResource<HubSpotConnector> => ({
  description: `${objectType} modified since the checkpoint, oldest first (POST /crm/v3/objects/${objectType}/search); reruns pick up later changes.`,
  since: 'modified at or after: YYYY-MM-DD, an ISO 8601 datetime, or epoch milliseconds (default: everything)',
  params: { properties: 'comma-separated property names to read', pageSize: 'records per request, 1-200 (default 200)' },
  pages: (hubspot, { checkpoint, since, params, signal }) =>
    fromPages(
      of(hubspot)
        .changedSince(
          start(checkpoint, since),
          {
            pageSize: params.pageSize !== undefined ? Number(params.pageSize) : 200,
            ...(params.properties !== undefined ? { properties: params.properties.split(',').map((p) => p.trim()) } : {}),
          },
          { signal },
        )
        .pages(),
    ),
});

/** A sandbox account big enough to show paging, resumption and the search rate limit (5 requests/s). */
const sandbox = createHubSpotMock({
  records: {
    contacts: generateRecords({ count: 2_500 }),
    companies: generateRecords({ objectType: 'companies', count: 600 }),
    deals: generateRecords({ objectType: 'deals', count: 900 }),
    tickets: generateRecords({ objectType: 'tickets', count: 300 }),
  },
});

/** HubSpot CRM: a private-app token from HUBSPOT_ACCESS_TOKEN (or `oauth` in --config); objects extract incrementally. */
export const hubspot = defineAdapter({
  metadata,
  env: [{ name: 'HUBSPOT_ACCESS_TOKEN', field: 'accessToken', required: true }],
  hasCredentials: (config) => config.accessToken !== undefined || config.oauth !== undefined,
  create: (config) => new HubSpotConnector(config as unknown as HubSpotConfig),
  sandbox: { handlers: sandbox.handlers, pathPrefix: '', config: { accessToken: 'pat-sandbox-00000000' } },
  resources: {
    contacts: changed('contacts', (h) => h.contacts),
    companies: changed('companies', (h) => h.companies),
    deals: changed('deals', (h) => h.deals),
    tickets: changed('tickets', (h) => h.tickets),
    products: changed('products', (h) => h.products),
    line_items: changed('line_items', (h) => h.lineItems),
  },
  // The package's own subject (its test/conformance.test.ts runs the same one): every declared operation.
  conformance: conformanceSubject,
});
