import { isConnectorError, type JsonValue, type Stream, type StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { describe, expect, it } from 'vitest';
import { metadata } from '../src/index.js';
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

const streamOf = (name: string): Stream => {
  const found = api.make().streams().find((s) => s.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
};

const hexes = (pages: StreamPage[]): string[] => pages.flatMap((p) => p.items.map((a) => (a as { hex: string }).hex));

async function caught(run: () => Promise<unknown>): Promise<{ code?: string; message: string; issues?: Array<{ path: string; message: string }> }> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

const SNAPSHOT_AT = new Date(fixtures.now).toISOString();

describe('streams()', () => {
  it('binds every declared stream', () => {
    expect(api.make().streams().map((s) => s.name)).toEqual((metadata.streams ?? []).map((s) => s.name));
    expect(api.make().streams().map((s) => s.name)).toEqual(['nearby', 'military', 'ladd', 'pia', 'emergencies', 'by_type']);
    expect(api.make().streams().every((s) => s.syncMode === 'full-refresh' && s.primaryKey.join() === 'hex')).toBe(true);
  });

  it('every stream reads one page of its snapshot from the mocks: records match the schema, each hex once', async () => {
    for (const stream of api.make().streams()) {
      const pages = await readAll(stream, null);
      expect(pages, stream.name).toHaveLength(1);
      expect(pages[0]).toMatchObject({ checkpoint: null, hasMore: false });
      expect(pages[0]?.items.length, `${stream.name} has aircraft in the mocks`).toBeGreaterThan(0);
      for (const record of pages[0]!.items) {
        const parsed = safeParse(stream.schema(), record);
        expect(parsed.success, `${stream.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(record).toMatchObject({ hex: expect.any(String), snapshot_at: SNAPSHOT_AT });
      }
      expect(new Set(hexes(pages)).size).toBe(hexes(pages).length);
      // Nothing to resume: a read from any checkpoint is the whole snapshot again, each aircraft once.
      expect(hexes(await readAll(stream, { hex: '4ca87c' }))).toEqual(hexes(pages));
    }
  });
});

describe('nearby stream', () => {
  it('reads GET /v2/point/{lat}/{lon}/{radius}: one row per aircraft with its distance from the centre', async () => {
    const pages = await readAll(streamOf('nearby'), null, { lat: '51.47', lon: '-0.45', radius: '25' });
    expect(api.only().path).toBe('/v2/point/51.47/-0.45/25');
    expect(hexes(pages)).toEqual(['406b1f', '~2a1b3c', '4ca87c']);
    expect(pages[0]?.items[2]).toMatchObject({
      hex: '4ca87c',
      flight: 'RYR4TX',
      flightRaw: 'RYR4TX  ',
      dst: expect.any(Number),
      dir: expect.any(Number),
      center_lat: 51.47,
      center_lon: -0.45,
      snapshot_at: SNAPSHOT_AT,
    });
  });

  it.each([
    [{ lon: '-0.45', radius: '25' }, 'lat', 'is required'],
    [{ lat: '91', lon: '-0.45', radius: '25' }, 'lat', 'must be between -90 and 90'],
    [{ lat: 'north', lon: '-0.45', radius: '25' }, 'lat', 'must be a number'],
    [{ lat: '51.47', lon: '-0.45', radius: '2.5' }, 'radius', 'must be a whole number'],
    [{ lat: '51.47', lon: '-0.45', radius: '300' }, 'radius', 'must be at most 250'],
    [{ lat: '51.47', lon: '-0.45', radiusNm: '25' }, 'radiusNm', 'is not a parameter of stream nearby'],
  ])('rejects params %j with VALIDATION_ERROR naming %s, before the network', async (params, path, message) => {
    const error = await caught(() => readAll(streamOf('nearby'), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('filtered snapshots', () => {
  it('splits alt_baro into on_ground and alt_baro_ft (feet) for typed columns', async () => {
    const pages = await readAll(streamOf('by_type'), null, { types: 'B738,A35K' });
    const byHex = Object.fromEntries(pages[0]!.items.map((a) => [(a as { hex: string }).hex, a]));
    expect(byHex['4ca87c']).toMatchObject({ alt_baro: 12975, alt_baro_ft: 12975, on_ground: false });
    expect(byHex['406b1f']).toMatchObject({ alt_baro: 'ground', on_ground: true });
    expect(byHex['406b1f']).not.toHaveProperty('alt_baro_ft');
  });

  it('emergencies merges the three squawks, one row per hex', async () => {
    const pages = await readAll(streamOf('emergencies'), null);
    expect(api.server.requests.map((r) => r.path).sort()).toEqual(['/v2/squawk/7500', '/v2/squawk/7600', '/v2/squawk/7700']);
    expect(pages[0]?.items.map((a) => (a as { squawk: string }).squawk).sort()).toEqual(['7600', '7700']);
  });

  it('by_type asks for every type in one request', async () => {
    const pages = await readAll(streamOf('by_type'), null, { types: 'b738, A35K' });
    expect(api.only().path).toBe('/v2/type/B738%2CA35K');
    expect(hexes(pages).sort()).toEqual(['406b1f', '4ca87c']);
  });

  it('military reads GET /v2/mil', async () => {
    const pages = await readAll(streamOf('military'), null);
    expect(api.only().path).toBe('/v2/mil');
    expect(hexes(pages)).toEqual(['ae1460']);
  });

  it.each([
    ['by_type', {}, 'types', 'is required'],
    ['by_type', { types: 'A3_20' }, 'types[0]', 'must be an ICAO type designator'],
    ['military', { lat: '51' }, 'lat', 'is not a parameter of stream military (it takes none)'],
  ])('%s rejects params %j with VALIDATION_ERROR naming %s', async (name, params, path, message) => {
    const error = await caught(() => readAll(streamOf(name), null, params));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues?.[0]?.path).toBe(path);
    expect(error.message).toContain(message);
    expect(api.server.requests).toHaveLength(0);
  });
});
