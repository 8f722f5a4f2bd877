import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from '@cf/core/zod';
import { prop } from '../src/index.js';
import { failure, harness, invalid, rejection, TOKEN, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const last = () => h.server.requests.at(-1)!;

describe('contacts.get', () => {
  it('GETs one record with properties, associations and the user agent, and returns it typed', async () => {
    const contact = await h.hubspot.contacts.get('512', { properties: ['email', 'firstname'], associations: ['companies'] });
    const req = last();
    expect(req.method).toBe('GET');
    expect(req.path).toBe('/crm/v3/objects/contacts/512');
    expect(req.query.get('properties')).toBe('email,firstname');
    expect(req.query.get('associations')).toBe('companies');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['user-agent']).toMatch(/^@cf\/connector-hubspot\/\d+\.\d+\.\d+$/);
    expect(contact.id).toBe('512');
    expect(contact.properties.email).toBe('bh@hubspot.com');
    expect(contact.properties.lastmodifieddate).toBe('2024-03-08T09:12:01.100Z');
    expect(contact.associations?.companies?.results).toEqual([
      { id: '9001', type: 'contact_to_company_unlabeled' },
      { id: '9001', type: 'contact_to_company' },
    ]);
  });

  it('looks up by a unique property with idProperty', async () => {
    const contact = await h.hubspot.contacts.get('ada@example.com', { idProperty: 'email' });
    expect(last().path).toBe('/crm/v3/objects/contacts/ada%40example.com');
    expect(last().query.get('idProperty')).toBe('email');
    expect(contact.id).toBe('513');
  });

  it('coerces and types properties declared with a schema, requesting only those', async () => {
    const schema = z.object({ email: prop.string(), createdate: prop.date(), phone: prop.string(), lifecyclestage: prop.enumeration(['lead', 'customer']) });
    const contact = await h.hubspot.contacts.get('513', { schema });
    expect(last().query.get('properties')).toBe('email,createdate,phone,lifecyclestage');
    expect(contact.properties.createdate).toEqual(new Date('2024-03-09T10:02:11.007Z'));
    expect(contact.properties.phone).toBeNull();
    const stage: 'lead' | 'customer' | null = contact.properties.lifecyclestage;
    expect(stage).toBe('lead');
  });

  it('takes a zod/mini object as the schema too, with the same coercion and errors', async () => {
    const schema = zm.object({ email: prop.string(), createdate: prop.date(), num_children: zm.optional(prop.number()) });
    const contact = await h.hubspot.contacts.get('513', { schema });
    expect(last().query.get('properties')).toBe('email,createdate,num_children');
    const created: Date | null = contact.properties.createdate;
    expect(created).toEqual(new Date('2024-03-09T10:02:11.007Z'));
    expect(contact.properties.num_children).toBeNull();
    const strict = zm.object({ email: prop.number() });
    const error = await rejection(h.hubspot.contacts.get('513', { schema: strict }));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain('email: must be a number');
  });

  it('fails with NOT_FOUND, keeping HubSpot correlation id next to ours', async () => {
    const error = await rejection(h.hubspot.contacts.get('999999'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details.category).toBe('OBJECT_NOT_FOUND');
    expect(error.details.apiRequestId).toMatch(/^c8617a85-/);
    expect(error.requestId).toBe(last().headers['x-request-id']);
    expect(h.server.requests).toHaveLength(1);
  });

  it('rejects bad ids and options before the network', async () => {
    for (const [id, options] of [
      ['abc', {}],
      ['', {}],
      ['512', { properties: ['First Name'] }],
      ['512', { associations: ['not a type'] }],
      ['512', { unknownOption: true }],
      ['512', { schema: { email: 'string' } }],
    ] as const) {
      const error = await failure(() => h.hubspot.contacts.get(id, options as never));
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.issues.length).toBeGreaterThan(0);
    }
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('contacts.list', () => {
  it('GETs pages of 100 with after cursors and yields every record', async () => {
    const contacts = await h.hubspot.contacts.list({ properties: ['email'] }).toArray({ limit: 10 });
    expect(contacts.map((c) => c.id)).toEqual(['512', '513', '514']);
    expect(last().path).toBe('/crm/v3/objects/contacts');
    expect(last().query.get('limit')).toBe('100');
    expect(last().query.get('properties')).toBe('email');
    expect(contacts[0]?.properties).toEqual({ email: 'bh@hubspot.com', createdate: '2024-03-07T17:41:30.415Z', hs_object_id: '512', lastmodifieddate: '2024-03-08T09:12:01.100Z' });
  });

  it('follows paging.next.after, exposes pages with checkpoints and resumes from one', async () => {
    const pages = [];
    for await (const page of h.hubspot.contacts.list({ limit: 2 }).pages()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(h.server.requests.map((r) => r.query.get('after'))).toEqual([null, pages[0]!.checkpoint]);
    const rest = await h.hubspot.contacts.list({ limit: 2, after: pages[0]!.checkpoint! }).toArray({ limit: 10 });
    expect(rest.map((c) => c.id)).toEqual(['514']);
  });

  it('lists archived records when asked', async () => {
    await h.hubspot.contacts.archive('514');
    const archived = await h.hubspot.contacts.list({ archived: true }).toArray({ limit: 10 });
    expect(last().query.get('archived')).toBe('true');
    expect(archived.map((c) => [c.id, c.archived])).toEqual([['514', true]]);
  });

  it('rejects out-of-range limits before the network', async () => {
    for (const limit of [0, 101, 1.5]) await invalid(() => h.hubspot.contacts.list({ limit }));
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('contacts.create / update / archive', () => {
  it('POSTs the properties (values as strings) and returns the 201 record', async () => {
    const created = await h.hubspot.contacts.create({ properties: { email: 'new@example.com', firstname: 'New', num_children: 2, opted_in: true, phone: null } });
    const req = last();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/crm/v3/objects/contacts');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.json).toEqual({ properties: { email: 'new@example.com', firstname: 'New', num_children: '2', opted_in: 'true', phone: '' } });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.properties.email).toBe('new@example.com');
  });

  it('reports a duplicate as INVALID_REQUEST with the existing id', async () => {
    const error = await rejection(h.hubspot.contacts.create({ properties: { email: 'bh@hubspot.com' } }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.status).toBe(409);
    expect(error.details.existingId).toBe('512');
    expect(error.message).toContain('batch.upsert');
  });

  it('PATCHes the properties and returns the updated record', async () => {
    const updated = await h.hubspot.contacts.update('513', { properties: { firstname: 'Augusta Ada' } });
    expect(last().method).toBe('PATCH');
    expect(last().path).toBe('/crm/v3/objects/contacts/513');
    expect(last().json).toEqual({ properties: { firstname: 'Augusta Ada' } });
    expect(updated.properties.firstname).toBe('Augusta Ada');
  });

  it('updates by a unique property', async () => {
    await h.hubspot.contacts.update('grace@example.com', { properties: { lastname: 'Murray Hopper' } }, { idProperty: 'email' });
    expect(last().query.get('idProperty')).toBe('email');
    expect((await h.hubspot.contacts.get('514')).properties.lastname).toBe('Murray Hopper');
  });

  it('DELETEs to archive (204) and resolves to undefined', async () => {
    await expect(h.hubspot.contacts.archive('512')).resolves.toBeUndefined();
    expect(last().method).toBe('DELETE');
    expect(last().path).toBe('/crm/v3/objects/contacts/512');
  });

  it('rejects bad write input before the network', async () => {
    await invalid(() => h.hubspot.contacts.create({ properties: { 'bad name': 'x' } }));
    await invalid(() => h.hubspot.contacts.create({} as never));
    await invalid(() => h.hubspot.contacts.update('x1', { properties: {} }));
    await invalid(() => h.hubspot.contacts.archive('12a'));
    await invalid(() => h.hubspot.contacts.create({ properties: { a: { nested: 1 } as never } }));
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('write input messages', () => {
  it('a nested value names its property and says values are scalars', async () => {
    const error = await invalid(() => h.hubspot.contacts.create({ properties: { email: 'a@b.co', address: { street: 'Main St' } as never } }), 'properties.address');
    const issue = error.issues.find((i) => i.path === 'properties.address')!;
    expect(issue.message).toContain('address');
    expect(issue.message).toContain('scalar');
    expect(issue.message).toContain('object');
    const list = await invalid(() => h.hubspot.contacts.batch.update([{ id: '512', properties: { tags: ['a', 'b'] as never } }]), '[0].properties.tags');
    expect(list.issues[0]!.message).toMatch(/tags.*scalar.*array/);
    expect(h.server.requests).toHaveLength(0);
  });

  it('an invalid property name is named, with the reason', async () => {
    const error = await invalid(() => h.hubspot.contacts.update('512', { properties: { 'first name': 'Ada' } }), 'properties.first name');
    const issue = error.issues.find((i) => i.path === 'properties.first name')!;
    expect(issue.message).toContain('"first name"');
    expect(issue.message).toContain('space');
    expect(issue.message).toContain('internal name');
    const digit = await invalid(() => h.hubspot.contacts.create({ properties: { '2nd_email': 'x' } }), 'properties.2nd_email');
    expect(digit.issues[0]!.message).toContain('start with a letter');
    const dash = await invalid(() => h.hubspot.contacts.create({ properties: { 'hs-lead': 'x' } }), 'properties.hs-lead');
    expect(dash.issues[0]!.message).toContain('"-"');
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('every object type', () => {
  it.each([
    ['companies', '9001', 'HubSpot'],
    ['deals', '7001', 'HubSpot - Enterprise renewal'],
    ['tickets', '3001', 'Cannot export contacts'],
    ['products', '1101', 'Enterprise seat'],
    ['lineItems', '2201', 'Enterprise seat'],
  ] as const)('%s uses its own path', async (resource, id, label) => {
    const record = await h.hubspot[resource].get(id);
    const path = resource === 'lineItems' ? 'line_items' : resource;
    expect(last().path).toBe(`/crm/v3/objects/${path}/${id}`);
    expect(Object.values(record.properties)).toContain(label);
  });

  it('objects(typeId) addresses custom objects and validates the type', async () => {
    const cars = h.hubspot.objects('2-123456');
    expect(h.hubspot.objects('2-123456')).toBe(cars);
    const created = await cars.create({ properties: { name: 'Model T' } });
    expect(last().path).toBe('/crm/v3/objects/2-123456');
    expect((await cars.get(created.id, { properties: ['name'] })).properties.name).toBe('Model T');
    expect(cars.modifiedProperty).toBe('hs_lastmodifieddate');
    expect(h.hubspot.contacts.modifiedProperty).toBe('lastmodifieddate');
    await invalid(() => h.hubspot.objects('cars/../x'));
  });
});
