import { afterEach, describe, expect, it } from 'vitest';
import { generateRecords, hubspotErrors } from '../src/mocks/index.js';
import { harness, invalid, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const inputs = <T>(r: { json: unknown }) => (r.json as { inputs: T[] }).inputs;

describe('batch.read', () => {
  it('chunks any number of ids into requests of 100 and reports each missing id as its own failure', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: 300 }) } } });
    const ids = Array.from({ length: 250 }, (_, i) => String(1001 + i));
    ids[5] = '999999';
    ids[140] = '888888';
    const result = await h.hubspot.contacts.batch.read(ids, { properties: ['email'] });
    expect(h.server.requests.map((r) => [r.method, r.path, inputs(r).length])).toEqual([
      ['POST', '/crm/v3/objects/contacts/batch/read', 100],
      ['POST', '/crm/v3/objects/contacts/batch/read', 100],
      ['POST', '/crm/v3/objects/contacts/batch/read', 50],
    ]);
    expect(h.server.requests[0]!.json).toMatchObject({ inputs: expect.arrayContaining([{ id: '1001' }]), properties: ['email'], propertiesWithHistory: [] });
    expect(result.results).toHaveLength(248);
    expect(result.results[0]!.properties.email).toMatch(/@example\.com$/);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 5, input: '999999', category: 'OBJECT_NOT_FOUND', context: { ids: ['999999'] } }),
      expect.objectContaining({ index: 140, input: '888888', category: 'OBJECT_NOT_FOUND' }),
    ]);
  });

  it('reads by a unique property and accepts { id } inputs', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.read([{ id: 'ada@example.com' }, 'nobody@example.com'], { idProperty: 'email' });
    expect(h.server.requests[0]!.json).toMatchObject({ idProperty: 'email', inputs: [{ id: 'ada@example.com' }, { id: 'nobody@example.com' }] });
    expect(result.results.map((r) => r.id)).toEqual(['513']);
    expect(result.errors.map((e) => e.input)).toEqual(['nobody@example.com']);
  });

  it('sends a repeated id once and maps the outcome back to every position that asked for it', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.read(['512', '513', '512', '999', { id: '999' }], { properties: ['email'] });
    expect(h.server.requests).toHaveLength(1);
    expect(inputs(h.server.requests[0]!)).toEqual([{ id: '512' }, { id: '513' }, { id: '999' }]);
    expect(result.results.map((r) => [r.id, r.properties.email])).toEqual([
      ['512', 'bh@hubspot.com'],
      ['513', 'ada@example.com'],
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 3, input: '999', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }),
      expect.objectContaining({ index: 4, input: '999', category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }),
    ]);
  });

  it('the mock refuses repeated ids with 400 VALIDATION_ERROR for the whole request, as HubSpot does', async () => {
    h = await harness();
    const response = await fetch(`${h.server.baseUrl}/crm/v3/objects/contacts/batch/read`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: '512' }, { id: '513' }, { id: '512' }], properties: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringContaining('Duplicate IDs found in batch input: [512]') });
  });

  it('sends nothing for no ids', async () => {
    h = await harness();
    expect(await h.hubspot.contacts.batch.read([])).toEqual({ results: [], errors: [] });
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('batch.create', () => {
  it('tags inputs with trace ids so a 207 names each failed input, and keeps the created ones', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.create([
      { properties: { email: 'one@example.com' } },
      { properties: { email: 'not-an-email' } },
      { properties: { email: 'two@example.com' }, objectWriteTraceId: 'mine-2' },
      { properties: { email: 'bh@hubspot.com' } },
    ]);
    expect(inputs<{ objectWriteTraceId: string }>(h.server.requests[0]!).map((i) => i.objectWriteTraceId)).toEqual(['cf-0', 'cf-1', 'mine-2', 'cf-3']);
    expect(result.results.map((r) => r.properties.email)).toEqual(['one@example.com', 'two@example.com']);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 1, input: { properties: { email: 'not-an-email' } }, category: 'VALIDATION_ERROR' }),
      expect.objectContaining({ index: 3, input: { properties: { email: 'bh@hubspot.com' } }, category: 'CONFLICT', message: 'Contact already exists. Existing ID: 512' }),
    ]);
  });

  it('does not retry a chunk that failed after reaching HubSpot, says so per input, and goes on with the others', async () => {
    h = await harness({ config: { batchConcurrency: 1 } });
    h.server.use(hubspotErrors.serverError({ times: 1, path: '*/crm/v3/objects/contacts/batch/create' }));
    const many = Array.from({ length: 150 }, (_, i) => ({ properties: { email: `bulk${i}@example.com` } }));
    const result = await h.hubspot.contacts.batch.create(many);
    expect(h.server.requests).toHaveLength(2);
    expect(result.results).toHaveLength(50);
    expect(result.errors).toHaveLength(100);
    const failure = result.errors.find((e) => e.index === 0)!;
    expect(failure.category).toBe('SERVER_ERROR');
    expect(failure.error?.details.writeMayHaveApplied).toBe(true);
    expect(failure.message).toContain('batch.upsert');
  });

  it('throws errors that would fail every chunk, with what was done so far', async () => {
    h = await harness({ config: { batchConcurrency: 1 } });
    h.server.use(hubspotErrors.invalidAuthentication({ times: 1, path: '*/crm/v3/objects/contacts/batch/create' }));
    const error = await rejection(h.hubspot.contacts.batch.create([{ properties: { firstname: 'A' } }]));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.details.partialResult).toMatchObject({ results: [], errors: [], totalChunks: 1 });
  });

  it('throws when none of its requests went through (not errors as data), every input named in details.partialResult', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ status: 503, path: '*/crm/v3/objects/contacts/batch/read' }));
    const error = await rejection(h.hubspot.contacts.batch.read(['512', '513', '512']));
    expect(error.code).toBe('SERVER_ERROR');
    expect(new Set(h.server.requests.map((r) => r.path))).toEqual(new Set(['/crm/v3/objects/contacts/batch/read']));
    const partial = error.details.partialResult as { results: unknown[]; errors: Array<{ index: number; category: string; error?: unknown }>; processedChunks: number; totalChunks: number };
    expect(partial).toMatchObject({ results: [], processedChunks: 0, totalChunks: 1 });
    expect(partial.errors.map((e) => [e.index, e.category])).toEqual([
      [0, 'SERVER_ERROR'],
      [2, 'SERVER_ERROR'],
      [1, 'SERVER_ERROR'],
    ]);
    // The thrown error is not nested in its own details: they serialize (loggers, error trackers).
    expect(partial.errors.every((e) => e.error === undefined)).toBe(true);
    expect(() => JSON.stringify(error.details)).not.toThrow();
  });
});

