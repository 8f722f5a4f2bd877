/**
 * Realistic HubSpot CRM data, shaped like the API's documented responses (official SDK models and doc examples).
 * Ids, names and dates are invented. Property values are strings or null, as HubSpot sends them.
 */

/** A CRM record as the mock stores and serves it (HubSpot's record shape). */
export interface MockRecord {
  /** The record id (digits, as a string). */
  id: string;
  /** Property values, strings or null as HubSpot sends them (`hs_object_id`, `createdate`, the modification date…). */
  properties: Record<string, string | null>;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last modification time, ISO 8601. */
  updatedAt: string;
  /** Whether the record is archived (served only to `archived=true` reads). */
  archived: boolean;
  /** Archive time, ISO 8601, on archived records. */
  archivedAt?: string;
}

const record = (id: string, createdAt: string, updatedAt: string, properties: Record<string, string | null>, modifiedKey = 'hs_lastmodifieddate'): MockRecord => ({
  id,
  properties: { hs_object_id: id, createdate: createdAt, [modifiedKey]: updatedAt, ...(modifiedKey === 'lastmodifieddate' ? { hs_lastmodifieddate: updatedAt } : {}), ...properties },
  createdAt,
  updatedAt,
  archived: false,
});

export const contactFixtures: MockRecord[] = [
  record('512', '2024-03-07T17:41:30.415Z', '2024-03-08T09:12:01.100Z', { email: 'bh@hubspot.com', firstname: 'Brian', lastname: 'Halligan', lifecyclestage: 'customer', phone: '+1 617 555 0100', company: 'HubSpot' }, 'lastmodifieddate'),
  record('513', '2024-03-09T10:02:11.007Z', '2024-04-01T14:30:00.000Z', { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', lifecyclestage: 'lead', phone: null, company: 'Analytical Engines' }, 'lastmodifieddate'),
  record('514', '2024-03-10T08:15:45.250Z', '2024-04-02T16:45:10.900Z', { email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper', lifecyclestage: 'opportunity', phone: '+1 212 555 0199', company: 'Navy Labs' }, 'lastmodifieddate'),
];

export const companyFixtures: MockRecord[] = [
  record('9001', '2024-02-01T12:00:00.000Z', '2024-03-08T09:12:01.100Z', { name: 'HubSpot', domain: 'hubspot.com', industry: 'COMPUTER_SOFTWARE', numberofemployees: '7400', city: 'Cambridge' }),
  record('9002', '2024-02-03T09:30:00.000Z', '2024-03-20T11:00:00.000Z', { name: 'Analytical Engines', domain: 'analytical.example', industry: 'MACHINERY', numberofemployees: '12', city: 'London' }),
];

export const dealFixtures: MockRecord[] = [
  record('7001', '2024-03-11T10:00:00.000Z', '2024-04-03T10:00:00.000Z', { dealname: 'HubSpot - Enterprise renewal', amount: '125000', dealstage: 'contractsent', pipeline: 'default', closedate: '2024-06-30T00:00:00.000Z' }),
  record('7002', '2024-03-12T10:00:00.000Z', '2024-04-04T10:00:00.000Z', { dealname: 'Analytical Engines - Starter', amount: '4800.50', dealstage: 'appointmentscheduled', pipeline: 'default', closedate: null }),
];

export const ticketFixtures: MockRecord[] = [
  record('3001', '2024-03-13T10:00:00.000Z', '2024-03-14T10:00:00.000Z', { subject: 'Cannot export contacts', content: 'The export stops at 10,000 rows.', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH', hs_ticket_category: 'PRODUCT_ISSUE' }),
];

export const productFixtures: MockRecord[] = [
  record('1101', '2024-01-05T10:00:00.000Z', '2024-01-05T10:00:00.000Z', { name: 'Enterprise seat', price: '1200', description: 'One Enterprise seat, billed yearly', hs_sku: 'ENT-SEAT' }),
];

export const lineItemFixtures: MockRecord[] = [
  record('2201', '2024-03-11T10:05:00.000Z', '2024-03-11T10:05:00.000Z', { name: 'Enterprise seat', hs_product_id: '1101', quantity: '100', price: '1200', amount: '120000' }),
];

/** Default properties returned when a request names none (per object type, from HubSpot's docs). */
export const defaultProperties: Record<string, string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
  tickets: ['content', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'],
  products: ['createdate', 'description', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price'],
  line_items: ['amount', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_product_id', 'name', 'price', 'quantity'],
};

const prop = (name: string, label: string, type: string, fieldType: string, groupName: string, extra: Record<string, unknown> = {}) => ({
  updatedAt: '2023-11-02T15:27:46.012Z',
  createdAt: '2019-08-06T02:41:52.541Z',
  name,
  label,
  type,
  fieldType,
  description: '',
  groupName,
  options: [] as Array<{ label: string; value: string; description: string; displayOrder: number; hidden: boolean }>,
  displayOrder: -1,
  calculated: false,
  externalOptions: false,
  hasUniqueValue: false,
  hidden: false,
  hubspotDefined: true,
  modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: false },
  formField: true,
  ...extra,
});

const option = (label: string, value: string, displayOrder: number) => ({ label, value, description: '', displayOrder, hidden: false });

export const propertyFixtures: Record<string, Array<ReturnType<typeof prop>>> = {
  contacts: [
    prop('email', 'Email', 'string', 'text', 'contactinformation', { hasUniqueValue: false }),
    prop('firstname', 'First Name', 'string', 'text', 'contactinformation'),
    prop('lastname', 'Last Name', 'string', 'text', 'contactinformation'),
    prop('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', 'contactinformation', {
      options: [option('Subscriber', 'subscriber', 0), option('Lead', 'lead', 1), option('Opportunity', 'opportunity', 5), option('Customer', 'customer', 6)],
    }),
    prop('createdate', 'Create Date', 'datetime', 'date', 'contactinformation', { modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true } }),
    prop('lastmodifieddate', 'Last Modified Date', 'datetime', 'date', 'contactinformation', { modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true } }),
  ],
  companies: [
    prop('name', 'Company name', 'string', 'text', 'companyinformation'),
    prop('domain', 'Company Domain Name', 'string', 'text', 'companyinformation', { hasUniqueValue: true }),
    prop('numberofemployees', 'Number of Employees', 'number', 'number', 'companyinformation'),
  ],
  deals: [
    prop('dealname', 'Deal Name', 'string', 'text', 'dealinformation'),
    prop('amount', 'Amount', 'number', 'number', 'dealinformation'),
    prop('closedate', 'Close Date', 'datetime', 'date', 'dealinformation'),
  ],
  tickets: [prop('subject', 'Ticket name', 'string', 'text', 'ticketinformation'), prop('hs_ticket_priority', 'Priority', 'enumeration', 'select', 'ticketinformation')],
};

export const ownerFixtures = [
  {
    id: '41629779',
    email: 'ada@example.com',
    type: 'PERSON',
    firstName: 'Ada',
    lastName: 'Lovelace',
    userId: 9586504,
    userIdIncludingInactive: 9586504,
    createdAt: '2023-01-12T16:27:40.164Z',
    updatedAt: '2024-02-01T10:00:00.000Z',
    archived: false,
    teams: [{ id: '368389', name: 'Sales', primary: true }],
  },
  {
    id: '41629780',
    email: 'grace@example.com',
    type: 'PERSON',
    firstName: 'Grace',
    lastName: 'Hopper',
    userId: 9586505,
    userIdIncludingInactive: 9586505,
    createdAt: '2023-01-13T16:27:40.164Z',
    updatedAt: '2024-02-02T10:00:00.000Z',
    archived: false,
    teams: [{ id: '368390', name: 'Support', primary: true }],
  },
  {
    id: '41629781',
    email: 'support-queue@example.com',
    type: 'QUEUE',
    firstName: '',
    lastName: '',
    userId: null,
    userIdIncludingInactive: null,
    createdAt: '2023-02-01T09:00:00.000Z',
    updatedAt: '2023-02-01T09:00:00.000Z',
    archived: false,
    teams: [],
  },
];

const stage = (id: string, label: string, displayOrder: number, metadata: Record<string, string>) => ({
  id,
  label,
  displayOrder,
  metadata,
  archived: false,
  writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  createdAt: '2019-08-06T02:41:52.541Z',
  updatedAt: '2019-08-06T02:41:52.541Z',
});

export const pipelineFixtures: Record<string, unknown[]> = {
  deals: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '2019-08-06T02:41:52.541Z',
      updatedAt: '2019-08-06T02:41:52.541Z',
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', 0, { isClosed: 'false', probability: '0.2' }),
        stage('qualifiedtobuy', 'Qualified To Buy', 1, { isClosed: 'false', probability: '0.4' }),
        stage('contractsent', 'Contract Sent', 2, { isClosed: 'false', probability: '0.9' }),
        stage('closedwon', 'Closed Won', 3, { isClosed: 'true', probability: '1.0' }),
        stage('closedlost', 'Closed Lost', 4, { isClosed: 'true', probability: '0.0' }),
      ],
    },
  ],
  tickets: [
    {
      id: '0',
      label: 'Support Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '2019-08-06T02:41:52.541Z',
      updatedAt: '2019-08-06T02:41:52.541Z',
      stages: [
        stage('1', 'New', 0, { ticketState: 'OPEN' }),
        stage('2', 'Waiting on contact', 1, { ticketState: 'OPEN' }),
        stage('3', 'Waiting on us', 2, { ticketState: 'OPEN' }),
        stage('4', 'Closed', 3, { ticketState: 'CLOSED' }),
      ],
    },
  ],
};

/** HubSpot-defined association type ids (unlabelled default first). */
export const associationTypeFixtures: Record<string, Array<{ category: string; typeId: number; label: string | null }>> = {
  'contacts:companies': [
    { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
    { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
  ],
  'companies:contacts': [
    { category: 'HUBSPOT_DEFINED', typeId: 280, label: null },
    { category: 'HUBSPOT_DEFINED', typeId: 2, label: 'Primary' },
  ],
  'deals:contacts': [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }],
  'contacts:deals': [{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }],
  'deals:companies': [
    { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
    { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
  ],
  'companies:deals': [
    { category: 'HUBSPOT_DEFINED', typeId: 342, label: null },
    { category: 'HUBSPOT_DEFINED', typeId: 6, label: 'Primary' },
  ],
  'contacts:tickets': [{ category: 'HUBSPOT_DEFINED', typeId: 15, label: null }],
  'tickets:contacts': [{ category: 'HUBSPOT_DEFINED', typeId: 16, label: null }],
};

/** Associations present in the default mock account: [fromType, fromId, toType, toId, typeIds]. */
export const associationFixtures: Array<[string, string, string, string, number[]]> = [
  ['contacts', '512', 'companies', '9001', [279, 1]],
  ['contacts', '513', 'companies', '9002', [279, 1]],
  ['deals', '7001', 'contacts', '512', [3]],
  ['deals', '7001', 'companies', '9001', [341, 5]],
];

export const accountFixture = {
  portalId: 62515,
  accountType: 'STANDARD',
  timeZone: 'US/Eastern',
  companyCurrency: 'USD',
  additionalCurrencies: [],
  utcOffset: '-05:00',
  utcOffsetMilliseconds: -18_000_000,
  uiDomain: 'app.hubspot.com',
  dataHostingLocation: 'na1',
};

/** Everything above, for `import { fixtures } from '@cf/connector-hubspot/mocks'`. */
export const fixtures = {
  contacts: contactFixtures,
  companies: companyFixtures,
  deals: dealFixtures,
  tickets: ticketFixtures,
  products: productFixtures,
  lineItems: lineItemFixtures,
  properties: propertyFixtures,
  owners: ownerFixtures,
  pipelines: pipelineFixtures,
  associationTypes: associationTypeFixtures,
  associations: associationFixtures,
  account: accountFixture,
};
