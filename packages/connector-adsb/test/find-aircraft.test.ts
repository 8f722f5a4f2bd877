import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('byHex()', () => {
  it('sends GET /v2/hex/{hex} and returns the typed envelope', async () => {
    const response = await api.make().byHex('4CA87C');
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v2/hex/4ca87c');
    expect([...request.query]).toEqual([]);
    expect(request.headers['user-agent']).toMatch(/^@cf\/connector-adsb\/\d+\.\d+\.\d+$/);
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toBe('');
    expect(response).toMatchObject({ msg: 'No error', now: fixtures.now, total: 1, ctime: fixtures.now, ptime: 1 });
    expect(response.ac[0]).toMatchObject({ hex: '4ca87c', r: 'EI-DWF', t: 'B738', alt_baro: 12975, squawk: '4613', mlat: [], seen: 0.2 });
  });

  it('trims the space-padded callsign and keeps the original as flightRaw', async () => {
    const [aircraft] = (await api.make().byHex('4ca87c')).ac;
    expect(aircraft?.flight).toBe('RYR4TX');
    expect(aircraft?.flightRaw).toBe('RYR4TX  ');
  });

  it('sends several addresses as one comma list (array or string)', async () => {
    const response = await api.make().byHex(['4ca87c', '406B1F']);
    expect(api.only().path).toBe('/v2/hex/4ca87c%2C406b1f');
    expect(response.ac.map((a) => a.hex).sort()).toEqual(['406b1f', '4ca87c']);
    api.server.resetHandlers();
    await api.make().byHex('4ca87c,406b1f');
    expect(api.only().path).toBe('/v2/hex/4ca87c%2C406b1f');
  });

  it('types alt_baro as feet or "ground"', async () => {
    const [onGround] = (await api.make().byHex('406b1f')).ac;
    expect(onGround?.alt_baro).toBe('ground');
  });

  it('refuses a ~ non-ICAO (TIS-B) address before the network: adsb.lol cannot look one up', async () => {
    const adsb = api.make();
    // The TIS-B target nearby() reports, fed straight back in: adsb.lol's path rule refuses the `~` (a 500).
    const tisb = (await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 })).ac.find((a) => a.hex.startsWith('~'));
    expect(tisb?.hex).toBe('~2a1b3c');
    api.server.resetHandlers();
    const error = await api.validationError(adsb.byHex(tisb?.hex ?? ''));
    expect(error.issues).toEqual([{ path: 'hex[0]', message: expect.stringContaining('is a non-ICAO (TIS-B) address') }]);
    expect(error.message).toContain('adsb.lol refuses "~" in a path');
    // Stripping the ~ would find a different, ICAO-addressed aircraft: never done.
    expect(error.message).not.toContain('/v2/hex/2a1b3c');
  });

  it('a list mixing ICAO and ~ addresses looks up the ICAO ones and reports the refused ones in refusedHex', async () => {
    const response = await api.make().byHex(['4ca87c', '~2A1B3C', '406b1f', '~52e994']);
    expect(api.only().path).toBe('/v2/hex/4ca87c%2C406b1f');
    expect(response.ac.map((a) => a.hex).sort()).toEqual(['406b1f', '4ca87c']);
    expect(response.total).toBe(2);
    expect(response.refusedHex).toEqual(['~2a1b3c', '~52e994']);
  });

  it('answers an empty envelope (and no refused address) when nothing matches', async () => {
    expect(await api.make().byHex('000000')).toEqual({ ...fixtures.empty, refusedHex: [] });
  });

  it.each([
    ['4ca87', 'hex[0]: must be 6 hex digits'],
    ['4ca87g', 'hex[0]: must be 6 hex digits'],
    ['4ca87c,xyz', 'hex[1]: must be 6 hex digits'],
    [[], 'hex: must name at least one value'],
    [Array.from({ length: 1001 }, () => '4ca87c'), 'hex:'],
    ['../mil', 'hex[0]'],
  ])('rejects %j before the network', async (hex, message) => {
    const error = await api.validationError(api.make().byHex(hex));
    expect(error.message).toContain(message);
  });
});

describe('byCallsign()', () => {
  it('sends GET /v2/callsign/{callsign}, upper-cased and trimmed', async () => {
    const response = await api.make().byCallsign('baw14  ');
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/callsign/BAW14' });
    expect(response.ac.map((a) => a.flight)).toEqual(['BAW14']);
  });

  it.each([
    ['BAW 14', 'callsign[0]: must be 1-8 letters or digits'],
    ['ABCDEFGHI', 'callsign[0]'],
    ['', 'callsign[0]'],
  ])('rejects %j before the network', async (callsign, message) => {
    expect((await api.validationError(api.make().byCallsign(callsign))).message).toContain(message);
  });
});

describe('byRegistration()', () => {
  it('sends GET /v2/reg/{registration}', async () => {
    const response = await api.make().byRegistration(['g-xwba', 'EI-DWF']);
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/reg/G-XWBA%2CEI-DWF' });
    expect(response.total).toBe(2);
  });

  it.each([['G KELS'], ['G/KELS'], ['-GKELS']])('rejects %j before the network', async (registration) => {
    expect((await api.validationError(api.make().byRegistration(registration))).message).toContain('registration[0]: must be letters, digits and hyphens');
  });
});

describe('byType()', () => {
  it('sends GET /v2/type/{type}', async () => {
    const response = await api.make().byType('a35k');
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/type/A35K' });
    expect(response.ac).toEqual([expect.objectContaining({ hex: '406b1f', t: 'A35K', desc: 'AIRBUS A-350-1000' })]);
  });

  it.each([['A'], ['A3200'], ['A3-2']])('rejects %j before the network', async (type) => {
    expect((await api.validationError(api.make().byType(type))).message).toContain('type[0]: must be an ICAO type designator');
  });
});

describe('ping()', () => {
  it('looks up an address no aircraft uses', async () => {
    await api.make().ping();
    expect(api.only().path).toBe('/v2/hex/000000');
  });
});
