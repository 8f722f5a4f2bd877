import { BaseConnector, coreOptionsSchema, withUserOptions, type CallOptions, type CoreOptions, type HttpClientOptions, type Paginated, type Stream } from '@cf/core';
import type * as z from '@cf/core/zod';
import { frankfurterStreams } from './streams.js';
import { VERSION } from './version.js';
import type { FrankfurterContext } from './context.js';
import { mapFrankfurterError } from './map-error.js';
import * as currencies from './resources/currencies.js';
import * as rates from './resources/rates.js';
import { timeSeries } from './resources/time-series.js';
import type { ConvertInput, Currencies, Rates, RatesQuery, TimeSeriesQuery } from './schemas.js';

/** No credentials: the configuration is core's options (baseUrl, rateLimit, cache, ...). */
export type FrankfurterConfig = CoreOptions;

/**
 * The Frankfurter v1 API: European Central Bank reference rates, no key needed. v1 is frozen (it keeps working and
 * does not change); `FrankfurterV2Connector` is the current version, with many central banks' rates.
 * @see https://frankfurter.dev/v1/
 */
export class FrankfurterConnector extends BaseConnector<FrankfurterConfig> {
  readonly name = 'frankfurter';
  private known: ReadonlySet<string> | undefined;

  constructor(config: FrankfurterConfig = {}) {
    super();
    this.initialize(config);
  }

  protected configSchema() {
    return coreOptionsSchema as unknown as z.ZodType<FrankfurterConfig>;
  }

  protected httpOptions(config: FrankfurterConfig): HttpClientOptions {
    return withUserOptions(
      {
        baseUrl: 'https://api.frankfurter.dev/v1',
        source: 'frankfurter',
        userAgent: `@cf/connector-frankfurter/${VERSION}`,
        // No documented quota; a polite ceiling, since a free community service is on the other end.
        rateLimit: { windows: [{ name: 'requests', limit: 10, intervalMs: 1_000 }] },
        mapError: mapFrankfurterError,
      },
      config,
    );
  }

  /** Rates of the latest business day (they change once a day, around 16:00 CET). */
  latest(query: RatesQuery = {}, options: CallOptions = {}): Promise<Rates> {
    return rates.latest(this.#context(), query, options);
  }

  /**
   * Rates for `date`. A weekend or holiday gives the previous business day's rates, and the result's
   * `date` says which day that was.
   */
  historical(date: string, query: RatesQuery = {}, options: CallOptions = {}): Promise<Rates> {
    return rates.historical(this.#context(), date, query, options);
  }

  /**
   * One row per business day from `start` to `end` (default: the latest), one request per calendar year.
   * Bad input throws VALIDATION_ERROR right away, before anything is iterated.
   */
  timeSeries(query: TimeSeriesQuery, options: CallOptions = {}): Paginated<Rates, string> {
    return timeSeries(this.#context(), query, options);
  }

  /** `amount` of `from` in `to`, on `date` or at the latest rates. The API rounds the result (see README). */
  convert(input: ConvertInput, options: CallOptions = {}): Promise<number> {
    return rates.convert(this.#context(), input, options);
  }

  /** The currencies of the latest publication. Afterwards, latest-rate calls reject codes not in it. */
  async currencies(options: CallOptions = {}): Promise<Currencies> {
    const list = await currencies.currencies(this.#context(), options);
    this.known = new Set(Object.keys(list));
    return list;
  }

  /** The tables `sync()` (`@cf/load`) and `cf sync` land: `rates` (incremental by date) and `currencies`. See the README's "Streams". */
  override streams(): Stream[] {
    return frankfurterStreams(this);
  }

  override async ping(): Promise<void> {
    await this.currencies();
  }

  #context(): FrankfurterContext {
    return { http: this.http, today: new Date(this.http.clock.now()).toISOString().slice(0, 10), known: this.known };
  }
}
