import type { RequestHandler } from 'msw';
import { MockAccount, type HubSpotMockOptions } from './account.js';
import { associationHandlers } from './handlers/associations.js';
import { batchHandlers } from './handlers/batch.js';
import { metadataHandlers } from './handlers/metadata.js';
import { oauthHandlers } from './handlers/oauth.js';
import { objectHandlers } from './handlers/objects.js';
import { searchHandlers } from './handlers/search.js';

/** What `createHubSpotMock` returns: the handlers, and the account behind them to inspect or change. */
export interface HubSpotMock {
  /** MSW handlers for every endpoint the connector calls; serve them with `startMockServer` or `setupServer`. */
  handlers: RequestHandler[];
  /** The mock account behind them: tables, associations, quota counters, issued OAuth tokens. */
  account: MockAccount;
}

/**
 * A mock HubSpot account as MSW handlers. Each call has its own state, so tests that write do not leak into
 * each other. Handlers match any host (`*`/crm/v3/...), so point `baseUrl` at your mock server.
 *
 * ```ts
 * const mock = createHubSpotMock({ records: { contacts: generateRecords({ count: 25_000 }) }, rateLimit: { tenSecondly: 100 }, clock });
 * const server = await startMockServer(mock.handlers);
 * ```
 */
export function createHubSpotMock(options: HubSpotMockOptions = {}): HubSpotMock {
  const account = new MockAccount(options);
  // Specific paths first: MSW uses the first handler that matches.
  const handlers: RequestHandler[] = [
    ...oauthHandlers(account),
    ...searchHandlers(account),
    ...batchHandlers(account),
    ...objectHandlers(account),
    ...associationHandlers(account),
    ...metadataHandlers(account),
  ];
  return { handlers, account };
}
