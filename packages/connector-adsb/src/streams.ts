import { defineStreams, parseStreamParams, ValidationError, type StreamDeclaration, type StreamPage, type StreamReadArgs } from '@cf/core';
import * as z from '@cf/core/zod';
import type { AdsbConnector } from './adsb-connector.js';
import { metadata } from './metadata.js';
import { aircraftFields, icaoType, type Aircraft, type AircraftResponse, type NearbyResponse } from './schemas.js';

// The streams `sync()` (`@cf/load`) and `cf sync` land in tables: live snapshots, one page each, one row per aircraft
// keyed by `hex`, each stamped with the snapshot's time. See the README's "Streams" for why the time is not in the key.

const SOURCE = 'adsb';

// ---- Records --------------------------------------------------------------------------------------

/**
 * An aircraft of a snapshot: readsb's fields (`flight` trimmed, the API's padded value in `flightRaw`); `snapshot_at`,
 * the snapshot's time (the envelope's `now`) as an ISO timestamp, which `seen` and `seen_pos` count back from; and
 * `alt_baro` split into typed columns: `on_ground` and `alt_baro_ft` (feet, absent on the ground).
 */
export const aircraftRecordSchema = z.lazySchema(() =>
  z.extend(aircraftFields, {
    flightRaw: z.optional(z.string()),
    snapshot_at: z.iso.datetime(),
    on_ground: z.optional(z.boolean()),
    alt_baro_ft: z.optional(z.number()),
  }),
);
/** `nearby`: also the distance (`dst`, nm) and direction (`dir`, degrees true) from the centre the stream was asked about. */
export const nearbyAircraftRecordSchema = z.lazySchema(() =>
  z.extend(aircraftRecordSchema, { dst: z.number(), dir: z.number(), center_lat: z.number(), center_lon: z.number() }),
);
/**
 * An aircraft stream record: readsb's fields, `flightRaw`, the snapshot's time (`snapshot_at`), and `on_ground` with
 * `alt_baro_ft`.
 */
export type AircraftRecord = z.infer<typeof aircraftRecordSchema>;

// ---- Params ---------------------------------------------------------------------------------------


function declaration(name: string): StreamDeclaration {
  const found = metadata.streams?.find((s) => s.name === name);
  if (!found) throw new ValidationError({ message: `Stream ${name} is not declared in metadata.streams`, source: SOURCE });
  return found;
}


/** A decimal number as text (`"51.47"`, `"-0.45"`), then `checks` on its value. */
const numberText = (example: string, ...checks: Parameters<ReturnType<typeof z.number>['check']>) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, `must be a number such as "${example}"`)), z.transform(Number)),
    z.number().check(...checks),
  );

const between = (min: number, max: number) => [z.gte(min, `must be between ${min} and ${max}`), z.lte(max, `must be between ${min} and ${max}`)] as const;

const nearbyParams = z.lazySchema(() =>
  z.object({
    lat: numberText('51.47', ...between(-90, 90)),
    lon: numberText('-0.45', ...between(-180, 180)),
    radius: numberText(
      '25',
      z.int('must be a whole number of nautical miles (the API takes integers)'),
      z.positive('must be greater than 0'),
      z.lte(250, 'must be at most 250 nautical miles, the API maximum'),
    ),
  }),
);

const byTypeParams = z.lazySchema(() =>
  z.object({
    types: z.pipe(
      z.transform((v: unknown) => (typeof v === 'string' ? v.split(',').map((t) => t.trim()) : v)),
      z.array(icaoType).check(z.minLength(1, 'must name at least one type'), z.maxLength(1000)),
    ),
  }),
);

const noParams = z.lazySchema(() => z.object({}));

// ---- Reads ----------------------------------------------------------------------------------------

/** Core's call options for a read's signal (none when the caller gave none). */
const withSignal = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal === undefined ? {} : { signal });

/** One row per hex (readsb answers each once; kept so if a merge ever repeats one: the later wins), stamped with the snapshot's time. */
function rows<A extends Aircraft>(response: { ac: A[]; now: number }, extra: Record<string, unknown> = {}): Array<A & { snapshot_at: string }> {
  const byHex = new Map<string, A & { snapshot_at: string }>();
  const snapshotAt = new Date(response.now).toISOString();
  for (const aircraft of response.ac) {
    const altitude = aircraft.alt_baro === undefined ? {} : aircraft.alt_baro === 'ground' ? { on_ground: true } : { on_ground: false, alt_baro_ft: aircraft.alt_baro };
    byHex.set(aircraft.hex, { ...aircraft, ...altitude, ...extra, snapshot_at: snapshotAt });
  }
  return [...byHex.values()];
}

/**
 * A snapshot stream: one page, the whole answer, and no checkpoint (a live snapshot has nothing to resume; a full
 * refresh reads it again, whatever checkpoint it is given).
 */
function snapshot(name: string, fetch: (adsb: AdsbConnector, options: { signal?: AbortSignal }) => Promise<AircraftResponse>) {
  return {
    schema: () => aircraftRecordSchema,
    async *read(adsb: AdsbConnector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
      parseStreamParams(declaration(name), params, noParams, SOURCE);
      yield { items: rows(await fetch(adsb, withSignal(signal))), checkpoint: null, hasMore: false };
    },
  };
}

/** `AdsbConnector.streams()`: `nearby`, `military`, `ladd`, `pia`, `emergencies` and `by_type`, all full-refresh snapshots keyed by `hex`. */
export const adsbStreams = defineStreams<AdsbConnector>(metadata.streams, {
  nearby: {
    schema: () => nearbyAircraftRecordSchema,
    async *read(adsb, { params, signal }) {
      const { lat, lon, radius } = parseStreamParams(declaration('nearby'), params, nearbyParams, SOURCE);
      const response: NearbyResponse = await adsb.nearby({ lat, lon, radiusNm: radius }, withSignal(signal));
      yield { items: rows(response, { center_lat: lat, center_lon: lon }), checkpoint: null, hasMore: false };
    },
  },
  military: snapshot('military', (adsb, o) => adsb.military(o)),
  ladd: snapshot('ladd', (adsb, o) => adsb.ladd(o)),
  pia: snapshot('pia', (adsb, o) => adsb.pia(o)),
  emergencies: snapshot('emergencies', (adsb, o) => adsb.emergencies(o)),
  by_type: {
    schema: () => aircraftRecordSchema,
    async *read(adsb, { params, signal }) {
      const { types } = parseStreamParams(declaration('by_type'), params, byTypeParams, SOURCE);
      yield { items: rows(await adsb.byType(types, withSignal(signal))), checkpoint: null, hasMore: false };
    },
  },
});
