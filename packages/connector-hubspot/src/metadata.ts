import { defineMetadata, type ConnectorMetadata } from '@cf/core';
import { DAY_MS, HUBSPOT_PLANS, SEARCH_PER_SECOND, TEN_SECONDS_MS } from './limits.js';

const CHANGELOG = 'https://developers.hubspot.com/changelog/increasing-our-api-limits';
const USAGE = 'https://developers.hubspot.com/docs/api/usage-details';

type Operation = NonNullable<ConnectorMetadata['operations']>[number];
const op = (name: string, kind: Operation['kind'], idempotent: boolean, shape: Operation['shape']): Operation => ({ name, kind, idempotent, shape });

/** The CRM object types the connector has a resource for (`objects(type)` reaches the others). */
export const OBJECT_RESOURCES = ['contacts', 'companies', 'deals', 'tickets', 'products', 'lineItems'] as const;

/**
 * What one object type offers. `update` (PATCH with absolute values), `archive` (DELETE), batch update, upsert and
 * archive are safe to repeat; `create` and `batch.create` are not (a repeat makes a second record). `search`,
 * `changedSince` and `batch.read` are POSTs that only read.
 */
const objectOperations = (r: string): Operation[] => [
  op(`${r}.get`, 'read', true, 'single'),
  op(`${r}.list`, 'read', true, 'paginated'),
  op(`${r}.search`, 'read', true, 'paginated'),
  op(`${r}.changedSince`, 'read', true, 'paginated'),
  op(`${r}.create`, 'write', false, 'single'),
  op(`${r}.update`, 'write', true, 'single'),
  op(`${r}.archive`, 'write', true, 'single'),
  op(`${r}.batch.read`, 'read', true, 'single'),
  op(`${r}.batch.create`, 'write', false, 'single'),
  op(`${r}.batch.update`, 'write', true, 'single'),
  op(`${r}.batch.upsert`, 'write', true, 'single'),
  op(`${r}.batch.archive`, 'write', true, 'single'),
];

/** Every public method. The first idempotent read is the one the conformance kit bursts with. */
const operations: Operation[] = [
  ...objectOperations('contacts'),
  ...OBJECT_RESOURCES.filter((r) => r !== 'contacts').flatMap(objectOperations),
  // `objects(type)` hands back the same resource for any type (custom objects): declared with the read it is sampled by.
  op('objects', 'read', true, 'paginated'),
  op('associations.list', 'read', true, 'paginated'),
  op('associations.labels', 'read', true, 'paginated'),
  // v4 association writes are PUTs and DELETEs (and batch POSTs HubSpot applies as set operations): safe to repeat.
  op('associations.create', 'write', true, 'single'),
  op('associations.createDefault', 'write', true, 'single'),
  op('associations.archive', 'write', true, 'single'),
  op('associations.batch.read', 'read', true, 'single'),
  op('associations.batch.create', 'write', true, 'single'),
  op('associations.batch.createDefault', 'write', true, 'single'),
  op('associations.batch.archive', 'write', true, 'single'),
  op('properties.list', 'read', true, 'paginated'),
  op('properties.get', 'read', true, 'single'),
  // A second create of the same name is a 409 CONFLICT, not the same answer: not idempotent.
  op('properties.create', 'write', false, 'single'),
  op('owners.list', 'read', true, 'paginated'),
  op('owners.get', 'read', true, 'single'),
  op('pipelines.list', 'read', true, 'paginated'),
  op('pipelines.get', 'read', true, 'single'),
  op('pipelines.stages', 'read', true, 'paginated'),
];

/**
 * HubSpot's limits for the connector's default (a private app on a Free/Starter account): a rolling 100 requests
 * per 10 s and 250,000 per day, the day ending at midnight in the account's time zone. Past the rolling window HubSpot
 * answers 429 with its JSON body naming the policy (`TEN_SECONDLY_ROLLING`) and its quota headers; no `Retry-After`
 * has been confirmed (API-NOTES §4), so the model does not promise one.
 * CRM search (`search`, and `changedSince`, which reads through it) also spends its own 5 requests per second.
 */
const limitModel: ConnectorMetadata['limitModel'] = {
  windows: [
    { name: 'ten_secondly', limit: HUBSPOT_PLANS.free.tenSecondly, intervalMs: TEN_SECONDS_MS, algorithm: 'sliding-window', unit: 'requests' },
    { name: 'daily', limit: HUBSPOT_PLANS.free.daily, intervalMs: DAY_MS, algorithm: 'fixed-window', unit: 'requests' },
    {
      name: 'search_secondly',
      limit: SEARCH_PER_SECOND,
      intervalMs: 1_000,
      algorithm: 'sliding-window',
      unit: 'requests',
      appliesTo: OBJECT_RESOURCES.flatMap((r) => [`${r}.search`, `${r}.changedSince`]),
    },
  ],
  rateLimitedAnswer: {
    status: 429,
    retryAfter: false,
    headers: {
      'x-hubspot-ratelimit-max': String(HUBSPOT_PLANS.free.tenSecondly),
      'x-hubspot-ratelimit-remaining': '0',
      'x-hubspot-ratelimit-interval-milliseconds': String(TEN_SECONDS_MS),
    },
    body: {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: '20f98dfa-05b6-4d27-8d96-ecfde54ca211',
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: 'publicapi:private_app-api-calls-ten-secondly:1512050:26892217',
    },
  },
  quotaHeaders: { limit: 'x-hubspot-ratelimit-max', remaining: 'x-hubspot-ratelimit-remaining' },
  source: USAGE,
};

type StreamDeclaration = NonNullable<ConnectorMetadata['streams']>[number];

