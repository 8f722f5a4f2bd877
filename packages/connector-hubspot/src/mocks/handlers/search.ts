import type { HttpHandler } from 'msw';
import type { MockAccount } from '../account.js';
import { hubspotError, json } from '../responses.js';
import { runSearch, type SearchBody } from '../search-engine.js';
import { present } from './records.js';
import { readJson, route } from './route.js';

/** `POST /crm/v3/objects/{objectType}/search`, with HubSpot's 10,000-result window and its own rate bucket. */
export function searchHandlers(account: MockAccount): HttpHandler[] {
  return [
    route(
      account,
      'post',
      '*/crm/v3/objects/:objectType/search',
      async (request, { objectType = '' }) => {
        const table = account.table(objectType);
        const body = ((await readJson(request)) ?? {}) as SearchBody;
        const outcome = runSearch(table.scan(), body, account.searchCap);
        if (!outcome.ok) return hubspotError(outcome.status, outcome.category, outcome.message);
        const properties = Array.isArray(body.properties) && body.properties.length > 0 ? body.properties : undefined;
        return json({
          total: outcome.total,
          results: outcome.results.map((r) => present(account, table, r, { properties })),
          ...(outcome.nextAfter !== undefined ? { paging: { next: { after: String(outcome.nextAfter) } } } : {}),
        });
      },
      { search: true },
    ),
  ];
}
