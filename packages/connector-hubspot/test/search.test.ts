import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { prop } from '../src/index.js';
import { generateRecords } from '../src/mocks/index.js';
import { harness, invalid, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const START = Date.UTC(2024, 0, 1);

describe('contacts.search', () => {
  it('POSTs the filters, sorted by modification date, and yields typed records', async () => {
    h = await harness();
    const schema = z.object({ email: prop.string(), lifecyclestage: prop.string() });
    const results = await h.hubspot.contacts
      .search({ filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'lead'] }] }], schema })
      .toArray({ limit: 10 });
    const req = h.server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/crm/v3/objects/contacts/search');
    expect(req.json).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'lead'] }] }],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['email', 'lifecyclestage', 'lastmodifieddate'],
      limit: 100,
    });
    expect(results.map((r) => [r.id, r.properties.lifecyclestage])).toEqual([
      ['512', 'customer'],
      ['513', 'lead'],
    ]);
    // The schema strips the date the scan added for itself.
    expect(Object.keys(results[0]!.properties)).toEqual(['email', 'lifecyclestage']);
  });

  it('sends dates as epoch milliseconds and full-text queries as query', async () => {
    h = await harness();
    const since = new Date('2024-03-09T00:00:00.000Z');
    const results = await h.hubspot.contacts.search({ query: 'example.com', filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GTE', value: since }] }] }).toArray({ limit: 10 });
    expect(h.server.requests[0]!.json).toMatchObject({ query: 'example.com', filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GTE', value: String(since.getTime()) }] }] });
    expect(results.map((r) => r.id)).toEqual(['513', '514']);
  });

  it('rejects filters HubSpot would refuse, before the network', async () => {
    h = await harness();
    const f = { propertyName: 'email', operator: 'HAS_PROPERTY' } as const;
    const group = (n: number) => ({ filters: Array.from({ length: n }, () => f) });
    const search = (request: object) => () => h!.hubspot.contacts.search(request);
    await invalid(search({ filterGroups: Array.from({ length: 6 }, () => group(1)) }), 'filterGroups');
    await invalid(search({ filterGroups: [group(11)] }), 'filterGroups[0].filters');
    await invalid(search({ filterGroups: [group(9), group(9), group(9)] }), 'filterGroups');
    await invalid(search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'BETWEEN', value: 1 }] }] }), 'filterGroups[0].filters[0].highValue');
    await invalid(search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'IN', value: 1 }] }] }), 'filterGroups[0].filters[0].values');
    await invalid(search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'LIKE', value: 1 }] }] }), 'filterGroups[0].filters[0].operator');
    await invalid(search({ filterGroups: [{ filters: [] }] }), 'filterGroups[0].filters');
    await invalid(search({ sorts: [{ propertyName: 'email', direction: 'ASCENDING' }, { propertyName: 'firstname', direction: 'ASCENDING' }] }), 'sorts');
    await invalid(search({ limit: 201 }), 'limit');
    await invalid(search({ filters: [] }));
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('search past 10,000 results', () => {
  const COUNT = 12_500;
  // Pairs share a millisecond, and one millisecond holds 450 records: more than a page of 200.
  const modifiedAt = (i: number) => (i >= 5_000 && i < 5_450 ? START + 5_000_000 : START + Math.floor(i / 2) * 1_000 + (i >= 5_450 ? 10_000_000 : 0));

  it('iterates every match once, in (date, id) order, without paging past the cap', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT, modifiedAt }) } } });
    const seen = new Set<string>();
    let previous = { ms: -1, id: 0 };
    let count = 0;
    // Out-of-order records, collected and asserted once (an expect per record is most of this test's time).
    const disorder: string[] = [];
    for await (const contact of h.hubspot.contacts.search({ properties: ['email'], limit: 200 })) {
      const ms = Date.parse(contact.properties.lastmodifieddate!);
      const id = Number(contact.id);
      if (!(ms > previous.ms || (ms === previous.ms && id > previous.id))) disorder.push(`${contact.id} after ${previous.id}`);
      previous = { ms, id };
      seen.add(contact.id);
      count += 1;
    }
    expect(disorder).toEqual([]);
    expect(count).toBe(COUNT);
    expect(seen.size).toBe(COUNT);
    const bodies = h.server.requests.map((r) => r.json as { after?: string; sorts: Array<{ propertyName: string }>; filterGroups: Array<{ filters: unknown[] }> });
    expect(bodies.every((b) => b.after === undefined)).toBe(true);
    // The 450-record millisecond was read by id.
    expect(bodies.some((b) => b.sorts[0]!.propertyName === 'hs_object_id')).toBe(true);
    expect(h.server.requests.every((r) => r.path === '/crm/v3/objects/contacts/search')).toBe(true);
  }, 60_000);

  it('sorted on hs_lastmodifieddate (the same date on contacts), re-anchors too and delivers every match', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT, modifiedAt }) } } });
    const seen = new Set<string>();
    let previous = { ms: -1, id: 0 };
    const disorder: string[] = [];
    for await (const contact of h.hubspot.contacts.search({ sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }], properties: ['email'], limit: 200 })) {
      const ms = Date.parse(contact.properties.hs_lastmodifieddate!);
      const id = Number(contact.id);
      if (!(ms > previous.ms || (ms === previous.ms && id > previous.id))) disorder.push(`${contact.id} after ${previous.id}`);
      previous = { ms, id };
      seen.add(contact.id);
    }
    expect(disorder).toEqual([]);
    expect(seen.size).toBe(COUNT);
    const bodies = h.server.requests.map((r) => r.json as { after?: string; sorts: Array<{ propertyName: string }>; properties: string[] });
    expect(bodies.every((b) => b.after === undefined)).toBe(true);
    expect(bodies[0]).toMatchObject({ sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }], properties: ['email', 'hs_lastmodifieddate'] });
    expect(new Set(bodies.map((b) => b.sorts[0]!.propertyName))).toEqual(new Set(['hs_lastmodifieddate', 'hs_object_id']));
  }, 60_000);

  it('the mock refuses to page past 10,000 with a 400, like HubSpot', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT }) } } });
    const error = await rejection(h.hubspot.client.request({ method: 'POST', path: '/crm/v3/objects/contacts/search', body: { limit: 100, after: '9950' } }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.status).toBe(400);
    expect(error.details.category).toBe('VALIDATION_ERROR');
  });

  it('with a sort it cannot re-anchor on, stops with INVALID_REQUEST at the cap instead of a 400', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT }) } } });
    let count = 0;
    const error = await rejection(
      (async () => {
        for await (const _ of h.hubspot.contacts.search({ sorts: [{ propertyName: 'email', direction: 'ASCENDING' }], limit: 200 })) count += 1;
      })(),
    );
    expect(count).toBe(10_000);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.details.reason).toBe('search_result_cap');
    expect(error.message).toContain('sorted by email');
    const afters = h.server.requests.map((r) => Number((r.json as { after?: string }).after ?? 0));
    expect(Math.max(...afters)).toBe(9_800);
    expect(h.server.requests.every((r) => (r.json as { sorts: unknown[] }).sorts.length === 1)).toBe(true);
  }, 60_000);
});
