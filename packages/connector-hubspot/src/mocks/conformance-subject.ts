import { http, HttpResponse } from 'msw';
import type { ConformanceOperation, ConformanceSubject } from '@cf/core/testing';
import { HubSpotConnector } from '../hubspot-connector.js';
import { metadata, OBJECT_RESOURCES } from '../metadata.js';
import type { CrmObjects } from '../resources/crm-objects.js';
import { createHubSpotMock } from './create-mock.js';

/** The conformance token (as in the package's test/helpers.ts): it must reach the API and never leak. */
export const CONFORMANCE_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

type Resource = (typeof OBJECT_RESOURCES)[number];
type Operation = ConformanceOperation<HubSpotConnector>;

/** A record of each type in the fixtures (read and updated), and an id nothing reads (archived). */
const SAMPLES: Record<Resource, { id: string; other: string; unique: string; values: Record<string, string> }> = {
  contacts: { id: '512', other: '513', unique: 'email', values: { lifecyclestage: 'customer' } },
  companies: { id: '9001', other: '9002', unique: 'cf_external_id', values: { city: 'Cambridge' } },
  deals: { id: '7001', other: '7002', unique: 'cf_external_id', values: { dealstage: 'closedwon' } },
  tickets: { id: '3001', other: '3001', unique: 'cf_external_id', values: { hs_ticket_priority: 'HIGH' } },
  products: { id: '1101', other: '1101', unique: 'cf_external_id', values: { price: '1250' } },
  lineItems: { id: '2201', other: '2201', unique: 'cf_external_id', values: { quantity: '120' } },
};
const UNUSED_ID = '990001';
const PAGES = { limit: 1_000 };

/** A fresh property name per call: HubSpot answers a second create of one name with 409. */
let created = 0;
const newPropertyName = (): string => `cf_conformance_${(created += 1)}`;

function objectOperations(resource: Resource): Operation[] {
  const s = SAMPLES[resource];
  const of = (c: HubSpotConnector): CrmObjects => c[resource];
  const upsertId = resource === 'contacts' ? 'ada@example.com' : `cf-${resource}-1`;
  return [
    { name: `${resource}.get`, invoke: (c, o) => of(c).get(s.id, {}, o) },
    { name: `${resource}.list`, invoke: (c, o) => of(c).list({ limit: 2 }, o).toArray(PAGES) },
    { name: `${resource}.search`, invoke: (c, o) => of(c).search({ limit: 2 }, o).toArray(PAGES) },
    { name: `${resource}.changedSince`, invoke: (c, o) => of(c).changedSince(null, { pageSize: 2 }, o).toArray(PAGES) },
    { name: `${resource}.create`, invoke: (c, o) => of(c).create({ properties: { ...s.values } }, o) },
    { name: `${resource}.update`, invoke: (c, o) => of(c).update(s.other, { properties: { ...s.values } }, {}, o) },
    { name: `${resource}.archive`, invoke: (c, o) => of(c).archive(UNUSED_ID, o) },
    { name: `${resource}.batch.read`, invoke: (c, o) => of(c).batch.read([s.id, s.other], {}, o) },
    { name: `${resource}.batch.create`, invoke: (c, o) => of(c).batch.create([{ properties: { ...s.values } }], o) },
    { name: `${resource}.batch.update`, invoke: (c, o) => of(c).batch.update([{ id: s.other, properties: { ...s.values } }], o) },
    { name: `${resource}.batch.upsert`, invoke: (c, o) => of(c).batch.upsert([{ id: upsertId, idProperty: s.unique, properties: { ...s.values } }], o) },
    { name: `${resource}.batch.archive`, invoke: (c, o) => of(c).batch.archive([UNUSED_ID], o) },
  ];
}

const primary = [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: 1 }];

/** A sample invocation of every declared operation (`metadata.operations`), against the package's mocks. */
const operations: Operation[] = [
  ...OBJECT_RESOURCES.flatMap(objectOperations),
  { name: 'objects', invoke: (c, o) => c.objects('0-3').list({ limit: 2 }, o).toArray(PAGES) },
  { name: 'associations.list', invoke: (c, o) => c.associations.list('contacts', '512', 'companies', {}, o).toArray(PAGES) },
  { name: 'associations.labels', invoke: (c, o) => c.associations.labels('contacts', 'companies', o).toArray(PAGES) },
  { name: 'associations.create', invoke: (c, o) => c.associations.create('contacts', '513', 'companies', '9002', primary, o) },
  { name: 'associations.createDefault', invoke: (c, o) => c.associations.createDefault('deals', '7002', 'contacts', '513', o) },
  { name: 'associations.archive', invoke: (c, o) => c.associations.archive('deals', '7002', 'companies', '9002', o) },
  { name: 'associations.batch.read', invoke: (c, o) => c.associations.batch.read('contacts', 'companies', ['512', '513'], o) },
  { name: 'associations.batch.create', invoke: (c, o) => c.associations.batch.create('contacts', 'companies', [{ fromId: '514', toId: '9002', types: primary }], o) },
  { name: 'associations.batch.createDefault', invoke: (c, o) => c.associations.batch.createDefault('deals', 'contacts', [{ fromId: '7002', toId: '514' }], o) },
  { name: 'associations.batch.archive', invoke: (c, o) => c.associations.batch.archive('deals', 'contacts', [{ fromId: '7002', toIds: ['514'] }], o) },
  { name: 'properties.list', invoke: (c, o) => c.properties.list('contacts', {}, o).toArray(PAGES) },
  { name: 'properties.get', invoke: (c, o) => c.properties.get('contacts', 'email', o) },
  {
    name: 'properties.create',
    invoke: (c, o) => c.properties.create('contacts', { name: newPropertyName(), label: 'Conformance', type: 'string', fieldType: 'text', groupName: 'contactinformation' }, o),
  },
  { name: 'owners.list', invoke: (c, o) => c.owners.list({ limit: 2 }, o).toArray(PAGES) },
  { name: 'owners.get', invoke: (c, o) => c.owners.get('41629779', {}, o) },
  { name: 'pipelines.list', invoke: (c, o) => c.pipelines.list('deals', o).toArray(PAGES) },
  { name: 'pipelines.get', invoke: (c, o) => c.pipelines.get('deals', 'default', o) },
  { name: 'pipelines.stages', invoke: (c, o) => c.pipelines.stages('deals', 'default', o).toArray(PAGES) },
];

/**
 * What core's conformance kit runs against this connector (its `test/conformance.test.ts` and `cf check`): a mock
 * account of its own, the metadata, and a sample invocation of every declared operation.
 */
export const conformanceSubject: ConformanceSubject<HubSpotConnector> = {
  name: 'hubspot',
  handlers: createHubSpotMock().handlers,
  secret: CONFORMANCE_TOKEN,
  create: ({ serverUrl, overrides }) => new HubSpotConnector({ accessToken: CONFORMANCE_TOKEN, baseUrl: serverUrl, ...overrides }),
  call: (c, options) => c.contacts.get('512', {}, options),
  pagination: {
    call: (c) => c.contacts.list({ limit: 1 }).toArray(PAGES),
    cycleHandlers: [http.get('*/crm/v3/objects/contacts', () => HttpResponse.json({ results: [], paging: { next: { after: 'same' } } }))],
  },
  metadata,
  operations,
};
