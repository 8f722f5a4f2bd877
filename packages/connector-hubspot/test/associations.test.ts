import { afterEach, describe, expect, it } from 'vitest';
import { hubspotErrors } from '../src/mocks/index.js';
import { harness, invalid, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const last = () => h!.server.requests.at(-1)!;

describe('associations (v4)', () => {
  it('lists a record associations with their labels, ids as strings', async () => {
    h = await harness();
    const companies = await h.hubspot.associations.list('contacts', '512', 'companies').toArray({ limit: 10 });
    expect(last().method).toBe('GET');
    expect(last().path).toBe('/crm/v4/objects/contacts/512/associations/companies');
    expect(last().query.get('limit')).toBe('500');
    expect(companies).toEqual([
      {
        toObjectId: '9001',
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
          { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
        ],
      },
    ]);
  });

  it('creates a default association with PUT, in both directions', async () => {
    h = await harness();
    const created = await h.hubspot.associations.createDefault('contacts', '514', 'companies', '9002');
    expect(last().method).toBe('PUT');
    expect(last().path).toBe('/crm/v4/objects/contacts/514/associations/default/companies/9002');
    expect(created.map((a) => [a.from.id, a.to.id, a.associationSpec.associationTypeId])).toEqual([
      ['514', '9002', 279],
      ['9002', '514', 280],
    ]);
    const back = await h.hubspot.associations.list('companies', '9002', 'contacts').toArray({ limit: 10 });
    expect(back.map((a) => a.toObjectId)).toContain('514');
  });

  it('creates a labelled association with the types in the body', async () => {
    h = await harness();
    const created = await h.hubspot.associations.create('contacts', '514', 'companies', '9001', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }]);
    expect(last().method).toBe('PUT');
    expect(last().path).toBe('/crm/v4/objects/contacts/514/associations/companies/9001');
    expect(last().json).toEqual([{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }]);
    expect(created).toMatchObject({ fromObjectId: '514', toObjectId: '9001', labels: ['Primary'] });
  });

  it('archives with DELETE (204)', async () => {
    h = await harness();
    await expect(h.hubspot.associations.archive('contacts', '512', 'companies', '9001')).resolves.toBeUndefined();
    expect(last().method).toBe('DELETE');
    expect(last().path).toBe('/crm/v4/objects/contacts/512/associations/companies/9001');
    expect(await h.hubspot.associations.list('contacts', '512', 'companies').toArray({ limit: 10 })).toEqual([]);
  });

  it('lists the labels between two object types', async () => {
    h = await harness();
    const labels = await h.hubspot.associations.labels('deals', 'companies').toArray({ limit: 10 });
    expect(last().path).toBe('/crm/v4/associations/deals/companies/labels');
    expect(labels.map((l) => l.typeId)).toEqual([341, 5]);
  });

  it('batch reads many records, completing a record with more than one page, and reports records without associations', async () => {
    h = await harness();
    const many = Array.from({ length: 520 }, (_, i) => ({ fromId: '7002', toId: String(100_000 + i) }));
    await h.hubspot.associations.batch.createDefault('deals', 'contacts', many);
    h.server.resetHandlers();
    const result = await h.hubspot.associations.batch.read('deals', 'contacts', ['7001', '7002', '7003']);
    expect(h.server.requests[0]!.path).toBe('/crm/v4/associations/deals/contacts/batch/read');
    expect(h.server.requests[0]!.json).toEqual({ inputs: [{ id: '7001' }, { id: '7002' }, { id: '7003' }] });
    // 7002 has 520 contacts: 500 in the batch answer, the rest from the per-record list.
    expect(h.server.requests[1]!.path).toBe('/crm/v4/objects/deals/7002/associations/contacts');
    expect(result.results.map((r) => [r.fromId, r.to.length])).toEqual([
      ['7001', 1],
      ['7002', 520],
    ]);
    expect(result.errors).toEqual([expect.objectContaining({ index: 2, input: '7003', category: 'OBJECT_NOT_FOUND' })]);
  });

  it('batch creates labelled associations and archives them, 100 per request', async () => {
    h = await harness();
    const inputs = Array.from({ length: 150 }, (_, i) => ({ fromId: '512', toId: String(200_000 + i), types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: 279 }] }));
    const created = await h.hubspot.associations.batch.create('contacts', 'companies', inputs);
    expect(h.server.requests.map((r) => [r.path, (r.json as { inputs: unknown[] }).inputs.length])).toEqual([
      ['/crm/v4/associations/contacts/companies/batch/create', 100],
      ['/crm/v4/associations/contacts/companies/batch/create', 50],
    ]);
    expect((h.server.requests[0]!.json as { inputs: unknown[] }).inputs[0]).toEqual({ from: { id: '512' }, to: { id: '200000' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] });
    expect(created.results).toHaveLength(150);
    h.server.resetHandlers();
    const archived = await h.hubspot.associations.batch.archive('contacts', 'companies', [{ fromId: '512', toIds: ['200000', '200001'] }]);
    expect(h.server.requests[0]!.json).toEqual({ inputs: [{ from: { id: '512' }, to: [{ id: '200000' }, { id: '200001' }] }] });
    expect(archived.errors).toEqual([]);
    const left = await h.hubspot.associations.list('contacts', '512', 'companies').toArray({ limit: 1000 });
    expect(left).toHaveLength(149);
  });

  it('a batch none of whose requests went through throws its error instead of resolving', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ status: 503, path: '*/crm/v4/associations/deals/contacts/batch/archive' }));
    const error = await rejection(h.hubspot.associations.batch.archive('deals', 'contacts', [{ fromId: '7001', toIds: ['512'] }]));
    expect(error.code).toBe('SERVER_ERROR');
    expect(h.server.requests.every((r) => r.method === 'POST' && r.path === '/crm/v4/associations/deals/contacts/batch/archive')).toBe(true);
    expect(error.details.partialResult).toMatchObject({ results: [], errors: [{ index: 0, category: 'SERVER_ERROR' }], processedChunks: 0, totalChunks: 1 });
  });

  it('rejects bad types, ids and labels before the network', async () => {
    h = await harness();
    const a = h.hubspot.associations;
    await invalid(() => a.list('contacts', 'x', 'companies'));
    await invalid(() => a.list('contacts/..', '1', 'companies'));
    await invalid(() => a.list('contacts', '1', 'companies', { limit: 501 }), 'limit');
    await invalid(() => a.create('contacts', '1', 'companies', '2', []));
    await invalid(() => a.create('contacts', '1', 'companies', '2', [{ associationCategory: 'MADE_UP', associationTypeId: 1 } as never]));
    await invalid(() => a.createDefault('contacts', '1', 'companies', ''));
    await invalid(() => a.batch.archive('contacts', 'companies', [{ fromId: '1', toIds: [] }]));
    expect(h.server.requests).toHaveLength(0);
  });
});
