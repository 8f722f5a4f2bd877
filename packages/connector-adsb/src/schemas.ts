import * as z from '@cf/core/zod';

// ---- Input ---------------------------------------------------------------------------------------

/** One value, a comma list or an array; readsb takes up to 1000 per request. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? v.split(',') : v)),
    z.array(item).check(z.minLength(1, 'must name at least one value'), z.maxLength(1000)),
  );

const upper = (s: string) => s.toUpperCase();

export const hexCode = z.lazySchema(() => z.pipe(
  z.string().check(z.regex(/^~?[0-9a-fA-F]{6}$/, 'must be 6 hex digits (an ICAO address such as "4ca87c"), or ~ and 6 hex digits for a non-ICAO address')),
  z.transform((s) => s.toLowerCase()),
));
export const callsign = z.lazySchema(() => z.pipe(
  z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{1,8}$/, 'must be 1-8 letters or digits, such as "UAL123"')),
  z.transform(upper),
));
export const registration = z.lazySchema(() => z.pipe(
  z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,11}$/, 'must be letters, digits and hyphens, such as "G-KELS"')),
  z.transform(upper),
));
export const icaoType = z.lazySchema(() => z.pipe(
  z.string().check(z.regex(/^[A-Za-z0-9]{2,4}$/, 'must be an ICAO type designator of 2-4 letters or digits, such as "A320"')),
  z.transform(upper),
));
/** A string, never a number: 0032 would lose its zeros. */
export const squawk = z.lazySchema(() => z.string().check(z.regex(/^[0-7]{4}$/, 'must be 4 octal digits (0-7) as a string, such as "7700"')));

/** A `~` address: readsb's mark for a non-ICAO (TIS-B) target, e.g. `~52e994`. */
export const isNonIcao = (hex: string): boolean => hex.startsWith('~');

/**
 * adsb.lol passes every path parameter through the rule `^[a-zA-Z0-9,=_.-]+$` (`reapi.py`) and answers anything
 * else with a 500; no route or query parameter takes a `~` address. Without the `~` the same digits are a different,
 * ICAO-addressed aircraft, so the address is refused rather than rewritten.
 */
export const NON_ICAO_REFUSED =
  'is a non-ICAO (TIS-B) address, which adsb.lol cannot look up: adsb.lol refuses "~" in a path (allowed: letters, digits , = _ . -) ' +
  'and has no other lookup for it, and without the "~" it names a different aircraft. Follow it with nearby() or closest() around its last position';

/** At least one ICAO address: a list of only `~` addresses has nothing adsb.lol can answer. */
export const byHexInput = z.lazySchema(() => z.object({
  hex: listOf(hexCode).check(
    z.superRefine((hexes, ctx) => {
      if (!hexes.every(isNonIcao)) return;
      hexes.forEach((hex, i) => ctx.addIssue({ code: 'custom', path: [i], message: `"${hex}" ${NON_ICAO_REFUSED}` }));
    }),
  ),
}));
export const byCallsignInput = z.lazySchema(() => z.object({ callsign: listOf(callsign) }));
export const byRegistrationInput = z.lazySchema(() => z.object({ registration: listOf(registration) }));
export const byTypeInput = z.lazySchema(() => z.object({ type: listOf(icaoType) }));
export const bySquawkInput = z.lazySchema(() => z.object({ squawk }));

/** A circle: centre in degrees, radius in whole nautical miles up to the API's documented 250. */
export const areaSchema = z.lazySchema(() => z.strictObject({
  lat: z.number().check(z.gte(-90, 'must be between -90 and 90'), z.lte(90, 'must be between -90 and 90')),
  lon: z.number().check(z.gte(-180, 'must be between -180 and 180'), z.lte(180, 'must be between -180 and 180')),
  radiusNm: z
    .number()
    .check(
      z.int('must be a whole number of nautical miles (the API takes integers)'),
      z.positive('must be greater than 0'),
      z.lte(250, 'must be at most 250 nautical miles, the API maximum'),
    ),
}));
/**
 * A circle to search in: `lat` (-90 to 90), `lon` (-180 to 180) and `radiusNm` (a whole number of nautical miles, 1
 * to 250). Checked before the network.
 */
export type Area = z.input<typeof areaSchema>;

// ---- Responses ---------------------------------------------------------------------------------------

/**
 * One aircraft as readsb emits it (`README-json.md`). Keys are left out when unknown, so nearly every field is
 * optional; unknown fields pass through. (The streams' record schemas extend it, without the `flight` trim.)
 */
