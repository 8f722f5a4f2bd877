import { describeConformance } from '@cf/core/conformance';
import { AdsbConnector } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

describeConformance({
  name: 'adsb',
  handlers,
  create: ({ serverUrl, overrides }) => new AdsbConnector({ baseUrl: `${serverUrl}/v2`, ...overrides }),
  call: (adsb, options) => adsb.byHex('4ca87c', options),
});
