export { AdsbConnector, type AdsbConfig } from './adsb-connector.js';
export { DEFAULT_429_WAIT_MS, mapAdsbError } from './map-error.js';
export { EMERGENCY_SQUAWKS } from './resources/filtered-aircraft.js';
export { metadata } from './metadata.js';
export {
  aircraftResponseSchema,
  aircraftSchema,
  nearbyAircraftSchema,
  nearbyResponseSchema,
  type Aircraft,
  type AircraftResponse,
  type Area,
  type HexLookupResponse,
  type NearbyAircraft,
  type NearbyResponse,
  type RawAircraft,
} from './schemas.js';
export { aircraftRecordSchema, nearbyAircraftRecordSchema, type AircraftRecord } from './streams.js';
