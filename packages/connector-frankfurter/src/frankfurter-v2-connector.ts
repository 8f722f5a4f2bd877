import { BaseConnector, coreOptionsSchema, withUserOptions, type CallOptions, type CoreOptions, type HttpClientOptions, type Paginated, type Stream } from '@cf/core';
import type * as z from '@cf/core/zod';
import type { FrankfurterV2Context } from './context.js';
import { mapFrankfurterV2Error } from './map-error-v2.js';
import { currencies } from './resources/v2/currencies.js';
import { currency } from './resources/v2/currency.js';
import { providers } from './resources/v2/providers.js';
import { rate } from './resources/v2/rate.js';
import { rates } from './resources/v2/rates.js';
import { timeSeries } from './resources/v2/time-series.js';
import type { V2CurrenciesQuery, V2Currency, V2CurrencyDetail, V2Provider, V2Rate, V2RateQuery, V2RatesQuery, V2TimeSeriesQuery } from './schemas-v2.js';
import { frankfurterV2Streams } from './streams.js';
import { VERSION } from './version.js';

/** No credentials: the configuration is core's options (baseUrl, rateLimit, cache, ...). */
export type FrankfurterV2Config = CoreOptions;

const DAY_MS = 86_400_000;

/**
 * The Frankfurter v2 API, its current version: reference rates from many central banks, blended, for about 200
 * currencies, one row per currency pair. (`FrankfurterConnector` is the frozen v1: ECB rates only.)
 * @see https://frankfurter.dev/
 */
export class FrankfurterV2Connector extends BaseConnector<FrankfurterV2Config> {
  readonly name = 'frankfurter';

  constructor(config: FrankfurterV2Config = {}) {
    super();
    this.initialize(config);
  }

  protected configSchema() {
    return coreOptionsSchema as unknown as z.ZodType<FrankfurterV2Config>;
  }

  protected httpOptions(config: FrankfurterV2Config): HttpClientOptions {
    return withUserOptions(
      {
        baseUrl: 'https://api.frankfurter.dev/v2',
        source: 'frankfurter',
        userAgent: `@cf/connector-frankfurter/${VERSION}`,
        // No documented quota; a polite ceiling, since a free community service is on the other end.
        rateLimit: { windows: [{ name: 'requests', limit: 10, intervalMs: 1_000 }] },
        mapError: mapFrankfurterV2Error,
      },
      config,
    );
  }

  /** `GET /rates`: the latest rates, or those of `date`; one row per quote, sorted by quote. */
  rates(query: V2RatesQuery = {}, options: CallOptions = {}): Promise<V2Rate[]> {
    return rates(this.#context(), query, options);
  }

  /** `GET /rate/{base}/{quote}`: one pair, the latest or on `date`. */
  rate(base: string, quote: string, query: V2RateQuery = {}, options: CallOptions = {}): Promise<V2Rate> {
    return rate(this.#context(), base, quote, query, options);
  }

  /**
   * `GET /rates?from&to`: rows dated from `from` to `to` (default: today), daily or one per week or month (`group`),
   * one request per calendar year. Bad input throws VALIDATION_ERROR right away, before anything is iterated.
   */
  timeSeries(query: V2TimeSeriesQuery, options: CallOptions = {}): Paginated<V2Rate, string> {
    return timeSeries(this.#context(), query, options);
  }

  /** `GET /currencies`: currencies with recent rates (`scope: 'all'`: every one the API has had). */
  currencies(query: V2CurrenciesQuery = {}, options: CallOptions = {}): Promise<V2Currency[]> {
    return currencies(this.#context(), query, options);
  }

  /** `GET /currency/{code}`: one currency, its providers and its peg. */
  currency(code: string, options: CallOptions = {}): Promise<V2CurrencyDetail> {
    return currency(this.#context(), code, options);
  }

  /** `GET /providers`: the data sources, with the currencies each publishes. */
  providers(options: CallOptions = {}): Promise<V2Provider[]> {
    return providers(this.#context(), options);
  }

  /** The tables `sync()` (`@cf/load`) and `cf sync` land: `v2_rates` (incremental by date), `v2_currencies` and `v2_providers`. See the README's "Streams". */
  override streams(): Stream[] {
    return frankfurterV2Streams(this);
  }

  override async ping(): Promise<void> {
    await this.providers();
  }

  #context(): FrankfurterV2Context {
    const now = this.http.clock.now();
    const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    return { http: this.http, today: day(now), tomorrow: day(now + DAY_MS) };
  }
}
