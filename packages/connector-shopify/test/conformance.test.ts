import { describeConformance } from '@cf/core/conformance';
import { ShopifyConnector } from '../src/index.js';
import { cycleHandlers, handlers } from '../src/mocks/index.js';

const secret = 'shpat_conformance_secret_0123456789';

describeConformance({
  name: 'shopify',
  handlers,
  secret,
  create: ({ serverUrl, overrides }) => new ShopifyConnector({ shop: 'acme-outdoor', accessToken: secret, baseUrl: serverUrl, ...overrides }),
  call: (connector, options) => connector.shop.get(options),
  pagination: { call: (connector) => connector.products.list().toArray({ limit: 1000 }), cycleHandlers },
});