export const aircraftFields = z.lazySchema(() => {
  // Built here, not at module level: a lazy stand-in in ~40 fields would add a proxy hop to every field of every parse.
  const num = z.optional(z.number());
  return z.looseObject({
    /** 6 lower-case hex digits; `~` first for a non-ICAO (TIS-B) address. */
    hex: z.string(),
    /** Where the data came from: `adsb_icao`, `adsr_icao`, `tisb_other`, `mlat`, `mode_s`, ... */
    type: z.string(),
    /** Callsign, trimmed. The API pads it with spaces to 8 characters; the original is `flightRaw`. */
    flight: z.optional(z.string()),
    /** Registration, ICAO type, type description, owner/operator and year, from the aircraft database. */
    r: z.optional(z.string()),
    t: z.optional(z.string()),
    desc: z.optional(z.string()),
    ownOp: z.optional(z.string()),
    year: z.optional(z.union([z.string(), z.number()])),
    /** Bit field: 1 military, 2 interesting, 4 PIA, 8 LADD. */
    dbFlags: num,
    /** Barometric altitude in feet, or the string `"ground"`. */
    alt_baro: z.optional(z.union([z.number(), z.literal('ground')])),
    /** Geometric (GNSS) altitude in feet. */
    alt_geom: num,
    /** Speeds in knots, Mach number, angles in degrees, rates in feet per minute. */
    gs: num,
    ias: num,
    tas: num,
    mach: num,
    track: num,
    track_rate: num,
    roll: num,
    mag_heading: num,
    true_heading: num,
    calc_track: num,
    baro_rate: num,
    geom_rate: num,
    /** Mode A code: 4 octal digits as a string (`"7700"`). */
    squawk: z.optional(z.string()),
    /** `none`, `general`, `lifeguard`, `minfuel`, `nordo`, `unlawful`, `downed`, `reserved`. */
    emergency: z.optional(z.string()),
    /** Emitter category `A0`–`D7`. */
    category: z.optional(z.string()),
    nav_qnh: num,
    nav_altitude_mcp: num,
    nav_altitude_fms: num,
    nav_heading: num,
    nav_modes: z.optional(z.array(z.string())),
    lat: num,
    lon: num,
    nic: num,
    rc: num,
    /** Seconds since the position was last updated. */
    seen_pos: num,
    /** The last known position, when the current one is more than 60 s old. */
    lastPosition: z.optional(z.looseObject({ lat: z.number(), lon: z.number(), nic: num, rc: num, seen_pos: num })),
    rr_lat: num,
    rr_lon: num,
    version: num,
    nic_baro: num,
    nac_p: num,
    nac_v: num,
    sil: num,
    sil_type: z.optional(z.string()),
    gva: num,
    sda: num,
    alert: num,
    spi: num,
    wd: num,
    ws: num,
    oat: num,
    tat: num,
    /** Fields that came from MLAT or TIS-B (often empty). */
    mlat: z.array(z.string()),
    tisb: z.array(z.string()),
    messages: z.number(),
    /** Seconds since any message was received (relative to the envelope's `now`). */
    seen: z.number(),
    /** Signal strength in dBFS (negative). */
    rssi: z.number(),
  });
});

const trimFlight = <A extends { flight?: string | undefined }>(aircraft: A): A & { flightRaw?: string } =>
  aircraft.flight === undefined ? aircraft : { ...aircraft, flight: aircraft.flight.trim(), flightRaw: aircraft.flight };

/**
 * The zod schema of one aircraft: readsb's fields (all optional but `hex`), with `flight` trimmed (the padded
 * original kept as `flightRaw`).
 */
export const aircraftSchema = z.lazySchema(() => z.pipe(aircraftFields, z.transform(trimFlight)));
/** Point and closest queries add the distance (nm) and direction (degrees true) from the centre. */
export const nearbyAircraftSchema = z.lazySchema(() => z.pipe(z.extend(aircraftFields, { dst: z.number(), dir: z.number() }), z.transform(trimFlight)));
/** An aircraft as the API sends it (`flight` still padded). */
export type RawAircraft = z.input<typeof aircraftSchema>;
/**
 * One aircraft as the connector returns it: `hex`, `flight` (trimmed), position, altitudes, speeds, squawk… (readsb
 * `jv2` fields, most optional).
 */
export type Aircraft = z.infer<typeof aircraftSchema>;
/**
 * An aircraft from a point or closest query: also `dst` (distance from the centre, nm) and `dir` (direction, degrees
 * true).
 */
export type NearbyAircraft = z.infer<typeof nearbyAircraftSchema>;

/** The readsb `jv2` envelope. `now` and `ctime` are epoch **milliseconds**. */
const envelope = <T extends z.ZodType>(aircraft: T) =>
  z.looseObject({
    ac: z.array(aircraft),
    /** `"No error"` on success. */
    msg: z.string(),
    now: z.number(),
    total: z.number(),
    ctime: z.optional(z.number()),
    /** Server processing time in ms. */
    ptime: z.optional(z.number()),
  });

/**
 * The zod schema of the API's envelope around aircraft: `ac`, `msg`, `now` and `ctime` (epoch ms), `total`, `ptime`.
 */
export const aircraftResponseSchema = z.lazySchema(() => envelope(aircraftSchema));
/** The zod schema of the envelope around nearby aircraft (with `dst` and `dir`). */
export const nearbyResponseSchema = z.lazySchema(() => envelope(nearbyAircraftSchema));
/** The API's answer: the aircraft (`ac`), `msg`, `now` (epoch ms), `total`, and timings. */
export type AircraftResponse = z.infer<typeof aircraftResponseSchema>;
/**
 * `byHex()`'s answer: the envelope for the ICAO addresses, plus the `~` (non-ICAO) addresses of the list that were
 * not looked up, lower-cased, in the order given (`[]` when none). adsb.lol cannot look those up (see `NON_ICAO_REFUSED`).
 */
export type HexLookupResponse = AircraftResponse & {
  /** The `~` (non-ICAO) addresses that were not looked up, lower-cased, in the order given; `[]` when none. */
  refusedHex: string[];
};
/** The answer of a point or closest query: aircraft with their distance and direction from the centre. */
export type NearbyResponse = z.infer<typeof nearbyResponseSchema>;
