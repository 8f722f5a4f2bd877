import {
  BaseConnector,
  apiKeyAuth,
  withUserOptions,
  type ApiResponse,
  type CallOptions,
  type ConnectorError,
  type CoreOptions,
  type HttpClientOptions,
  type Clock,
  type RateLimiter,
  type RateLimitStore,
  type RequestSpec,
  type Stream,
} from '@cf/core';
import type * as z from '@cf/core/zod';
import { AccountBlock } from './account-block.js';
import { configSchema, OPENWEATHER_BASE_URL, type OpenWeatherConfig, type OpenWeatherOptions } from './config.js';
import type { ResourceContext } from './context.js';
import { inspectOpenWeatherResponse, isAccountBlockAnswer, mapOpenWeatherError } from './errors/map-openweather-error.js';
import type { WeatherCallOptions } from './input/call-options.js';
import type { Coordinates, Location } from './input/location.js';
import { createQuota, quotaStore, type Quota } from './quota.js';
import { AirPollutionResource } from './resources/air-pollution.js';
import { CurrentWeatherResource, type CurrentWeather } from './resources/current-weather.js';
import { ForecastResource, type Forecast, type ForecastOptions } from './resources/forecast.js';
import { GeocodingResource, type GeocodedPlace, type GeocodedZip, type GeocodeOptions } from './resources/geocoding.js';
import { OneCallResource, oneCallApi, type OneCall } from './resources/one-call.js';
import { openWeatherStreams } from './streams.js';
import type { Units } from './units.js';
import { VERSION } from './version.js';

/**
 * A typed client for OpenWeather (https://openweathermap.org/api): current weather, 5 day forecast, geocoding,
 * air pollution and One Call 3.0, within the key's quotas (60 calls/min, 1,000 One Call calls/day by default).
 *
 * `U` is the client's unit system; every weather result carries the `units` it was requested in.
 */
export class OpenWeatherConnector<U extends Units = 'standard'> extends BaseConnector<OpenWeatherConfig> {
  readonly name = 'openweather';
  // ECMAScript private (`#`), not TypeScript `private`: internals are not reachable from JavaScript either, so the
  // connector's runtime surface is exactly its declared operations.
  #quota: Quota | undefined;
  #block: AccountBlock | undefined;

