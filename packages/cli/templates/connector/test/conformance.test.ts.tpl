import { describeConformance } from '@cf/core/conformance';
import { {{className}}, metadata } from '../src/index.js';
import { cycleHandlers, handlers } from '../src/mocks/index.js';

const TOKEN = 'conformance-token-0123456789';

// Done means 100 % here (and `cf check` says the same): every rule of docs/specification.md that applies, for the
// connector and for each operation declared in src/metadata.ts. A fresh scaffold is not done: `cf check` names
// what to declare (the API's limit model, where the credential travels).
describeConformance({
  name: '{{name}}',
  handlers,
  secret: TOKEN,
  create: ({ serverUrl, overrides }) => new {{className}}({ token: TOKEN, baseUrl: `${serverUrl}/v1`, ...overrides }),
  call: (client, options) => client.items.get('item_001', options),
  pagination: { call: (client) => client.items.list().toArray({ limit: 1_000 }), cycleHandlers },
  metadata,
  // A sample invocation of every declared operation against the mocks (pages and streams read to the end).
  operations: [
    { name: 'items.get', invoke: (client, options) => client.items.get('item_001', options) },
    { name: 'items.list', invoke: (client, options) => client.items.list({}, options).toArray({ limit: 1_000 }) },
  ],
});
