import { faults } from '@cf/core/testing';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorHandlers, fixtures } from '../src/mocks/index.js';
import { API_KEY, caught, connect, useMockServer } from './helpers.js';

const ctx = useMockServer();
const HERE = { lat: 44.34, lon: 10.99 };

describe('error mapping', () => {
  it('401 is AUTH_FAILED with the API message and the activation delay, sent once', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(errorHandlers.invalidApiKey());
    const error = await caught(() => client.current(HERE));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, retryable: false, source: 'openweather', body: fixtures.errors.invalidApiKey });
    expect(error.message).toContain('Invalid API key');
    expect(error.message).toContain('up to 2 hours to activate');
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('404 "city not found" is NOT_FOUND and is never retried, even with retries to spare', async () => {
    const { client } = connect(ctx.server, { retry: { maxAttempts: 5, random: () => 0.5 } });
    const error = await caught(() => client.current({ city: 'Nowhereville' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, retryable: false, body: { cod: '404', message: 'city not found' } });
    expect(error.message).toContain('city not found');
    expect(ctx.server.requests).toHaveLength(1);
    expect((error.details as Record<string, unknown>).attempt).toBe(1);
  });

  it.each([
    ['a city name', { city: 'Nowhereville' }, 'this city name'],
    ['a city id', { cityId: 999_999_999 }, 'this city id'],
    ['a zip', { zip: '00000', country: 'GB' }, 'this zip code'],
  ])('a 404 for a call by %s says the place is unknown (details.reason place_not_found)', async (_, location, what) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.forecast(location));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, details: { reason: 'place_not_found' } });
    expect(error.message).toContain(`OpenWeather knows no place for ${what} (404: city not found)`);
    expect(error.message).toContain('geocode()');
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('geocodeZip() of an unknown zip is a place not found', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.geocodeZip('00000', 'GB'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, body: fixtures.errors.zipNotFound, details: { reason: 'place_not_found' } });
    expect(error.message).toContain('this zip code (404: not found)');
  });

  it('a 404 from an unknown route (One Call 2.5, retired), called with coordinates, says the endpoint does not exist', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.client.request({ path: '/data/2.5/onecall', query: HERE }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, retryable: false, body: { cod: '404', message: 'Internal error' }, details: { reason: 'unknown_endpoint' } });
    expect(error.message).toContain('OpenWeather has no endpoint at /data/2.5/onecall');
    expect(error.message).toContain('baseUrl');
    expect(error.message).not.toContain('location');
    expect(error.message).not.toContain('use coordinates');
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('a 404 for a call by name from a wrong API version is an unknown endpoint too, not an unknown city', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.client.request({ path: '/data/2.6/weather', query: { q: 'London' } }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, details: { reason: 'unknown_endpoint' } });
    expect(error.message).toContain('OpenWeather has no endpoint at /data/2.6/weather');
  });

  it('a 404 on a call made with coordinates is never blamed on the place, whatever the body says', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(http.get('*/data/2.5/weather', () => HttpResponse.json(fixtures.errors.cityNotFound, { status: 404 })));
    const error = await caught(() => client.current(HERE));
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'unknown_endpoint' } });
    expect(error.message).not.toContain('knows no place');
  });

  it('400 is INVALID_REQUEST with the API message, and the string cod normalised in details', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(errorHandlers.badRequest('Nothing to geocode'));
    const error = await caught(() => client.geocode('London'));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', status: 400, retryable: false, details: { cod: 400 } });
    expect(error.message).toContain('Nothing to geocode');
    expect(ctx.server.requests).toHaveLength(1);
  });

  it("keeps One Call's `parameters` naming the offending parameter", async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(http.get('*/data/3.0/onecall/day_summary', () => HttpResponse.json(fixtures.errors.invalidDate, { status: 400 })));
    const error = await caught(() => client.oneCall.daySummary({ lat: 1, lon: 1 }, '2024-01-01'));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { cod: 400, parameters: ['date'] } });
    expect(error.message).toContain('Invalid date format');
  });

  it('429 "account blocked" is RATE_LIMIT, not retryable and not retried: the key stays blocked until the window resets', async () => {
    const { client, clock } = connect(ctx.server, { retry: { maxAttempts: 5, random: () => 0.5 } });
    ctx.server.use(errorHandlers.accountBlocked());
    const error = await caught(() => client.current(HERE));
    expect(error).toMatchObject({ code: 'RATE_LIMIT', status: 429, retryable: false, body: fixtures.errors.accountBlocked });
    expect(error.message).toContain('blocked');
    expect(error.message).toContain('not retried');
    expect(ctx.server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a 429 that does say when to come back (Retry-After, e.g. from a proxy) is retried after exactly that wait', async () => {
    const { client, clock } = connect(ctx.server);
    ctx.server.use(faults.rateLimited({ retryAfter: 5, times: 1, body: fixtures.errors.accountBlocked }));
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    expect(ctx.server.requests).toHaveLength(2);
    expect(clock.sleeps).toContain(5000);
  });

  it("a 429 without OpenWeather's { cod } body (a gateway or proxy in front of the API) is waited out with backoff, and holds nothing back", async () => {
    const { client, clock } = connect(ctx.server);
    // Not the API's block: no `cod`, no Retry-After (an API gateway's or a CDN's throttle).
    ctx.server.use(faults.status(429, { times: 1, body: { message: 'slow down' } }));
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    expect(ctx.server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([750]);
    // No local hold was armed: the next call, to another endpoint too, goes out.
    await expect(client.geocode('London')).resolves.toHaveLength(1);
    expect(ctx.server.requests).toHaveLength(3);
  });

  it('5xx is SERVER_ERROR and retried with backoff', async () => {
    const { client, clock } = connect(ctx.server);
    ctx.server.use(errorHandlers.serverError(502, { times: 1 }));
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    expect(ctx.server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([750]);
  });

  it('a 200 whose body carries an error cod is treated as that error', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(http.get('*/data/2.5/forecast', () => HttpResponse.json({ cod: '404', message: 'city not found' })));
    const error = await caught(() => client.forecast({ city: 'Zocca' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('a response that does not match the documented shape is VALIDATION_ERROR naming the field, with the status', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(http.get('*/data/2.5/weather', () => HttpResponse.json({ ...fixtures.currentWeather, main: { temp: 'hot' } })));
    const error = await caught(() => client.current(HERE));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', status: 200 });
    expect(error.message).toContain('main.temp');
  });
});

describe('the key in appid', () => {
  it('reaches the API but never appears in errors, details, events or logs, even when the API echoes it', async () => {
    const logs: unknown[] = [];
    const record = (level: string) => (obj: Record<string, unknown>, msg?: string) => logs.push({ level, obj, msg });
    const { client } = connect(ctx.server, { logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } });
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const) client.on(name, (e) => events.push(e));
    ctx.server.use(
      http.get('*/data/2.5/weather', ({ request }) =>
        HttpResponse.json({ cod: 401, message: `Invalid API key ${new URL(request.url).searchParams.get('appid')}` }, { status: 401 }),
      ),
    );
    const error = await caught(() => client.current(HERE));
    expect(ctx.server.requests[0]?.query.get('appid')).toBe(API_KEY);
    expect((error.details as { path: string }).path).toBe('/data/2.5/weather?lat=44.34&lon=10.99&units=standard');
    expect((events[0] as { url: string }).url).toContain('appid=[REDACTED]');
    const seen = JSON.stringify({ error, message: error.message, stack: error.stack, details: error.details, body: error.body, events, logs });
    expect(seen).not.toContain(API_KEY);
    expect(seen).toContain('REDACTED');
    expect(events.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
  });

  it('is redacted from the successful response meta URL too', async () => {
    const { client } = connect(ctx.server);
    const response = await client.client.request({ path: '/data/2.5/weather', query: { lat: 1, lon: 1 } });
    expect(response.meta.url).not.toContain(API_KEY);
    expect(response.meta.url).toContain('/data/2.5/weather');
  });
});
