import { AdsbConnector } from '@cf/connector-adsb';
import { handlers } from '@cf/connector-adsb/mocks';
import { startMockServer } from '@cf/core/testing';

const server = await startMockServer(handlers); // against the real API: drop this line and `baseUrl`
const adsb = new AdsbConnector({ baseUrl: `${server.baseUrl}/v2` });

const { ac, now } = await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 });
console.log(`${ac.length} aircraft near Heathrow at ${new Date(now).toISOString()}`);
for (const a of ac) console.log(a.flight ?? a.hex, a.alt_baro === 'ground' ? 'on the ground' : `${a.alt_baro} ft`, `${a.dst} nm`);
const emergencies = await adsb.emergencies();
console.log('emergencies:', emergencies.ac.map((a) => `${a.flight} squawking ${a.squawk}`).join(', '));

await adsb.disconnect();
await server.close();
