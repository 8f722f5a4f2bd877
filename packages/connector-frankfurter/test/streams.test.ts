import { FakeClock, isConnectorError, type JsonValue, type Stream, type StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { describe, expect, it } from 'vitest';
import { metadata, metadataV2 } from '../src/index.js';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

/** The declared params' examples, as `cf sync --sandbox` and the conformance kit pass them. */
const examples = (stream: Stream): Record<string, string> => Object.fromEntries(Object.entries(stream.params ?? {}).map(([name, p]) => [name, p.example]));

async function readAll(stream: Stream, checkpoint: JsonValue | null, params: Record<string, string> = examples(stream)): Promise<StreamPage[]> {
  const pages: StreamPage[] = [];
  for await (const page of stream.read({ checkpoint, params })) pages.push(page);
  return pages;
}

const keyOf = (stream: Stream, record: unknown): string => JSON.stringify(stream.primaryKey.map((field) => (record as Record<string, unknown>)[field]));
const keys = (stream: Stream, pages: StreamPage[]): string[] => pages.flatMap((p) => p.items.map((r) => keyOf(stream, r)));

async function caught(run: () => Promise<unknown>): Promise<{ code?: string; message: string; issues?: Array<{ path: string; message: string }> }> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

const streamOf = (streams: Stream[], name: string): Stream => {
  const found = streams.find((s) => s.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
};

/**
 * What every stream must do: from the beginning, records that match the schema with their key (and cursor) present,
 * each key once; from every checkpoint a page saved, exactly the records of the pages after it.
 */
async function expectExactlyOnce(stream: Stream): Promise<StreamPage[]> {
  const pages = await readAll(stream, null);
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.at(-1)?.hasMore).toBe(false);
  expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
  for (const record of pages.flatMap((p) => p.items)) {
    expect(safeParse(stream.schema(), record).success).toBe(true);
    for (const field of [...stream.primaryKey, ...(stream.cursorField ? [stream.cursorField] : [])]) expect((record as Record<string, unknown>)[field]).toBeDefined();
  }
  const all = keys(stream, pages);
  expect(new Set(all).size).toBe(all.length);
  for (const [i, page] of pages.entries()) {
    if (page.checkpoint === null) continue;
    const again = await readAll(stream, page.checkpoint);
    expect(keys(stream, again), `resumed from page ${i}'s checkpoint ${JSON.stringify(page.checkpoint)}`).toEqual(keys(stream, pages.slice(i + 1)));
    // Resuming from the last checkpoint reads nothing new and keeps the checkpoint.
    expect(again.at(-1)?.checkpoint).toEqual(pages.at(-1)?.checkpoint);
  }
  return pages;
}

describe('streams(): declarations and bindings', () => {
  it('binds every declared stream of each version', () => {
    expect(api.make().streams().map((s) => s.name)).toEqual((metadata.streams ?? []).map((s) => s.name));
    expect(api.makeV2().streams().map((s) => s.name)).toEqual((metadataV2.streams ?? []).map((s) => s.name));
    expect(api.make().streams().map((s) => s.name)).toEqual(['rates', 'currencies']);
    expect(api.makeV2().streams().map((s) => s.name)).toEqual(['v2_rates', 'v2_currencies', 'v2_providers']);
  });

  it.each([
    ['v1', () => api.make().streams()],
    ['v2', () => api.makeV2().streams()],
  ])('%s: every stream reads its pages from the mocks, each record exactly once from every checkpoint', async (_version, streams) => {
    for (const stream of streams()) await expectExactlyOnce(stream);
  });
});

describe('v1 rates stream', () => {
  const rates = () => streamOf(api.make().streams(), 'rates');

  it('reads a calendar year per page, one row per (date, base, quote), and checkpoints the last complete day', async () => {
    const pages = await readAll(rates(), null);
    expect(api.server.requests.map((r) => r.path)).toEqual([
      '/v1/2023-12-01..2023-12-31',
      '/v1/2024-01-01..2024-12-31',
      // The mocks end at 2024-11-22 (404 after it): the latest rates tell "no rates yet" from "unknown codes".
      '/v1/2025-01-01..2025-12-31',
      '/v1/latest',
      '/v1/2026-01-01..2026-01-01',
    ]);
    expect(Object.fromEntries(api.server.requests[0]!.query)).toEqual({ base: 'EUR', symbols: 'GBP,JPY,USD' });
    const query = { base: 'EUR', symbols: 'GBP,JPY,USD', start: '2023-12-01' };
    expect(pages.map((p) => p.checkpoint)).toEqual([
      { date: '2023-12-31', ...query },
      { date: '2024-12-31', ...query },
      { date: '2025-12-31', ...query },
      { date: '2025-12-31', ...query },
    ]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, true, false]);
    expect(pages[0]?.items.slice(0, 3)).toEqual([
      { date: '2023-12-01', base: 'EUR', quote: 'GBP', rate: fixtures.eurRatesOn('2023-12-01').GBP },
      { date: '2023-12-01', base: 'EUR', quote: 'JPY', rate: fixtures.eurRatesOn('2023-12-01').JPY },
      { date: '2023-12-01', base: 'EUR', quote: 'USD', rate: fixtures.eurRatesOn('2023-12-01').USD },
    ]);
    expect(pages[1]?.items.at(-1)).toMatchObject({ date: fixtures.latestDate, quote: 'USD' });
    expect(pages[2]?.items).toEqual([]);
  });

  it('on the day after the last publication, ends on the last published day and resumes the day after it', async () => {
    // Monday 2024-11-25, before the ECB's 16:00 CET publication: the last rates are Friday's.
    const fx = api.make({ clock: new FakeClock(Date.parse('2024-11-25T09:00:00Z')) });
    const stream = streamOf(fx.streams(), 'rates');
    const pages = await readAll(stream, null, { symbols: 'USD', start: '2024-11-18' });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items.map((r) => (r as { date: string }).date)).toEqual(['2024-11-18', '2024-11-19', '2024-11-20', '2024-11-21', '2024-11-22']);
    expect(pages[0]).toMatchObject({ checkpoint: { date: '2024-11-22', base: 'EUR', symbols: 'USD', start: '2024-11-18' }, hasMore: false });
    api.server.requests.length = 0;
    const again = await readAll(stream, pages[0]!.checkpoint, { symbols: 'USD', start: '2024-11-18' });
    expect(api.server.requests.map((r) => r.path)).toEqual(['/v1/2024-11-23..2024-11-25', '/v1/latest']);
    expect(again).toEqual([{ items: [], checkpoint: pages[0]!.checkpoint, hasMore: false }]);
  });

  it('resumes from a mid-way checkpoint with the day after it', async () => {
    const pages = await readAll(rates(), { date: '2024-06-30', base: 'EUR', symbols: 'GBP,JPY,USD', start: '2023-12-01' });
    expect(api.server.requests[0]?.path).toBe('/v1/2024-07-01..2024-12-31');
    expect((pages[0]?.items[0] as { date: string }).date).toBe('2024-07-01');
  });

  it('takes a bare YYYY-MM-DD checkpoint as the last complete day of the query given', async () => {
    await readAll(rates(), '2024-10-31');
    expect(api.server.requests[0]?.path).toBe('/v1/2024-11-01..2024-12-31');
  });

  it('does not apply a checkpoint saved for other params: the read starts at start', async () => {
    const saved = { date: '2024-12-31', base: 'EUR', symbols: 'GBP,JPY,USD', start: '2023-12-01' };
    await readAll(rates(), saved, { symbols: 'USD,CHF', start: '2024-11-01' });
    expect(api.server.requests[0]?.path).toBe('/v1/2024-11-01..2024-12-31');
    expect(api.server.requests[0]?.query.get('symbols')).toBe('CHF,USD');
  });

  it('past the last day (a checkpoint of today) reads nothing and keeps the checkpoint', async () => {
    const saved = { date: '2026-01-01', base: 'EUR', symbols: 'GBP,JPY,USD', start: '2023-12-01' };
    expect(await readAll(rates(), saved)).toEqual([{ items: [], checkpoint: saved, hasMore: false }]);
    expect(api.server.requests).toHaveLength(0);
  });

  it('fails with NOT_FOUND for a currency code Frankfurter has no rates for', async () => {
    const error = await caught(() => readAll(rates(), null, { symbols: 'XYZ', start: '2024-11-01' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('symbols XYZ');
  });

  it.each([
    [{ start: '2024-01-01', symbol: 'USD' }, 'symbol', 'is not a parameter of stream rates'],
    [{ symbols: 'US' }, 'symbols[0]', 'must be a three-letter'],
    [{ start: '1998-01-01' }, 'start', 'must be on or after 1999-01-04'],
    [{ start: '2026-06-01' }, 'start', 'must not be in the future'],
    [{ start: 'yesterday' }, 'start', 'must be a real calendar date'],
    [{ base: 'USD', symbols: 'USD' }, 'symbols', 'must include a currency other than base'],
  ])('rejects params %j with VALIDATION_ERROR naming %s, before the network', async (params, path, message) => {
    const error = await caught(() => readAll(rates(), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]).toMatchObject({ path });
    expect(error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });

  it.each([[{ day: '2024-01-01' }], ['2024-13-01'], [42]])('rejects a checkpoint it did not save (%j) with VALIDATION_ERROR', async (checkpoint) => {
    const error = await caught(() => readAll(rates(), checkpoint));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]?.path).toMatch(/^checkpoint/);
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('v1 currencies stream', () => {
  it('is one page of { code, name } rows, nothing to resume', async () => {
    const stream = streamOf(api.make().streams(), 'currencies');
    const pages = await readAll(stream, null);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ checkpoint: null, hasMore: false });
    expect(pages[0]?.items).toEqual(Object.entries(fixtures.currencies).map(([code, name]) => ({ code, name })));
  });

  it('takes no params', async () => {
    const error = await caught(() => readAll(streamOf(api.make().streams(), 'currencies'), null, { base: 'EUR' }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'base' }] });
  });
});

describe('v2 streams', () => {
  const v2Rates = (clock?: FakeClock) => streamOf(api.makeV2(clock ? { clock } : {}).streams(), 'v2_rates');

  it('v2_rates reads a calendar year per page with the API rows as they are', async () => {
    const pages = await readAll(v2Rates(), null, { start: '2024-11-18', quotes: 'USD,GBP' });
    expect(api.server.requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual([
      '/v2/rates?from=2024-11-18&to=2024-12-31&quotes=GBP%2CUSD',
      '/v2/rates?from=2025-01-01&to=2025-12-31&quotes=GBP%2CUSD',
      '/v2/rates?from=2026-01-01&to=2026-01-01&quotes=GBP%2CUSD',
    ]);
    expect(pages[0]?.items[0]).toEqual({ date: '2024-11-18', base: 'EUR', quote: 'GBP', rate: expect.any(Number) });
    expect(pages[0]?.items).toHaveLength(10);
    // Days are settled 30 days after them (lookbackDays): today is 2026-01-01.
    const query = { base: 'EUR', quotes: 'GBP,USD', providers: null, start: '2024-11-18' };
    expect(pages.map((p) => p.checkpoint)).toEqual([{ date: '2024-12-31', ...query }, { date: '2025-12-02', ...query }, { date: '2025-12-02', ...query }]);
  });

  it('v2_rates re-reads the unsettled days (lookbackDays) on the next sync', async () => {
    const clock = new FakeClock(Date.parse('2024-11-25T09:00:00Z'));
    const params = { start: '2024-11-01', quotes: 'USD', lookbackDays: '5' };
    const pages = await readAll(v2Rates(clock), null, params);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.checkpoint).toMatchObject({ date: '2024-11-20' });
    const again = await readAll(v2Rates(clock), pages[0]!.checkpoint, params);
    expect(again[0]?.items.map((r) => (r as { date: string }).date)).toEqual(['2024-11-21', '2024-11-22']);
    expect(again[0]?.checkpoint).toEqual(pages[0]?.checkpoint);
  });

  it.each([
    [{}, 'start', 'is required'],
    [{ start: '2024-01-01', lookbackDays: '0' }, 'lookbackDays', 'must be at least 1'],
    [{ start: '2024-01-01', lookbackDays: 'a week' }, 'lookbackDays', 'must be a whole number'],
    [{ start: '2024-01-01', providers: 'E C B' }, 'providers[0]', 'must be a provider key'],
    [{ start: '2024-01-01', symbols: 'USD' }, 'symbols', 'is not a parameter of stream v2_rates'],
  ])('v2_rates rejects params %j with VALIDATION_ERROR naming %s', async (params, path, message) => {
    const error = await caught(() => readAll(v2Rates(), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]).toMatchObject({ path });
    expect(error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });

  it('v2_currencies lists every currency v2 has had (scope=all), v2_providers every provider', async () => {
    const streams = api.makeV2().streams();
    const currencies = await readAll(streamOf(streams, 'v2_currencies'), null);
    expect(api.server.requests[0]?.query.get('scope')).toBe('all');
    expect(currencies[0]?.items.map((c) => (c as { iso_code: string }).iso_code)).toContain('HRK');
    const providers = await readAll(streamOf(streams, 'v2_providers'), null);
    expect(providers[0]?.items.map((p) => (p as { key: string }).key)).toEqual(['BOC', 'ECB']);
  });
});
