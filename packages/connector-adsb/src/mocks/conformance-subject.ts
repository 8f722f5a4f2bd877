import type { ConformanceSubject } from '@cf/core/testing';
import { AdsbConnector } from '../adsb-connector.js';
import { metadata } from '../metadata.js';
import { handlers } from './handlers.js';

const heathrow = { lat: 51.47, lon: -0.45, radiusNm: 25 };

/**
 * What core's conformance kit runs against this connector (its `test/conformance.test.ts` and `cf check`): the
 * mocks, the metadata, and a sample call of every declared operation that the mocks answer.
 */
export const conformanceSubject: ConformanceSubject<AdsbConnector> = {
  name: 'adsb',
  handlers,
  create: ({ serverUrl, overrides }) => new AdsbConnector({ baseUrl: `${serverUrl}/v2`, ...overrides }),
  call: (adsb, options) => adsb.byHex('4ca87c', options),
  metadata,
  operations: [
    { name: 'byHex', invoke: (adsb, o) => adsb.byHex(['4ca87c', '406b1f'], o) },
    { name: 'byCallsign', invoke: (adsb, o) => adsb.byCallsign('RYR4TX', o) },
    { name: 'byRegistration', invoke: (adsb, o) => adsb.byRegistration('G-XWBA', o) },
    { name: 'byType', invoke: (adsb, o) => adsb.byType(['B738', 'C17'], o) },
    { name: 'bySquawk', invoke: (adsb, o) => adsb.bySquawk('7700', o) },
    { name: 'emergencies', invoke: (adsb, o) => adsb.emergencies(o) },
    { name: 'military', invoke: (adsb, o) => adsb.military(o) },
    { name: 'ladd', invoke: (adsb, o) => adsb.ladd(o) },
    { name: 'pia', invoke: (adsb, o) => adsb.pia(o) },
    { name: 'nearby', invoke: (adsb, o) => adsb.nearby(heathrow, o) },
    { name: 'closest', invoke: (adsb, o) => adsb.closest(heathrow, o) },
  ],
};
