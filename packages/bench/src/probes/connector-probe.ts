/**
 * The HubSpot connector's own cost per `contacts.get`, without a network (a transport answering from memory), next
 * to core's HttpClient on the same answer. `tsx --conditions=@cf/source src/probes/connector-probe.ts [seconds=2]`
 */
import { HttpClient, bearerAuth } from '@cf/core';
import { memoryTransport } from './memory-transport.js';
import { HubSpotConnector } from '@cf/connector-hubspot';
import { hubspotContact } from '../servers/records.js';

const [secs = '2'] = process.argv.slice(2);
const bytes = new TextEncoder().encode(JSON.stringify(hubspotContact(0)));
const transport = memoryTransport(bytes);
const http = new HttpClient({ baseUrl: 'http://127.0.0.1:1', source: 'bench', auth: bearerAuth('pat-na1-bench'), rateLimit: false, transport, concurrency: { maxInFlight: 16 } });
const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-bench', baseUrl: 'http://127.0.0.1:1', rateLimit: false, transport, concurrency: { maxInFlight: 16 } });
const arms: Record<string, () => Promise<unknown>> = {
  core: () => http.request({ path: '/crm/v3/objects/contacts/{id}', params: { id: '1' } }),
  connector: () => hubspot.contacts.get('1'),
};
for (const round of [1, 2]) {
  for (const [name, call] of Object.entries(arms)) {
    let n = 0;
    const deadline = performance.now() + Number(secs) * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < deadline) {
          for (let i = 0; i < 50; i += 1) await call();
          n += 50;
        }
      }),
    );
    if (round === 2) process.stdout.write(`${name}: ${(((performance.now() - t0) * 1000) / n).toFixed(2)} µs/request\n`);
  }
}
await http.close();
await hubspot.disconnect();
