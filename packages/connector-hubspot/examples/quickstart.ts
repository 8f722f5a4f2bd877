import { startMockServer } from '@cf/core/testing';
import { HubSpotConnector } from '@cf/connector-hubspot';
import { handlers } from '@cf/connector-hubspot/mocks';

/** The README quickstart: list contacts, then search them, against the package's mocks on loopback. */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = await startMockServer(handlers);
  const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-mock', baseUrl: server.baseUrl });
  for await (const contact of hubspot.contacts.list({ properties: ['email', 'firstname'] })) {
    log(`${contact.id} ${contact.properties.email}`);
  }
  const customers = await hubspot.contacts.search({ filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }] }] }).toArray({ limit: 10 });
  log(`customers: ${customers.length}`);
  await hubspot.disconnect();
  await server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
