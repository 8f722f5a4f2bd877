import type { CallOptions, HttpClient } from '@cf/core';
import { fetchAircraft } from '../fetch-aircraft.js';
import { parse } from '../parse.js';
import { areaSchema, nearbyResponseSchema, type Area, type NearbyResponse } from '../schemas.js';

/** `GET /v2/point/{lat}/{lon}/{radius}` or `/v2/closest/...`: each aircraft carries `dst` (nm) and `dir` (degrees). */
export async function near(http: HttpClient, kind: 'point' | 'closest', area: Area, options: CallOptions): Promise<NearbyResponse> {
  const { lat, lon, radiusNm } = parse(areaSchema, area, kind === 'point' ? 'nearby' : 'closest');
  const request = { path: `/${kind}/{lat}/{lon}/{radius}`, params: { lat, lon, radius: radiusNm }, operation: `aircraft.${kind}`, schema: nearbyResponseSchema };
  return fetchAircraft(http, request, options);
}