describe('batch.update / upsert / archive', () => {
  it('updates and reports unknown ids per input', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.update([
      { id: '512', properties: { firstname: 'B.' } },
      { id: '404404', properties: { firstname: 'X' } },
    ]);
    expect(h.server.requests[0]!.path).toBe('/crm/v3/objects/contacts/batch/update');
    expect(inputs(h.server.requests[0]!)).toEqual([
      { id: '512', properties: { firstname: 'B.' }, objectWriteTraceId: 'cf-0' },
      { id: '404404', properties: { firstname: 'X' }, objectWriteTraceId: 'cf-1' },
    ]);
    expect(result.results.map((r) => r.properties.firstname)).toEqual(['B.']);
    expect(result.errors).toEqual([expect.objectContaining({ index: 1, input: { id: '404404', properties: { firstname: 'X' } }, category: 'OBJECT_NOT_FOUND' })]);
  });

  it('upserts by a unique property and, being safe to repeat, is retried after a 5xx', async () => {
    h = await harness();
    h.server.use(hubspotErrors.serverError({ times: 1, status: 502, path: '*/crm/v3/objects/contacts/batch/upsert' }));
    const result = await h.hubspot.contacts.batch.upsert([
      { id: 'ada@example.com', idProperty: 'email', properties: { lastname: 'King' } },
      { id: 'fresh@example.com', idProperty: 'email', properties: { firstname: 'Fresh' } },
    ]);
    expect(h.server.requests).toHaveLength(2);
    expect(h.server.requests[1]!.path).toBe('/crm/v3/objects/contacts/batch/upsert');
    expect(result.errors).toEqual([]);
    expect(result.results.map((r) => [r.id === '513', r.new])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('archives in chunks (204)', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.archive(['512', { id: '513' }]);
    expect(h.server.requests[0]!.json).toEqual({ inputs: [{ id: '512' }, { id: '513' }] });
    expect(h.server.requests[0]!.path).toBe('/crm/v3/objects/contacts/batch/archive');
    expect(result).toEqual({ results: [], errors: [] });
    expect((await h.hubspot.contacts.list().toArray({ limit: 10 })).map((c) => c.id)).toEqual(['514']);
  });

  it('archive sends a repeated id once', async () => {
    h = await harness();
    const result = await h.hubspot.contacts.batch.archive(['512', '512', { id: '513' }]);
    expect(h.server.requests[0]!.json).toEqual({ inputs: [{ id: '512' }, { id: '513' }] });
    expect(result).toEqual({ results: [], errors: [] });
  });

  it('update and upsert refuse a repeated record before the network (HubSpot would fail the whole chunk)', async () => {
    h = await harness();
    const b = h.hubspot.contacts.batch;
    const update = await invalid(() => b.update([{ id: '512', properties: { firstname: 'A' } }, { id: '513', properties: {} }, { id: '512', properties: { lastname: 'B' } }]), '[2].id');
    expect(update.issues.find((i) => i.path === '[2].id')?.message).toContain('repeats [0].id');
    await invalid(() => b.upsert([{ id: 'a@b.co', idProperty: 'email', properties: {} }, { id: 'a@b.co', idProperty: 'email', properties: {} }]), '[1].id');
    expect(h.server.requests).toHaveLength(0);
  });

  it('rejects bad inputs before the network', async () => {
    h = await harness();
    const b = h.hubspot.contacts.batch;
    await invalid(() => b.read(['12', 'abc']), '[1]');
    await invalid(() => b.read(['12'], { idProperty: 'Not A Name' }), 'idProperty');
    await invalid(() => b.create([{ properties: { email: 'x@y.z' } }, {} as never]), '[1].properties');
    await invalid(() => b.update([{ id: 'ada@example.com', properties: {} }]), '[0].id');
    await invalid(() => b.upsert([{ id: 'a@b.co', properties: {} } as never]), '[0].idProperty');
    await invalid(() => b.archive([{ id: 'x' }]));
    await invalid(() => b.read('512' as never));
    expect(h.server.requests).toHaveLength(0);
  });
});
