import { afterEach, describe, expect, it } from 'vitest';
import type { PropertyCreateInput } from '../src/index.js';
import { harness, invalid, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const last = () => h!.server.requests.at(-1)!;

describe('properties', () => {
  it('lists an object type properties', async () => {
    h = await harness();
    const props = await h.hubspot.properties.list('contacts').toArray({ limit: 100 });
    expect(last().path).toBe('/crm/v3/properties/contacts');
    expect(props.map((p) => p.name)).toContain('lifecyclestage');
    expect(props.find((p) => p.name === 'lifecyclestage')!.options.map((o) => o.value)).toContain('customer');
  });

  it('gets one property, NOT_FOUND for an unknown one', async () => {
    h = await harness();
    expect((await h.hubspot.properties.get('contacts', 'email')).label).toBe('Email');
    expect(last().path).toBe('/crm/v3/properties/contacts/email');
    expect((await rejection(h.hubspot.properties.get('contacts', 'nope'))).code).toBe('NOT_FOUND');
  });

  it('creates a property (201) and reports an existing name as a conflict', async () => {
    h = await harness();
    const definition: PropertyCreateInput = { name: 'favorite_color', label: 'Favorite color', type: 'enumeration', fieldType: 'select', groupName: 'contactinformation', options: [{ label: 'Blue', value: 'blue' }] };
    const created = await h.hubspot.properties.create('contacts', definition);
    expect(last().method).toBe('POST');
    expect(last().json).toEqual(definition);
    expect(created).toMatchObject({ name: 'favorite_color', hubspotDefined: false });
    expect((await rejection(h.hubspot.properties.create('contacts', definition))).code).toBe('INVALID_REQUEST');
  });

  it('rejects bad definitions before the network', async () => {
    h = await harness();
    await invalid(() => h!.hubspot.properties.create('contacts', { name: 'Has Space', label: 'x', type: 'string', fieldType: 'text', groupName: 'g' }), 'name');
    await invalid(() => h!.hubspot.properties.create('contacts', { name: 'x', label: 'x', type: 'enumeration', fieldType: 'select', groupName: 'g' }), 'options');
    await invalid(() => h!.hubspot.properties.create('contacts', { name: 'x', label: 'x', type: 'text' as never, fieldType: 'text', groupName: 'g' }), 'type');
    await invalid(() => h!.hubspot.properties.get('contacts', ''));
    await invalid(() => h!.hubspot.properties.list('bad type'));
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('owners', () => {
  it('iterates owners page by page', async () => {
    h = await harness();
    const owners = await h.hubspot.owners.list({ limit: 2 }).toArray({ limit: 10 });
    expect(h.server.requests.map((r) => [r.path, r.query.get('limit'), r.query.get('after') !== null])).toEqual([
      ['/crm/v3/owners/', '2', false],
      ['/crm/v3/owners/', '2', true],
    ]);
    expect(owners.map((o) => [o.email, o.type])).toEqual([
      ['ada@example.com', 'PERSON'],
      ['grace@example.com', 'PERSON'],
      ['support-queue@example.com', 'QUEUE'],
    ]);
  });

  it('filters by email and gets one owner by id or user id', async () => {
    h = await harness();
    const [ada] = await h.hubspot.owners.list({ email: 'ada@example.com' }).toArray({ limit: 10 });
    expect(last().query.get('email')).toBe('ada@example.com');
    expect(ada!.teams?.[0]?.name).toBe('Sales');
    expect((await h.hubspot.owners.get('41629780')).lastName).toBe('Hopper');
    expect((await h.hubspot.owners.get('9586504', { idProperty: 'userId' })).id).toBe('41629779');
    expect(last().query.get('idProperty')).toBe('userId');
  });

  it('rejects bad input before the network', async () => {
    h = await harness();
    await invalid(() => h!.hubspot.owners.list({ limit: 501 }), 'limit');
    await invalid(() => h!.hubspot.owners.list({ email: 'not-an-email' }), 'email');
    await invalid(() => h!.hubspot.owners.get('abc'));
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('pipelines', () => {
  it('lists deal pipelines with stages, metadata values as strings', async () => {
    h = await harness();
    const [sales] = await h.hubspot.pipelines.list('deals').toArray({ limit: 10 });
    expect(last().path).toBe('/crm/v3/pipelines/deals');
    expect(sales!.id).toBe('default');
    expect(sales!.stages.find((s) => s.id === 'closedwon')!.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
  });

  it('gets a ticket pipeline and its stages', async () => {
    h = await harness();
    expect((await h.hubspot.pipelines.get('tickets', '0')).label).toBe('Support Pipeline');
    expect(last().path).toBe('/crm/v3/pipelines/tickets/0');
    const stages = await h.hubspot.pipelines.stages('tickets', '0').toArray({ limit: 10 });
    expect(last().path).toBe('/crm/v3/pipelines/tickets/0/stages');
    expect(stages.map((s) => s.metadata.ticketState)).toEqual(['OPEN', 'OPEN', 'OPEN', 'CLOSED']);
    expect((await rejection(h.hubspot.pipelines.get('tickets', '99'))).code).toBe('NOT_FOUND');
  });

  it('rejects bad ids before the network', async () => {
    h = await harness();
    await invalid(() => h!.hubspot.pipelines.get('deals', 'a/b'));
    await invalid(() => h!.hubspot.pipelines.stages('', 'default'));
    expect(h.server.requests).toHaveLength(0);
  });
});
