import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('bySquawk()', () => {
  it('sends GET /v2/squawk/{squawk} and returns the squawking aircraft', async () => {
    const response = await api.make().bySquawk('7700');
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/squawk/7700', body: '' });
    expect(response.ac).toEqual([expect.objectContaining({ hex: 'a4f2d1', squawk: '7700', emergency: 'general', flight: 'UAL123' })]);
  });

  it.each([
    ['7800', 'squawk: must be 4 octal digits'],
    ['770', 'squawk: must be 4 octal digits'],
    [7700, 'squawk:'],
  ])('rejects %j before the network', async (squawk, message) => {
    expect((await api.validationError(api.make().bySquawk(squawk as string))).message).toContain(message);
  });
});

describe.each([
  ['military', '/v2/mil', ['ae1460']],
  ['ladd', '/v2/ladd', ['a835af']],
  ['pia', '/v2/pia', ['adfdf8']],
] as const)('%s()', (method, path, hexes) => {
  it(`sends GET ${path} and returns the flagged aircraft`, async () => {
    const response = await api.make()[method]();
    expect(api.only()).toMatchObject({ method: 'GET', path });
    expect(response.ac.map((a) => a.hex)).toEqual(hexes);
    expect(response.total).toBe(hexes.length);
  });
});

describe('emergencies()', () => {
  it('asks for 7500, 7600 and 7700 and merges the answers', async () => {
    const response = await api.make().emergencies();
    expect(api.server.requests.map((r) => r.path).sort()).toEqual(['/v2/squawk/7500', '/v2/squawk/7600', '/v2/squawk/7700']);
    for (const request of api.server.requests) {
      expect(request).toMatchObject({ method: 'GET', body: '', headers: { 'user-agent': expect.stringMatching(/^@cf\/connector-adsb\//), accept: 'application/json' } });
    }
    expect(response.ac.map((a) => a.squawk).sort()).toEqual(['7600', '7700']);
    expect(response).toMatchObject({ msg: 'No error', now: fixtures.now, total: 2 });
  });

  it('keeps one record per hex: the one from the latest snapshot', async () => {
    const [ual] = fixtures.aircraft.filter((a) => a.hex === 'a4f2d1');
    api.server.use(
      http.get('*/v2/squawk/7600', () => HttpResponse.json(fixtures.envelope([{ ...ual!, squawk: '7600' }], fixtures.now - 5000))),
      http.get('*/v2/squawk/7500', () => HttpResponse.json(fixtures.envelope([], fixtures.now - 1000))),
    );
    const response = await api.make().emergencies();
    expect(response.ac).toHaveLength(1);
    expect(response.ac[0]?.squawk).toBe('7700');
    expect(response.now).toBe(fixtures.now);
  });
});
