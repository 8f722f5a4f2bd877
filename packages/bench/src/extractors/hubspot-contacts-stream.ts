import { HubSpotConnector } from '@cf/connector-hubspot';
import { defineStreams, type Stream } from '@cf/core';
import * as z from '@cf/core/zod';

/**
 * A contact as the fake server generates it (`servers/records.ts`): HubSpot's CRM v3 object with the default
 * properties. The properties object is loose, as HubSpot adds the ones a portal requests.
 */
export const contactSchema = z.lazySchema(() =>
  z.object({
    id: z.string(),
    properties: z.looseObject({
      createdate: z.iso.datetime(),
      email: z.string(),
      firstname: z.string(),
      hs_object_id: z.string(),
      lastmodifieddate: z.iso.datetime(),
      lastname: z.string(),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    archived: z.boolean(),
  }),
);

/** What the load part reads through, whichever arm it measures: a connector's name, its streams and its socket pool. */
export interface BenchConnector {
  name: string;
  streams(): Stream[];
  disconnect(): Promise<void>;
}

/**
 * The bench's own `hubspot` connector for `sync()`: one incremental stream, `contacts`, that pages through
 * `contacts.list()` with no client-side rate limit (the fake server has none). Each page's checkpoint is the list's
 * `after` cursor, so a resumed read continues after the last committed page. Defined here rather than taken from
 * the connector's own streams, so the load part measures the loader against a fixed, simple read.
 */
export function hubspotContactsConnector(baseUrl: string): BenchConnector {
  const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-bench', baseUrl, rateLimit: false });
  const bind = defineStreams<HubSpotConnector>(
    [
      {
        name: 'contacts',
        description: 'Every contact, in the list order',
        primaryKey: ['id'],
        syncMode: 'incremental',
        cursorField: 'updatedAt',
        deletedField: 'archived',
        operation: 'contacts.list',
      },
    ],
    {
      contacts: {
        schema: () => contactSchema,
        async *read(connector, { checkpoint }) {
          const after = typeof checkpoint === 'string' ? checkpoint : undefined;
          for await (const page of connector.contacts.list(after === undefined ? {} : { after }).pages()) {
            yield { items: page.items, checkpoint: page.checkpoint, hasMore: page.hasMore };
          }
        },
      },
    },
  );
  return { name: 'hubspot', streams: () => bind(hubspot), disconnect: () => hubspot.disconnect() };
}