  readonly #ctx: ResourceContext = {
    request: (spec) => this.#send(spec),
    units: () => this.config.units ?? 'standard',
    lang: () => this.config.lang,
    oneCallLimiter: () => this.#quota?.oneCall,
    now: () => this.http.clock.now(),
  };

  /** Air pollution at coordinates: `current`, `forecast` (4 days hourly) and `history({ start, end })`. */
  readonly airPollution: AirPollutionResource;
  /** One Call 3.0: `oneCall(location)`, `.at(location, time)`, `.daySummary(location, date)`, `.overview(location)`. */
  readonly oneCall: OneCall<U>;

  readonly #weather: CurrentWeatherResource;
  readonly #forecasts: ForecastResource;
  readonly #geocoding: GeocodingResource;

  constructor(options: OpenWeatherOptions<U>) {
    super();
    this.initialize(options);
    this.#weather = new CurrentWeatherResource(this.#ctx);
    this.#forecasts = new ForecastResource(this.#ctx);
    this.#geocoding = new GeocodingResource(this.#ctx);
    this.airPollution = new AirPollutionResource(this.#ctx);
    this.oneCall = oneCallApi<U>(new OneCallResource(this.#ctx));
  }

  protected configSchema(): z.ZodType<OpenWeatherConfig> {
    return configSchema;
  }

  protected httpOptions(config: OpenWeatherConfig): HttpClientOptions {
    const { apiKey, units: _units, lang: _lang, limits, rateLimit, store, hooks, ...user } = config;
    // Built once: reconnecting after disconnect() keeps the counts and a block in force (and a persistent store keeps
    // them across restarts). The block's hold lives in the quota's store, under its own keys.
    const shared = quotaStore(limits ?? {}, store as RateLimitStore | undefined, config.clock as Clock | undefined);
    // Only a store the user gave is read for the hold: it may be shared with other processes.
    this.#block ??= new AccountBlock(store === undefined ? undefined : shared.store, shared.key);
    if (rateLimit !== false) this.#quota ??= createQuota(limits ?? {}, shared.store, config.clock as Clock | undefined);
    const limiter: RateLimiter | false = rateLimit === false || !this.#quota ? false : this.#quota.general;
    const block = this.#block;
    // The block's 429 arms the hold as soon as it is mapped, before the calls queued behind it are sent.
    const armed = (error: ConnectorError | undefined, path: string, now: number): ConnectorError | undefined => {
      if (error && isAccountBlockAnswer(error)) block.hold(path, now);
      return error;
    };
    return withUserOptions(
      {
        baseUrl: OPENWEATHER_BASE_URL,
        source: 'openweather',
        userAgent: `@cf/connector-openweather/${VERSION}`,
        auth: apiKeyAuth({ in: 'query', name: 'appid', value: apiKey }),
        rateLimit: limiter,
        // A call queued (for quota or a connection) when the block began is refused right before it would be sent.
        hooks: block.hooks(hooks),
        mapError: (ctx) => armed(mapOpenWeatherError(ctx), ctx.path, ctx.clock.now()),
        inspectResponse: (ctx) => armed(inspectOpenWeatherResponse(ctx), ctx.path, ctx.clock.now()),
      },
      user as CoreOptions,
    );
  }

  /**
   * Every resource's request. While the key is blocked a call fails here at once, before it queues or spends quota;
   * with a response cache it goes on instead, so a fresh cached answer (which costs no call) is still served, and
   * the hook refuses the rest right before sending.
   */
  async #send<T>(spec: RequestSpec<T>): Promise<ApiResponse<T>> {
    if (this.#block && !this.config.cache) {
      const refusal = await this.#block.refusal(spec.path ?? '', this.http.clock.now());
      if (refusal) throw refusal;
    }
    return this.http.request(spec);
  }

  /** Current weather at a location: `GET /data/2.5/weather` (https://openweathermap.org/current). */
  current<V extends Units = U>(location: Location, options: WeatherCallOptions<V> = {}): Promise<CurrentWeather<V>> {
    return this.#weather.get(location, options);
  }

  /** 5 day / 3 hour forecast; iterate the result for its entries: `GET /data/2.5/forecast` (https://openweathermap.org/forecast5). */
  forecast<V extends Units = U>(location: Location, options: ForecastOptions<V> = {}): Promise<Forecast<V>> {
    return this.#forecasts.get(location, options);
  }

  /** Up to `limit` (1–5) places for `"{city},{state},{country}"`: `GET /geo/1.0/direct`. Empty when nothing matches. */
  geocode(query: string, options: GeocodeOptions = {}): Promise<GeocodedPlace[]> {
    return this.#geocoding.direct(query, options);
  }

  /** Place names near coordinates: `GET /geo/1.0/reverse`. */
  reverseGeocode(location: Coordinates, options: GeocodeOptions = {}): Promise<GeocodedPlace[]> {
    return this.#geocoding.reverse(location, options);
  }

  /** The place of a postal code in a country: `GET /geo/1.0/zip`. NOT_FOUND when unknown. */
  geocodeZip(zip: string, country: string, options: CallOptions = {}): Promise<GeocodedZip> {
    return this.#geocoding.zip(zip, country, options);
  }

  /**
   * The tables `sync()` (`@cf/load`) and `cf sync` land: `forecast`, `current_weather`, `air_pollution_forecast` and
   * `air_pollution_history` (incremental by `dt`), keyed by the place asked about. See the README's "Streams".
   */
  override streams(): Stream[] {
    return openWeatherStreams(this);
  }

  /** Proves the key works with one current-weather call (it costs one call of the minute quota). */
  override async ping(): Promise<void> {
    await this.current({ lat: 0, lon: 0 });
  }
}
