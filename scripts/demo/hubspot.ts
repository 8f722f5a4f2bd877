import { HubSpotConnector } from '@cf/connector-hubspot';
import { handlers } from '@cf/connector-hubspot/mocks';
import type { Tour } from './tour.js';

export const hubSpotTour: Tour<HubSpotConnector> = {
  name: 'HubSpot CRM: streaming, search and incremental sync',
  live: (env) => (env.HUBSPOT_ACCESS_TOKEN ? new HubSpotConnector({ accessToken: env.HUBSPOT_ACCESS_TOKEN }) : undefined),
  sandbox: (url) => new HubSpotConnector({ accessToken: 'pat-na1-sandbox', baseUrl: url }),
  handlers,
  async run(hubspot, log) {
    let count = 0;
    const sample: string[] = [];
    for await (const contact of hubspot.contacts.list({ properties: ['email', 'firstname'] })) {
      count += 1;
      if (sample.length < 3) sample.push(`${contact.id} ${contact.properties.email ?? ''}`);
    }
    log(`streamed ${count} contacts one page at a time, e.g. ${sample.join(', ')}`);
    const customers = await hubspot.contacts
      .search({ filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }] }] })
      .toArray({ limit: 5 });
    log(`search for customers: ${customers.length} (first ${customers[0]?.properties.email ?? '-'})`);
    let pages = 0;
    let checkpoint: unknown = null;
    for await (const page of hubspot.contacts.changedSince({ since: 0 }).pages()) {
      pages += 1;
      checkpoint = page.checkpoint;
      if (pages === 2) break;
    }
    log(`incremental sync: after ${pages} page(s) the checkpoint to save is ${JSON.stringify(checkpoint)}`);
  },
};
