import type { CallOptions, HttpClient } from '@cf/core';
import { fetchAircraft } from '../fetch-aircraft.js';
import { parse } from '../parse.js';
import { aircraftResponseSchema, byCallsignInput, byHexInput, byRegistrationInput, byTypeInput, type AircraftResponse } from '../schemas.js';

type Values = string | readonly string[];

/** `GET /v2/hex/{hex,...}`: aircraft by ICAO address. */
export async function byHex(http: HttpClient, hex: Values, options: CallOptions): Promise<AircraftResponse> {
  const input = parse(byHexInput, { hex }, 'byHex');
  return fetchAircraft(http, { path: '/hex/{hex}', params: { hex: input.hex.join(',') }, operation: 'aircraft.byHex', schema: aircraftResponseSchema }, options);
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
