import { describe, expect, it } from 'vitest';
import { HubSpotConnector } from '../src/index.js';

/**
 * Against a real HubSpot account: set HUBSPOT_ACCESS_TOKEN to a private app token with the crm.objects.contacts.read
 * scope. Read-only. Skipped without the variable.
 */
const token = process.env.HUBSPOT_ACCESS_TOKEN;

describe.skipIf(!token)('live HubSpot', () => {
  const hubspot = () => new HubSpotConnector({ accessToken: token ?? '' });

  it('reads a page of contacts and their quota headers', async () => {
    const client = hubspot();
    try {
      const page = await client.contacts.list({ limit: 5, properties: ['email'] }).pages().next();
      expect(Array.isArray(page.value?.items)).toBe(true);
      for (const contact of page.value?.items ?? []) expect(contact.id).toMatch(/^\d+$/);
    } finally {
      await client.disconnect();
    }
  });

  it('searches by modification date and reads a missing record as NOT_FOUND', async () => {
    const client = hubspot();
    try {
      const recent = await client.contacts.search({ limit: 5 }).toArray({ limit: 5 });
      expect(recent.length).toBeLessThanOrEqual(5);
      await expect(client.contacts.get('1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await client.disconnect();
    }
  });
});
