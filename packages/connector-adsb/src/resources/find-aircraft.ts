import type { CallOptions, HttpClient } from '@cf/core';
import { fetchAircraft } from '../fetch-aircraft.js';
import { parse } from '../parse.js';
import {
  aircraftResponseSchema,
  byCallsignInput,
  byHexInput,
  byRegistrationInput,
  byTypeInput,
  isNonIcao,
  type AircraftResponse,
  type HexLookupResponse,
} from '../schemas.js';

type Values = string | readonly string[];

/**
 * `GET /v2/hex/{hex,...}`: aircraft by ICAO address. `~` (non-ICAO) addresses are left out of the request, which
 * adsb.lol would refuse whole, and reported in `refusedHex`; a list of only those is a VALIDATION_ERROR.
 */
export async function byHex(http: HttpClient, hex: Values, options: CallOptions): Promise<HexLookupResponse> {
  const input = parse(byHexInput, { hex }, 'byHex');
  const icao = input.hex.filter((h) => !isNonIcao(h));
  const refusedHex = input.hex.filter(isNonIcao);
  const params = { hex: icao.join(',') };
  const response = await fetchAircraft(http, { path: '/hex/{hex}', params, operation: 'aircraft.byHex', schema: aircraftResponseSchema }, options);
  return { ...response, refusedHex };
}

/** `GET /v2/callsign/{callsign,...}`: exact callsign match (without the padding spaces). */
export async function byCallsign(http: HttpClient, callsign: Values, options: CallOptions): Promise<AircraftResponse> {
  const input = parse(byCallsignInput, { callsign }, 'byCallsign');
  const params = { callsign: input.callsign.join(',') };
  return fetchAircraft(http, { path: '/callsign/{callsign}', params, operation: 'aircraft.byCallsign', schema: aircraftResponseSchema }, options);
}

/** `GET /v2/reg/{registration,...}`: exact registration match. */
export async function byRegistration(http: HttpClient, registration: Values, options: CallOptions): Promise<AircraftResponse> {
  const input = parse(byRegistrationInput, { registration }, 'byRegistration');
  const params = { registration: input.registration.join(',') };
  return fetchAircraft(http, { path: '/reg/{registration}', params, operation: 'aircraft.byRegistration', schema: aircraftResponseSchema }, options);
}

/** `GET /v2/type/{type,...}`: aircraft of an ICAO type designator (`A320`, `B738`). */
export async function byType(http: HttpClient, type: Values, options: CallOptions): Promise<AircraftResponse> {
  const input = parse(byTypeInput, { type }, 'byType');
  return fetchAircraft(http, { path: '/type/{type}', params: { type: input.type.join(',') }, operation: 'aircraft.byType', schema: aircraftResponseSchema }, options);
}
