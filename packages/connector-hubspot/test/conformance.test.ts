import { http, HttpResponse } from 'msw';
import { describeConformance } from '@cf/core/conformance';
import { HubSpotConnector } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';
import { TOKEN } from './helpers.js';

describeConformance({
  name: 'hubspot',
  handlers,
  secret: TOKEN,
  create: ({ serverUrl, overrides }) => new HubSpotConnector({ accessToken: TOKEN, baseUrl: serverUrl, ...overrides }),
  call: (c: HubSpotConnector, opts) => c.contacts.get('512', {}, opts),
  pagination: {
    call: (c: HubSpotConnector) => c.contacts.list({ limit: 1 }).toArray({ limit: 1000 }),
    cycleHandlers: [http.get('*/crm/v3/objects/contacts', () => HttpResponse.json({ results: [], paging: { next: { after: 'same' } } }))],
  },
});