/** The object types the `properties` stream reads by default: the standard ones the connector has a resource for. */
export const PROPERTY_STREAM_OBJECT_TYPES = ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items'] as const;
/** The object types the pipeline streams read by default: the standard ones that have pipelines. */
export const PIPELINE_STREAM_OBJECT_TYPES = ['deals', 'tickets'] as const;

const objectStream = (name: string, resource: (typeof OBJECT_RESOURCES)[number], what: string, example: string): StreamDeclaration => ({
  name,
  description:
    `${what} modified since the last sync, oldest first (changedSince: CRM search on the modification date, records modified in the last 30 s ` +
    `left for the next sync), then the ones archived since (the recycle bin, archived: true).`,
  primaryKey: ['id'],
  syncMode: 'incremental',
  cursorField: 'updatedAt',
  deletedField: 'archived',
  operation: `${resource}.changedSince`,
  params: {
    properties: { description: `comma-separated property names to read (default: HubSpot's default properties of ${name})`, required: false, example },
  },
});

const objectTypesParam = (defaults: readonly string[], example: string) => ({
  objectTypes: { description: `comma-separated object types (names or type ids; default: ${defaults.join(',')})`, required: false, example },
});

/**
 * What `cf sync hubspot` and `sync()` land in tables: the CRM objects incrementally (deletions included, from the
 * recycle bin), and the lists that describe them (owners, pipelines and their stages, property definitions) in full.
 */
const streams: StreamDeclaration[] = [
  objectStream('contacts', 'contacts', 'Contacts', 'email,firstname,lastname,lifecyclestage'),
  objectStream('companies', 'companies', 'Companies', 'name,domain,industry'),
  objectStream('deals', 'deals', 'Deals', 'dealname,amount,dealstage,pipeline,closedate'),
  objectStream('tickets', 'tickets', 'Tickets', 'subject,hs_pipeline,hs_pipeline_stage,hs_ticket_priority'),
  objectStream('products', 'products', 'Products', 'name,price,hs_sku'),
  objectStream('line_items', 'lineItems', 'Line items', 'name,hs_product_id,quantity,price,amount'),
  {
    name: 'owners',
    description: 'Every owner (users and queues records are assigned to), active ones then archived ones (archived: true), read in full each sync.',
    primaryKey: ['id'],
    syncMode: 'full-refresh',
    deletedField: 'archived',
    operation: 'owners.list',
  },
  {
    name: 'pipelines',
    description: 'The pipelines of deals and tickets (or the given object types) with their stages nested, read in full each sync; objectType says whose.',
    primaryKey: ['objectType', 'id'],
    syncMode: 'full-refresh',
    operation: 'pipelines.list',
    params: objectTypesParam(PIPELINE_STREAM_OBJECT_TYPES, 'deals,tickets'),
  },
  {
    name: 'pipeline_stages',
    description: 'One row per stage of every pipeline (what dealstage and hs_pipeline_stage values mean), with objectType and pipelineId, read in full each sync.',
    primaryKey: ['objectType', 'pipelineId', 'id'],
    syncMode: 'full-refresh',
    operation: 'pipelines.list',
    params: objectTypesParam(PIPELINE_STREAM_OBJECT_TYPES, 'deals,tickets'),
  },
  {
    name: 'properties',
    description: 'Property definitions (labels, types, enumeration options) of the standard object types (or the given ones), with objectType, read in full each sync.',
    primaryKey: ['objectType', 'name'],
    syncMode: 'full-refresh',
    operation: 'properties.list',
    params: objectTypesParam(PROPERTY_STREAM_OBJECT_TYPES, 'contacts,deals'),
  },
];

/** The registry record for `@cf/connector-hubspot`. */
export const metadata = defineMetadata({
  name: 'hubspot',
  displayName: 'HubSpot CRM',
  packageName: '@cf/connector-hubspot',
  description:
    'HubSpot CRM v3 objects, search past 10,000 results, incremental changedSince with exact checkpoints, batch with per-input failures, associations v4, properties, owners and pipelines.',
  apiVersion: 'crm/v3 (associations v4)',
  docsUrl: 'https://developers.hubspot.com/docs/api/crm/understanding-the-crm',
  baseUrl: 'https://api.hubapi.com',
  auth: ['bearer', 'oauth2'],
  envVars: ['HUBSPOT_ACCESS_TOKEN'],
  resources: ['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items', 'custom objects', 'search', 'changedSince', 'batch', 'associations', 'properties', 'owners', 'pipelines'],
  limits: [
    { name: 'ten_secondly (free/starter private app)', limit: HUBSPOT_PLANS.free.tenSecondly, intervalMs: TEN_SECONDS_MS, source: CHANGELOG },
    { name: 'ten_secondly (professional/enterprise private app)', limit: HUBSPOT_PLANS.professional.tenSecondly, intervalMs: TEN_SECONDS_MS, source: CHANGELOG },
    { name: 'ten_secondly (public OAuth app, per account)', limit: HUBSPOT_PLANS['public-app'].tenSecondly, intervalMs: TEN_SECONDS_MS, source: USAGE },
    { name: 'daily (free/starter)', limit: HUBSPOT_PLANS.free.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'daily (professional)', limit: HUBSPOT_PLANS.professional.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'daily (enterprise)', limit: HUBSPOT_PLANS.enterprise.daily, intervalMs: DAY_MS, source: CHANGELOG },
    { name: 'search_secondly', limit: SEARCH_PER_SECOND, intervalMs: 1_000, source: 'https://developers.hubspot.com/docs/api/crm/search#limitations' },
  ],
  maintainers: ['connector-factory'],
  operations,
  limitModel,
  credential: { in: 'header', name: 'authorization' },
  streams,
});
