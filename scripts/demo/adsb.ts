import { AdsbConnector } from '@cf/connector-adsb';
import { handlers } from '@cf/connector-adsb/mocks';
import type { Tour } from './tour.js';

export const adsbTour: Tour<AdsbConnector> = {
  name: 'ADS-B (adsb.lol): live aircraft',
  live: (env) => (env.CF_DEMO_LIVE === '1' ? new AdsbConnector() : undefined),
  sandbox: (url) => new AdsbConnector({ baseUrl: `${url}/v2` }),
  handlers,
  async run(adsb, log) {
    const { ac, now } = await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 });
    log(`${ac.length} aircraft within 25 nm of Heathrow at ${new Date(now).toISOString()}`);
    for (const a of ac.slice(0, 4)) {
      log(`${(a.flight ?? a.hex).padEnd(8)} ${a.alt_baro === 'ground' ? 'on the ground' : `${a.alt_baro} ft`}, ${a.dst ?? '?'} nm`);
    }
    const emergencies = await adsb.emergencies();
    log(`emergency squawks right now: ${emergencies.ac.map((a) => `${a.flight ?? a.hex} (${a.squawk})`).join(', ') || 'none'}`);
  },
};
