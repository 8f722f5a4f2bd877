import { describe, expect, it } from 'vitest';
import { caught, connect, expectStandardRequest, onlyRequest, queryOf, useMockServer } from './helpers.js';

const ctx = useMockServer();

describe('geocode(query, { limit })', () => {
  it('asks /geo/1.0/direct with q and limit and returns the places', async () => {
    const { client } = connect(ctx.server);
    const places = await client.geocode('London', { limit: 3 });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/geo/1.0/direct');
    expect(queryOf(request)).toEqual({ q: 'London', limit: '3' });
    expect(places).toHaveLength(3);
    expect(places[0]).toMatchObject({ name: 'London', country: 'GB', state: 'England', lat: 51.5073219, local_names: { fr: 'Londres' } });
  });

  it('returns an empty array when nothing matches', async () => {
    const { client } = connect(ctx.server);
    expect(await client.geocode('Atlantis')).toEqual([]);
    expect(queryOf(onlyRequest(ctx.server))).toEqual({ q: 'Atlantis' });
  });

  it('keeps a proxy prefix in front of /geo/1.0 as well as /data/2.5', async () => {
    const { client } = connect(ctx.server, { baseUrl: `${ctx.server.baseUrl}/ow-proxy/v1` });
    await client.geocode('London,GB');
    await client.current({ lat: 1, lon: 1 });
    expect(ctx.server.requests.map((r) => r.path)).toEqual(['/ow-proxy/v1/geo/1.0/direct', '/ow-proxy/v1/data/2.5/weather']);
  });

  it.each([
    ['', undefined, 'query'],
    ['London', 0, 'limit'],
    ['London', 6, 'limit'],
    ['London', 1.5, 'limit'],
  ])('rejects (%j, limit %j) naming %s, before the network', async (query, limit, path) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.geocode(query, limit === undefined ? {} : { limit }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('geocode() query length', () => {
  it.each([
    ['200,000 characters', 'x'.repeat(200_000)],
    ['201 characters', 'x'.repeat(201)],
    ['201 characters with state and country', `${'x'.repeat(195)},ZZ,GB`],
  ])('rejects a query of %s with VALIDATION_ERROR naming query and the rule, before the network', async (_, query) => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.geocode(query))).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'query', message: expect.stringContaining('must be at most 200 characters') }],
    });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('sends a query of exactly 200 characters', async () => {
    const { client } = connect(ctx.server);
    await expect(client.geocode('x'.repeat(200))).resolves.toEqual([]);
    expect(onlyRequest(ctx.server).query.get('q')).toBe('x'.repeat(200));
  });
});

describe('reverseGeocode({ lat, lon })', () => {
  it('asks /geo/1.0/reverse and returns the places', async () => {
    const { client } = connect(ctx.server);
    const places = await client.reverseGeocode({ lat: 51.5098, lon: -0.118 }, { limit: 2 });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/geo/1.0/reverse');
    expect(queryOf(request)).toEqual({ lat: '51.5098', lon: '-0.118', limit: '2' });
    expect(places.map((p) => p.name)).toEqual(['City of Westminster', 'Lambeth']);
  });

  it('rejects bad coordinates and limits before the network', async () => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.reverseGeocode({ lat: -91, lon: 0 }))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'location.lat' }] });
    expect(await caught(() => client.reverseGeocode({ lat: 0, lon: 0 }, { limit: 9 }))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'limit' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('geocodeZip(zip, country)', () => {
  it('asks /geo/1.0/zip with "zip,country" and returns the place', async () => {
    const { client } = connect(ctx.server);
    const place = await client.geocodeZip('E14', 'GB');
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/geo/1.0/zip');
    expect(queryOf(request)).toEqual({ zip: 'E14,GB' });
    expect(place).toEqual({ zip: 'E14', name: 'London', lat: 51.5128, lon: -0.0638, country: 'GB' });
  });

  it('gives NOT_FOUND for an unknown zip, sent once', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.geocodeZip('99999', 'GB'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, body: { cod: '404', message: 'not found' } });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it.each([
    ['', 'GB', 'zip'],
    ['E14,GB', 'GB', 'zip'],
    ['E14', 'United Kingdom', 'country'],
    ['1'.repeat(21), 'GB', 'zip'],
  ])('rejects (%j, %j) naming %s, before the network', async (zip, country, path) => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.geocodeZip(zip, country))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});
