import type { CallOptions, HttpClient } from '@cf/core';
import { fetchAircraft } from '../fetch-aircraft.js';
import { parse } from '../parse.js';
import { aircraftResponseSchema, bySquawkInput, type Aircraft, type AircraftResponse } from '../schemas.js';

/** Hijack, radio failure, general emergency. */
export const EMERGENCY_SQUAWKS = ['7500', '7600', '7700'] as const;

/** `GET /v2/squawk/{squawk}`: aircraft squawking a Mode A code. */
export async function bySquawk(http: HttpClient, squawk: string, options: CallOptions): Promise<AircraftResponse> {
  const input = parse(bySquawkInput, { squawk }, 'bySquawk');
  return fetchAircraft(http, { path: '/squawk/{squawk}', params: input, operation: 'aircraft.bySquawk', schema: aircraftResponseSchema }, options);
}

/** `GET /v2/mil`, `/v2/ladd`, `/v2/pia`: aircraft flagged military, on the FAA LADD list, or using a privacy address. */
export async function flagged(http: HttpClient, flag: 'mil' | 'ladd' | 'pia', options: CallOptions): Promise<AircraftResponse> {
  return fetchAircraft(http, { path: `/${flag}`, operation: `aircraft.${flag}`, schema: aircraftResponseSchema }, options);
}

/** The three emergency squawks in one answer: three requests, merged, one record per hex (the latest wins). */
export async function emergencies(http: HttpClient, options: CallOptions): Promise<AircraftResponse> {
  const responses = await Promise.all(EMERGENCY_SQUAWKS.map((code) => bySquawk(http, code, options)));
  responses.sort((a, b) => a.now - b.now);
  const byHex = new Map<string, Aircraft>();
  for (const response of responses) for (const aircraft of response.ac) byHex.set(aircraft.hex, aircraft);
  const ac = [...byHex.values()];
  const last = responses.at(-1);
  return { ac, msg: last?.msg ?? 'No error', now: last?.now ?? 0, total: ac.length, ctime: last?.ctime, ptime: responses.reduce((sum, r) => sum + (r.ptime ?? 0), 0) };
}
