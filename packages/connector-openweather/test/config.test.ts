import { connectorMetadataSchema } from '@cf/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metadata, OpenWeatherConnector, VERSION } from '../src/index.js';
import { API_KEY, connect, onlyRequest, useMockServer } from './helpers.js';

const ctx = useMockServer();

describe('configuration', () => {
  it('talks to the host root https://api.openweathermap.org by default', () => {
    const client = new OpenWeatherConnector({ apiKey: API_KEY });
    expect(client.client.baseUrl.href).toBe('https://api.openweathermap.org/');
    expect(client.name).toBe('openweather');
  });

  it.each([
    [{ apiKey: '' }, 'apiKey: must not be empty'],
    [{}, 'apiKey: is required'],
    [{ apiKey: API_KEY, units: 'kelvin' }, 'units: must be "standard", "metric" or "imperial"'],
    [{ apiKey: API_KEY, lang: 'French' }, 'lang: must be a language code'],
    [{ apiKey: API_KEY, baseUrl: 'https://api.openweathermap.org/data/2.5' }, 'baseUrl: must be the host root'],
    [{ apiKey: API_KEY, baseUrl: 'https://proxy.example/ow/geo/1.0/' }, 'baseUrl: must be the host root'],
    [{ apiKey: API_KEY, baseUrl: 'ftp://api.openweathermap.org' }, 'baseUrl'],
  ])('rejects %j with VALIDATION_ERROR naming the field', (options, message) => {
    let error: unknown;
    try {
      new OpenWeatherConnector(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining(message) });
  });

  it('sends the User-Agent with this package version, and the user agent prefix a user adds', async () => {
    const { client } = connect(ctx.server, { userAgent: 'my-etl/2.0' });
    await client.current({ lat: 0, lon: 0 });
    expect(onlyRequest(ctx.server).headers['user-agent']).toBe(`my-etl/2.0 @cf/connector-openweather/${VERSION}`);
  });

  it('ping() proves the key with one current-weather call', async () => {
    const { client } = connect(ctx.server);
    await client.connect({ verify: true });
    expect(onlyRequest(ctx.server).path).toBe('/data/2.5/weather');
  });

  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('metadata', () => {
  it('is a valid registry record naming the resources, the key variable and the documented limits', () => {
    expect(connectorMetadataSchema.parse(metadata)).toEqual(metadata);
    expect(metadata).toMatchObject({ name: 'openweather', packageName: '@cf/connector-openweather', auth: ['api-key'], envVars: ['OPENWEATHER_API_KEY'] });
    expect(metadata.limits.map((l) => [l.name, l.limit])).toEqual([
      ['minute', 60],
      ['oneCallDaily', 1000],
      ['monthly', 1_000_000],
    ]);
  });
});
