import { describeConformance } from '@cf/core/conformance';
import { {{className}} } from '../src/index.js';
import { cycleHandlers, handlers } from '../src/mocks/index.js';

const TOKEN = 'conformance-token-0123456789';

// Done means 100 % here (and `cf check` says the same): every rule of docs/specification.md that applies.
describeConformance({
  name: '{{name}}',
  handlers,
  secret: TOKEN,
  create: ({ serverUrl, overrides }) => new {{className}}({ token: TOKEN, baseUrl: `${serverUrl}/v1`, ...overrides }),
  call: (client, options) => client.items.get('item_001', options),
  pagination: { call: (client) => client.items.list().toArray({ limit: 1_000 }), cycleHandlers },
});
