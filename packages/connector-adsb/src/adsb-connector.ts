import { BaseConnector, coreOptionsSchema, quotaFromHeaders, withUserOptions, type CallOptions, type CoreOptions, type HttpClientOptions, type Stream } from '@cf/core';
import type * as z from '@cf/core/zod';
import { VERSION } from './version.js';
import { mapAdsbError } from './map-error.js';
import { near } from './resources/aircraft-near.js';
import * as filtered from './resources/filtered-aircraft.js';
import * as find from './resources/find-aircraft.js';
import { adsbStreams } from './streams.js';
import type { AircraftResponse, Area, HexLookupResponse, NearbyResponse } from './schemas.js';

/** No credentials (adsb.lol needs no key yet): the configuration is core's options. */
export type AdsbConfig = CoreOptions;

/**
 * The adsb.lol live aircraft API (v2, readsb / ADS-B Exchange v2 format). Every method answers the readsb
 * envelope: `ac` (the aircraft), `now` (epoch ms), `total`, `msg`.
 * @see https://api.adsb.lol/docs
 */
export class AdsbConnector extends BaseConnector<AdsbConfig> {
  readonly name = 'adsb';

  constructor(config: AdsbConfig = {}) {
    super();
    this.initialize(config);
  }

  protected configSchema() {
    return coreOptionsSchema as unknown as z.ZodType<AdsbConfig>;
  }

  protected httpOptions(config: AdsbConfig): HttpClientOptions {
    return withUserOptions(
      {
        baseUrl: 'https://api.adsb.lol/v2',
        source: 'adsb',
        userAgent: `@cf/connector-adsb/${VERSION}`,
        // Limits are dynamic and unpublished; 429s are reported after about 7 requests in 40 s per IP.
        rateLimit: { windows: [{ name: 'requests', limit: 6, intervalMs: 40_000, algorithm: 'sliding-window' }] },
        // Only `remaining`, as a lower bound: the server's limit/reset may use another interval than ours.
        observeQuota: quotaFromHeaders('requests', { names: [{ remaining: 'x-ratelimit-remaining' }, { remaining: 'ratelimit-remaining' }] }),
        retryAfterHeaders: ['x-ratelimit-reset', 'ratelimit-reset'],
        mapError: mapAdsbError,
      },
      config,
    );
  }

  /**
   * Aircraft by ICAO address: `'4ca87c'`, a comma list, or an array of up to 1000. adsb.lol cannot look up a `~`
   * (non-ICAO, TIS-B) address: those are not sent and come back in `refusedHex`; a list of only those is a
   * VALIDATION_ERROR.
   */
  byHex(hex: string | readonly string[], options: CallOptions = {}): Promise<HexLookupResponse> {
    return find.byHex(this.http, hex, options);
  }

  /** Aircraft by exact callsign (`'RYR4TX'`), one or many. */
  byCallsign(callsign: string | readonly string[], options: CallOptions = {}): Promise<AircraftResponse> {
    return find.byCallsign(this.http, callsign, options);
  }

  /** Aircraft by exact registration (`'G-KELS'`), one or many. */
  byRegistration(registration: string | readonly string[], options: CallOptions = {}): Promise<AircraftResponse> {
    return find.byRegistration(this.http, registration, options);
  }

  /** Aircraft of an ICAO type designator (`'A320'`), one or many. */
  byType(type: string | readonly string[], options: CallOptions = {}): Promise<AircraftResponse> {
    return find.byType(this.http, type, options);
  }

  /** Aircraft squawking a Mode A code, given as a 4-digit octal string (`'7700'`). */
  bySquawk(squawk: string, options: CallOptions = {}): Promise<AircraftResponse> {
    return filtered.bySquawk(this.http, squawk, options);
  }

  /** Aircraft squawking 7500, 7600 or 7700: three requests, merged, one record per hex. */
  emergencies(options: CallOptions = {}): Promise<AircraftResponse> {
    return filtered.emergencies(this.http, options);
  }

  /** Aircraft flagged military in the database. */
  military(options: CallOptions = {}): Promise<AircraftResponse> {
    return filtered.flagged(this.http, 'mil', options);
  }

  /** Aircraft on the FAA LADD (Limiting Aircraft Data Displayed) list. */
  ladd(options: CallOptions = {}): Promise<AircraftResponse> {
    return filtered.flagged(this.http, 'ladd', options);
  }

  /** Aircraft using a PIA (Privacy ICAO Address). */
  pia(options: CallOptions = {}): Promise<AircraftResponse> {
    return filtered.flagged(this.http, 'pia', options);
  }

  /** Aircraft within `radiusNm` (1-250) nautical miles of a point, each with `dst` and `dir` from it. */
  nearby(area: Area, options: CallOptions = {}): Promise<NearbyResponse> {
    return near(this.http, 'point', area, options);
  }

  /** The one aircraft closest to a point within `radiusNm` (`ac` holds zero or one). */
  closest(area: Area, options: CallOptions = {}): Promise<NearbyResponse> {
    return near(this.http, 'closest', area, options);
  }

  /**
   * The tables `sync()` (`@cf/load`) and `cf sync` land: `nearby`, `military`, `ladd`, `pia`, `emergencies` and
   * `by_type`, full-refresh snapshots keyed by `hex`. See the README's "Streams".
   */
  override streams(): Stream[] {
    return adsbStreams(this);
  }

  /** A cheap reachability check: looks up an address no aircraft uses. */
  override async ping(): Promise<void> {
    await this.byHex('000000');
  }
}
