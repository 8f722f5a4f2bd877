import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { defineStreams, type JsonValue, type Stream, type StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { metadata } from '../src/index.js';
import { generateRecords } from '../src/mocks/index.js';
import { harness, invalid, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Object types with more records than one search page (200) holds, and a few archived in each. */
const COUNTS: Record<string, number> = { contacts: 450, companies: 230, deals: 260, tickets: 205, products: 205, line_items: 210 };
const ARCHIVED = 3;
const OBJECT_STREAMS = Object.keys(COUNTS);

async function account(): Promise<Harness> {
  const records = Object.fromEntries(
    Object.entries(COUNTS).map(([type, count], n) => [type, generateRecords({ objectType: type, count, idStart: 10_001 + n * 100_000 })]),
  );
  const harnessed = await harness({ mock: { records } });
  for (const [type, count] of Object.entries(COUNTS)) {
    const table = harnessed.mock.account.table(type);
    // Archived records leave search; the streams find them in the recycle bin.
    for (let i = 0; i < ARCHIVED; i += 1) expect(table.archive(table.at(Math.floor((count * (i + 1)) / (ARCHIVED + 1)))!.id)).toBe(true);
  }
  // Past the 30 s settle window: what was archived just now is read by this sync.
  harnessed.clock.advance(31_000);
  return harnessed;
}

const streamOf = (name: string): Stream => {
  const stream = h!.hubspot.streams().find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  return stream;
};

/** A checkpoint as a destination keeps it: through JSON. */
const saved = (checkpoint: JsonValue | null): JsonValue | null => JSON.parse(JSON.stringify(checkpoint)) as JsonValue | null;

async function readAll(stream: Stream, checkpoint: JsonValue | null = null, params?: Record<string, string>): Promise<StreamPage[]> {
  const pages: StreamPage[] = [];
  for await (const page of stream.read({ checkpoint, params })) pages.push({ ...page, checkpoint: saved(page.checkpoint) });
  return pages;
}

/** One page from a checkpoint, as a sync that is killed after committing each page reads it. */
async function firstPage(stream: Stream, checkpoint: JsonValue | null, params?: Record<string, string>): Promise<StreamPage> {
  for await (const page of stream.read({ checkpoint, params })) return { ...page, checkpoint: saved(page.checkpoint) };
  throw new Error(`${stream.name}: no page`);
}

const keyOf = (stream: Stream, record: unknown): string => JSON.stringify(stream.primaryKey.map((field) => (record as Record<string, unknown>)[field]));
const keys = (stream: Stream, pages: StreamPage[]): string[] => pages.flatMap((p) => p.items.map((r) => keyOf(stream, r)));

function expectOnce(stream: Stream, list: string[]): void {
  expect(new Set(list).size, `${stream.name}: a record delivered twice`).toBe(list.length);
}

describe('streams', () => {
  it('binds every declared stream, each reading through a declared operation', () => {
    h = undefined;
    const declared = (metadata.streams ?? []).map((s) => s.name);
    expect(declared).toEqual(['contacts', 'companies', 'deals', 'tickets', 'products', 'line_items', 'owners', 'pipelines', 'pipeline_stages', 'properties']);
    const operations = new Set((metadata.operations ?? []).map((o) => o.name));
    for (const stream of metadata.streams ?? []) expect(operations.has(stream.operation), stream.operation).toBe(true);
  });

  it.each(OBJECT_STREAMS)('%s: every record once (archived ones marked), from the start, resumed after every page, and from mid-way', async (name) => {
    h = await account();
    const stream = streamOf(name);
    expect(stream).toMatchObject({ primaryKey: ['id'], syncMode: 'incremental', cursorField: 'updatedAt', deletedField: 'archived' });
    const pages = await readAll(stream);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((p) => p.hasMore)).toEqual([...pages.slice(1).map(() => true), false]);
    const all = keys(stream, pages);
    expectOnce(stream, all);
    expect(all).toHaveLength(COUNTS[name]!);
    const records = pages.flatMap((p) => p.items) as Array<{ id: string; archived: boolean; updatedAt: string }>;
    expect(records.filter((r) => r.archived)).toHaveLength(ARCHIVED);
    for (const record of records) expect(safeParse(stream.schema(), record).success).toBe(true);
    // The active records come oldest first; the archived ones after them.
    const active = records.filter((r) => !r.archived).map((r) => Date.parse(r.updatedAt));
    expect(active).toEqual([...active].sort((a, b) => a - b));
    expect(records.slice(-ARCHIVED).every((r) => r.archived)).toBe(true);

    // A sync killed after committing each page: every rerun resumes from the saved checkpoint.
    const resumed: string[] = [];
    let checkpoint: JsonValue | null = null;
    for (let runs = 0; ; runs += 1) {
      expect(runs).toBeLessThan(50);
      const page = await firstPage(stream, checkpoint);
      resumed.push(...page.items.map((r) => keyOf(stream, r)));
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    expectOnce(stream, resumed);
    expect(resumed).toEqual(all);
    // The same changes checkpoint; the recycle bin's bound is the time of each sync.
    expect((checkpoint as { changes: unknown }).changes).toEqual((pages.at(-1)!.checkpoint as { changes: unknown }).changes);

    // From a checkpoint saved mid-way: exactly the records after it.
    const rest = await readAll(stream, pages[0]!.checkpoint);
    expect(keys(stream, rest)).toEqual(keys(stream, pages.slice(1)));

    // Nothing changed since: the next sync delivers nothing.
    const next = await readAll(stream, checkpoint);
    expect(next.flatMap((p) => p.items)).toEqual([]);
    expect(next.at(-1)!.hasMore).toBe(false);
  });

  it('resumes exactly inside a millisecond hundreds of records share, after every page', async () => {
    const start = Date.UTC(2024, 0, 1);
    h = await harness({ mock: { records: { contacts: generateRecords({ count: 700, modifiedAt: (i) => (i >= 100 && i < 550 ? start + 5_000_000 : start + i * 1000) }) } } });
    const stream = streamOf('contacts');
    const resumed: string[] = [];
    let checkpoint: JsonValue | null = null;
    const saw: JsonValue[] = [];
    for (;;) {
      const page = await firstPage(stream, checkpoint);
      resumed.push(...page.items.map((r) => keyOf(stream, r)));
      checkpoint = page.checkpoint;
      saw.push(checkpoint);
      if (!page.hasMore) break;
    }
    expectOnce(stream, resumed);
    expect(resumed).toHaveLength(700);
    expect(saw.some((c) => (c as { changes: { afterId?: string } }).changes.afterId !== undefined)).toBe(true);
  });

  it('a later sync delivers what changed and what was archived since, once, after the settle window', async () => {
    h = await harness();
    const stream = streamOf('contacts');
    const first = await readAll(stream);
    expect(keys(stream, first)).toEqual(['["512"]', '["513"]', '["514"]']);
    const checkpoint = first.at(-1)!.checkpoint;
    await h.hubspot.contacts.update('513', { properties: { firstname: 'Augusta' } });
    await h.hubspot.contacts.archive('514');
    // Changed and archived just now: left for a later sync while HubSpot's search index catches up.
    expect((await readAll(stream, checkpoint)).flatMap((p) => p.items)).toEqual([]);
    h.clock.advance(31_000);
    const later = await readAll(stream, checkpoint, { properties: 'firstname' });
    const records = later.flatMap((p) => p.items) as Array<{ id: string; archived: boolean; properties: Record<string, string | null> }>;
    expect(records.map((r) => [r.id, r.archived, r.properties.firstname])).toEqual([
      ['513', false, 'Augusta'],
      ['514', true, 'Grace'],
    ]);
    expect((await readAll(stream, later.at(-1)!.checkpoint)).flatMap((p) => p.items)).toEqual([]);
  });

  it('reads the properties asked for', async () => {
    h = await harness();
    const pages = await readAll(streamOf('contacts'), null, { properties: 'email, lifecyclestage' });
    expect(h.server.requests[0]!.json).toMatchObject({ properties: ['email', 'lifecyclestage', 'lastmodifieddate'], limit: 200 });
    expect((pages[0]!.items[0] as { properties: Record<string, unknown> }).properties).toMatchObject({ email: 'bh@hubspot.com', lifecyclestage: 'customer' });
    // The recycle bin is read with the same properties.
    const bin = h.server.requests.find((r) => r.method === 'GET')!;
    expect(bin.path).toBe('/crm/v3/objects/contacts');
    expect(Object.fromEntries(bin.query)).toMatchObject({ archived: 'true', properties: 'email,lifecyclestage' });
  });

  it('delivers a record that does not match the schema with the rest of its page, for the sync to set aside', async () => {
    h = await harness();
    const record = (id: string, modified: string) => ({
      id,
      properties: { hs_object_id: id, lastmodifieddate: modified, email: `${id}@example.com` },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: modified,
      archived: false,
    });
    const bad = { ...record('602', '2024-02-02T00:00:00.000Z'), properties: { hs_object_id: '602', lastmodifieddate: '2024-02-02T00:00:00.000Z', email: 42 } };
    h.server.use(
      http.post('*/crm/v3/objects/contacts/search', () =>
        HttpResponse.json({ total: 3, results: [record('601', '2024-02-01T00:00:00.000Z'), bad, record('603', '2024-02-03T00:00:00.000Z')] }),
      ),
    );
    const stream = streamOf('contacts');
    const page = await firstPage(stream, null);
    expect(page.items.map((r) => (r as { id: string }).id)).toEqual(['601', '602', '603']);
    expect(page.items.map((r) => safeParse(stream.schema(), r).success)).toEqual([true, false, true]);
    expect(page.checkpoint).toMatchObject({ changes: { since: Date.parse('2024-02-03T00:00:00.000Z') + 1 } });
    // The typed method validates every record: there, the same answer fails the call.
    expect((await rejection(h.hubspot.contacts.changedSince(null).toArray({ limit: 10 }))).code).toBe('VALIDATION_ERROR');
  });

  it('owners: active, then archived ones marked archived; resumable; a full refresh starts over', async () => {
    h = await harness();
    h.mock.account.owners.push({ ...structuredClone(h.mock.account.owners[0]!), id: '41629799', email: 'gone@example.com', archived: true });
    const stream = streamOf('owners');
    expect(stream).toMatchObject({ primaryKey: ['id'], syncMode: 'full-refresh', deletedField: 'archived' });
    const pages = await readAll(stream);
    expect(pages.map((p) => [p.items.length, p.checkpoint, p.hasMore])).toEqual([
      [3, { archived: true }, true],
      [1, null, false],
    ]);
    expect((pages[1]!.items[0] as { archived: boolean }).archived).toBe(true);
    expect(keys(stream, await readAll(stream, pages[0]!.checkpoint))).toEqual(['["41629799"]']);
    for (const item of pages.flatMap((p) => p.items)) expect(safeParse(stream.schema(), item).success).toBe(true);
  });

  it.each(['pipelines', 'pipeline_stages', 'properties'])('%s: one page per object type, each record once, resumable', async (name) => {
    h = await harness();
    const stream = streamOf(name);
    expect(stream.syncMode).toBe('full-refresh');
    const pages = await readAll(stream);
    expect(pages.length).toBe(name === 'properties' ? 6 : 2);
    expect(pages.map((p) => p.hasMore)).toEqual([...pages.slice(1).map(() => true), false]);
    expect(pages.at(-1)!.checkpoint).toBeNull();
    const all = keys(stream, pages);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expectOnce(stream, all);
    for (const item of pages.flatMap((p) => p.items)) {
      expect(safeParse(stream.schema(), item).success).toBe(true);
      for (const field of stream.primaryKey) expect((item as Record<string, unknown>)[field]).toBeTypeOf('string');
    }
    const resumed: string[] = [];
    let checkpoint: JsonValue | null = null;
    for (;;) {
      const page = await firstPage(stream, checkpoint);
      resumed.push(...page.items.map((r) => keyOf(stream, r)));
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    expect(resumed).toEqual(all);
    expect(keys(stream, await readAll(stream, pages[0]!.checkpoint))).toEqual(keys(stream, pages.slice(1)));
  });

  it('pipeline_stages carry their pipeline and object type', async () => {
    h = await harness();
    const pages = await readAll(streamOf('pipeline_stages'), null, { objectTypes: 'deals' });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items[0]).toMatchObject({ objectType: 'deals', pipelineId: 'default', id: 'appointmentscheduled' });
  });

  it('rejects bad params and checkpoints with VALIDATION_ERROR, before the network', async () => {
    h = await harness();
    const read = (name: string, args: { checkpoint?: JsonValue | null; params?: Record<string, string> }) => () => firstPage(streamOf(name), args.checkpoint ?? null, args.params);
    await invalid(read('contacts', { params: { properties: 'first name' } }), 'properties[0]');
    await invalid(read('contacts', { params: { properties: ' , ' } }), 'properties');
    expect((await invalid(read('contacts', { params: { pageSize: '10' } }))).message).toContain('pageSize');
    expect((await invalid(read('owners', { params: { email: 'a@b.c' } }))).message).toContain('email');
    await invalid(read('pipelines', { params: { objectTypes: 'deals,no way' } }), 'objectTypes[1]');
    await invalid(read('contacts', { checkpoint: { since: 5 } }));
    await invalid(read('contacts', { checkpoint: { changes: { since: -1 }, archived: { since: 0 } } }), 'changes.since');
    await invalid(read('contacts', { checkpoint: { changes: { since: 0 }, archived: { since: 0, after: 'x' } } }), 'archived.after');
    await invalid(read('owners', { checkpoint: 'abc' }));
    await invalid(read('properties', { checkpoint: { objectType: 7 } }));
    expect(h.server.requests).toHaveLength(0);
  });

  it('defineStreams refuses a declaration without an implementation (core contract the binding relies on)', () => {
    const bind = defineStreams(metadata.streams, {});
    expect(() => bind({})).toThrow(/declared without an implementation: contacts/);
  });
});
