import { isConnectorError, type JsonValue, type Stream, type StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AIR_POLLUTION_HISTORY_PAGE_HOURS, metadata } from '../src/index.js';
import { airPollutionSeries, forecast } from '../src/mocks/index.js';
import { connect, queryOf, useMockServer } from './helpers.js';

const mock = useMockServer();

/** The declared params' examples, as `cf sync --sandbox` and the conformance kit pass them. */
const examples = (stream: Stream): Record<string, string> => Object.fromEntries(Object.entries(stream.params ?? {}).map(([name, p]) => [name, p.example]));

async function readAll(stream: Stream, checkpoint: JsonValue | null, params: Record<string, string> = examples(stream)): Promise<StreamPage[]> {
  const pages: StreamPage[] = [];
  for await (const page of stream.read({ checkpoint, params })) pages.push(page);
  return pages;
}

/** A stream of a connector on the helpers' fake clock (2026-01-01T00:00:00Z). */
const streamOf = (name: string): Stream => {
  const found = connect(mock.server).client.streams().find((s) => s.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
};

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

const at = (iso: string): number => Date.parse(iso) / 1000;
const ZOCCA = { lat: 44.34, lon: 10.99 };

describe('streams()', () => {
  it('binds every declared stream', () => {
    const names = connect(mock.server).client.streams().map((s) => s.name);
    expect(names).toEqual((metadata.streams ?? []).map((s) => s.name));
    expect(names).toEqual(['forecast', 'current_weather', 'air_pollution_forecast', 'air_pollution_history']);
  });

  it('every stream reads its pages from the mocks, and each record exactly once from every checkpoint', async () => {
    for (const stream of connect(mock.server).client.streams()) {
      const pages = await readAll(stream, null);
      expect(pages.at(-1)?.hasMore, stream.name).toBe(false);
      expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
      expect(pages.flatMap((p) => p.items).length, `${stream.name} has records in the mocks`).toBeGreaterThan(0);
      for (const record of pages.flatMap((p) => p.items)) {
        const parsed = safeParse(stream.schema(), record);
        expect(parsed.success, `${stream.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        for (const field of [...stream.primaryKey, ...(stream.cursorField ? [stream.cursorField] : [])]) expect((record as Record<string, unknown>)[field]).toBeDefined();
      }
      const all = keys(stream, pages);
      expect(new Set(all).size, `${stream.name}: each key once`).toBe(all.length);
      for (const [i, page] of pages.entries()) {
        if (page.checkpoint === null) continue;
        const again = await readAll(stream, page.checkpoint);
        expect(keys(stream, again), `${stream.name} resumed from page ${i}`).toEqual(keys(stream, pages.slice(i + 1)));
        expect(again.at(-1)?.checkpoint).toEqual(pages.at(-1)?.checkpoint);
      }
    }
  });
});

describe('weather streams', () => {
  it('forecast: one row per 3-hour step, keyed by the place as given and dt, in the units asked for', async () => {
    const pages = await readAll(streamOf('forecast'), null, { lat: '44.340', lon: '10.99', units: 'metric' });
    expect(mock.server.requests).toHaveLength(1);
    expect(queryOf(mock.server.requests[0]!)).toEqual({ lat: '44.34', lon: '10.99', units: 'metric' });
    expect(pages).toEqual([{ items: expect.any(Array), checkpoint: null, hasMore: false }]);
    expect(pages[0]?.items).toHaveLength(40);
    expect(pages[0]?.items[0]).toMatchObject({ ...ZOCCA, dt: forecast.list[0]!.dt, time: '2022-08-30T15:00:00.000Z', units: 'metric', main: { temp: expect.any(Number) } });
  });

  it('current_weather: one row for the place, without the API’s cod', async () => {
    const pages = await readAll(streamOf('current_weather'), null, { lat: '44.34', lon: '10.99' });
    expect(pages[0]?.items).toHaveLength(1);
    expect(pages[0]?.items[0]).toMatchObject({ ...ZOCCA, name: 'Zocca', units: 'standard', time: expect.stringMatching(/Z$/) });
    expect(pages[0]?.items[0]).not.toHaveProperty('cod');
  });

  it('air_pollution_forecast: one flat row per hour (aqi and each pollutant)', async () => {
    const pages = await readAll(streamOf('air_pollution_forecast'), null, { lat: '50', lon: '50' });
    expect(pages[0]?.items).toHaveLength(96);
    expect(pages[0]?.items[0]).toEqual({
      lat: 50,
      lon: 50,
      dt: 1606150800,
      time: '2020-11-23T17:00:00.000Z',
      aqi: 1,
      co: expect.any(Number),
      no: expect.any(Number),
      no2: expect.any(Number),
      o3: expect.any(Number),
      so2: expect.any(Number),
      pm2_5: expect.any(Number),
      pm10: expect.any(Number),
      nh3: expect.any(Number),
    });
  });

  it.each([
    ['forecast', { lon: '10.99' }, 'lat', 'is required'],
    ['forecast', { lat: '100', lon: '10.99' }, 'lat', 'must be between -90 and 90'],
    ['forecast', { lat: '44.34', lon: 'east' }, 'lon', 'must be a number'],
    ['current_weather', { lat: '44.34', lon: '10.99', units: 'kelvin' }, 'units', 'must be "standard", "metric" or "imperial"'],
    ['current_weather', { city: 'Zocca' }, 'city', 'is not a parameter of stream current_weather'],
    ['air_pollution_forecast', { lat: '44.34', lon: '10.99', units: 'metric' }, 'units', 'is not a parameter'],
  ])('%s rejects params %j with VALIDATION_ERROR naming %s, before the network', async (name, params, path, message) => {
    const error = await caught(() => readAll(streamOf(name), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(message);
    expect(mock.server.requests).toHaveLength(0);
  });
});

describe('air_pollution_history stream', () => {
  const history = () => streamOf('air_pollution_history');
  const query = { lat: 44.34, lon: 10.99, start: '2025-12-20' };

  it('reads 240 hours per page up to the last hour that has ended, checkpointing the last complete hour', async () => {
    const pages = await readAll(history(), null);
    expect(mock.server.requests.map((r) => queryOf(r))).toEqual([
      { lat: '44.34', lon: '10.99', start: String(at('2025-12-20T00:00:00Z')), end: String(at('2025-12-29T23:00:00Z')) },
      { lat: '44.34', lon: '10.99', start: String(at('2025-12-30T00:00:00Z')), end: String(at('2025-12-31T23:00:00Z')) },
    ]);
    expect(pages.map((p) => p.items.length)).toEqual([AIR_POLLUTION_HISTORY_PAGE_HOURS, 48]);
    expect(pages.map((p) => p.checkpoint)).toEqual([
      { dt: at('2025-12-29T23:00:00Z'), ...query },
      { dt: at('2025-12-31T23:00:00Z'), ...query },
    ]);
    expect(pages[0]?.items[0]).toMatchObject({ ...ZOCCA, dt: at('2025-12-20T00:00:00Z'), time: '2025-12-20T00:00:00.000Z', aqi: 1 });
  });

  it('resumes the hour after a mid-way checkpoint; a bare dt is taken as the params’ checkpoint', async () => {
    await readAll(history(), { dt: at('2025-12-25T05:00:00Z'), ...query });
    expect(queryOf(mock.server.requests[0]!)).toMatchObject({ start: String(at('2025-12-25T06:00:00Z')) });
    mock.server.requests.length = 0;
    await readAll(history(), at('2025-12-31T10:00:00Z'));
    expect(queryOf(mock.server.requests[0]!)).toMatchObject({ start: String(at('2025-12-31T11:00:00Z')), end: String(at('2025-12-31T23:00:00Z')) });
  });

  it('does not apply a checkpoint of another place: the read starts at start', async () => {
    await readAll(history(), { dt: at('2025-12-31T10:00:00Z'), lat: 51.5, lon: -0.12, start: '2025-12-20' });
    expect(queryOf(mock.server.requests[0]!)).toMatchObject({ start: String(at('2025-12-20T00:00:00Z')) });
  });

  it('stops its checkpoint at the last hour answered while the missing ones are less than a day old', async () => {
    // The API has not published the last 3 hours yet.
    mock.server.use(
      http.get('*/data/2.5/air_pollution/history', ({ request }) => {
        const url = new URL(request.url);
        const start = Number(url.searchParams.get('start'));
        const end = Math.min(Number(url.searchParams.get('end')), at('2025-12-31T20:00:00Z'));
        return HttpResponse.json({ coord: { lon: 10.99, lat: 44.34 }, list: airPollutionSeries(start, Math.max(0, (end - start) / 3600 + 1)) });
      }),
    );
    const pages = await readAll(history(), null, { lat: '44.34', lon: '10.99', start: '2025-12-30' });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items.at(-1)).toMatchObject({ dt: at('2025-12-31T20:00:00Z') });
    expect(pages[0]?.checkpoint).toEqual({ dt: at('2025-12-31T20:00:00Z'), lat: 44.34, lon: 10.99, start: '2025-12-30' });
  });

  it('past the last hour reads nothing and keeps the checkpoint', async () => {
    const saved = { dt: at('2025-12-31T23:00:00Z'), ...query };
    expect(await readAll(history(), saved)).toEqual([{ items: [], checkpoint: saved, hasMore: false }]);
    expect(mock.server.requests).toHaveLength(0);
  });

  it.each([
    [{ lat: '44.34' }, 'lon', 'is required'],
    [{ lat: '44.34', lon: '10.99', start: '2019-06-01' }, 'start', 'must be on or after 2020-11-27'],
    [{ lat: '44.34', lon: '10.99', start: '2026-02-01' }, 'start', 'must not be in the future'],
    [{ lat: '44.34', lon: '10.99', start: '2025-02-30' }, 'start', 'must be a real calendar date'],
    [{ lat: '44.34', lon: '10.99', end: '2025-12-31' }, 'end', 'is not a parameter of stream air_pollution_history'],
  ])('rejects params %j with VALIDATION_ERROR naming %s', async (params, path, message) => {
    const error = await caught(() => readAll(history(), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]).toMatchObject({ path });
    expect(error.message).toContain(message);
    expect(mock.server.requests).toHaveLength(0);
  });

  it('rejects a checkpoint it did not save with VALIDATION_ERROR', async () => {
    const error = await caught(() => readAll(history(), '2025-12-31'));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]?.path).toMatch(/^checkpoint/);
  });
});
