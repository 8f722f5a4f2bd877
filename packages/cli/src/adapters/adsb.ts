import { AdsbConnector, metadata } from '@cf/connector-adsb';
import { conformanceSubject, handlers } from '@cf/connector-adsb/mocks';
import { defineAdapter, singlePage, type ExtractResource } from './adapter.js';

/** A snapshot of the aircraft one filter returns: one page, nothing to resume (the data is live). */
const snapshot = (description: string, fetch: (adsb: AdsbConnector, signal: AbortSignal) => Promise<{ ac: unknown[] }>): ExtractResource<AdsbConnector> => ({
  description,
  pages: (adsb, { signal }) => singlePage(fetch(adsb, signal).then((r) => r.ac)),
});

const number = (params: Record<string, string>, name: string): number => Number(params[name]);

/** adsb.lol: no credentials; every resource is a live snapshot. */
export const adsb = defineAdapter({
  metadata,
  env: [],
  create: (config) => new AdsbConnector(config),
  sandbox: { handlers, pathPrefix: '/v2', config: {} },
  resources: {
    military: snapshot('Aircraft flagged military, now (GET /v2/mil).', (a, signal) => a.military({ signal })),
    ladd: snapshot('Aircraft on the FAA LADD list, now (GET /v2/ladd).', (a, signal) => a.ladd({ signal })),
    pia: snapshot('Aircraft with a PIA address, now (GET /v2/pia).', (a, signal) => a.pia({ signal })),
    emergencies: snapshot('Aircraft squawking 7500, 7600 or 7700, now.', (a, signal) => a.emergencies({ signal })),
    nearby: {
      description: 'Aircraft within a circle, now (GET /v2/point/{lat}/{lon}/{radius}).',
      params: { lat: 'centre latitude', lon: 'centre longitude', radiusNm: 'radius in nautical miles (1-250)' },
      pages: (a, { params, signal }) =>
        singlePage(a.nearby({ lat: number(params, 'lat'), lon: number(params, 'lon'), radiusNm: number(params, 'radiusNm') }, { signal }).then((r) => r.ac)),
    },
  },
  // The package's own subject (its test/conformance.test.ts runs the same one): every declared operation.
  conformance: conformanceSubject,
});
