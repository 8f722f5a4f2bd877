/**
 * Aircraft shaped like readsb's `jv2` output (adsb.lol v2): space-padded callsigns, `alt_baro` as feet or
 * `"ground"`, squawks as strings, database flags, and keys left out when unknown. Values are invented.
 */
import type { RawAircraft } from '../schemas.js';

export const NOW = 1732312345678;

const base = { mlat: [], tisb: [] };

/** Every mock aircraft has a position. */
export type MockAircraft = RawAircraft & { lat: number; lon: number };

export const aircraft: MockAircraft[] = [
  {
    hex: '4ca87c', type: 'adsb_icao', flight: 'RYR4TX  ', r: 'EI-DWF', t: 'B738', desc: 'BOEING 737-800', dbFlags: 0,
    alt_baro: 12975, alt_geom: 13450, gs: 318.4, track: 251.37, baro_rate: -1216, squawk: '4613', emergency: 'none', category: 'A3',
    nav_qnh: 1013.6, nav_altitude_mcp: 7008, lat: 51.528931, lon: -0.148422, nic: 8, rc: 186, seen_pos: 0.412,
    version: 2, nac_p: 9, nac_v: 1, sil: 3, sil_type: 'perhour', ...base, messages: 48213, seen: 0.2, rssi: -18.7,
  },
  {
    hex: '406b1f', type: 'adsb_icao', flight: 'BAW14   ', r: 'G-XWBA', t: 'A35K', desc: 'AIRBUS A-350-1000',
    alt_baro: 'ground', gs: 12.1, track: 90.0, squawk: '2000', category: 'A5',
    lat: 51.470021, lon: -0.461933, nic: 8, rc: 186, seen_pos: 1.9, ...base, messages: 9122, seen: 1.1, rssi: -4.9,
  },
  {
    hex: 'ae1460', type: 'adsb_icao', flight: 'RCH871  ', r: '05-5140', t: 'C17', desc: 'BOEING C-17 Globemaster III', ownOp: 'United States Air Force', dbFlags: 1,
    alt_baro: 24000, alt_geom: 24625, gs: 402.7, track: 88.12, baro_rate: 0, squawk: '4455', category: 'A5',
    lat: 52.3621, lon: 0.4866, nic: 8, rc: 186, seen_pos: 0.8, ...base, messages: 15022, seen: 0.4, rssi: -22.3,
  },
  {
    hex: 'a4f2d1', type: 'adsb_icao', flight: 'UAL123  ', r: 'N772UA', t: 'B772', dbFlags: 0,
    alt_baro: 31000, gs: 478.2, track: 96.5, squawk: '7700', emergency: 'general', category: 'A5', nav_modes: ['autopilot', 'lnav'],
    lat: 50.912, lon: -20.104, nic: 8, rc: 186, seen_pos: 2.5, ...base, messages: 30511, seen: 2.4, rssi: -27.1,
  },
  {
    hex: '3c6444', type: 'adsb_icao', flight: 'DLH4AB  ', r: 'D-AISQ', t: 'A321', dbFlags: 0,
    alt_baro: 8000, gs: 250.0, track: 250.4, squawk: '7600', emergency: 'nordo', category: 'A3',
    lat: 50.101, lon: 8.652, nic: 8, rc: 186, seen_pos: 0.6, ...base, messages: 7310, seen: 0.3, rssi: -12.2,
  },
  {
    hex: 'a835af', type: 'adsb_icao', flight: 'N646JW  ', r: 'N646JW', t: 'GLF6', dbFlags: 8,
    alt_baro: 41000, gs: 488.9, track: 45.2, squawk: '3341', category: 'A2',
    lat: 40.9821, lon: -73.6012, nic: 8, rc: 186, seen_pos: 0.7, ...base, messages: 11820, seen: 0.5, rssi: -25.4,
  },
  {
    hex: 'adfdf8', type: 'adsb_icao', dbFlags: 4, alt_baro: 37000, gs: 455.0, track: 271.1, category: 'A2',
    lat: 39.011, lon: -77.42, nic: 8, rc: 186, seen_pos: 3.1, ...base, messages: 2210, seen: 3.0, rssi: -29.8,
  },
  {
    hex: '~2a1b3c', type: 'tisb_other', alt_baro: 1500, gs: 95.0, track: 180.0,
    lat: 51.4801, lon: -0.4402, nic: 0, rc: 0, seen_pos: 4.2, mlat: [], tisb: ['lat', 'lon', 'alt_baro'], messages: 40, seen: 4.2, rssi: -31.0,
  },
];

/** The `jv2` envelope around some aircraft, in readsb's key order. */
export function envelope<T>(ac: T[], now = NOW) {
  return { ac, msg: 'No error', now, total: ac.length, ctime: now, ptime: 1 };
}
