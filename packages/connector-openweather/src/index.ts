export { OpenWeatherConnector } from './client.js';
export { OPENWEATHER_BASE_URL, type OpenWeatherOptions, type OpenWeatherConfig } from './config.js';
export { metadata } from './metadata.js';
export { VERSION } from './version.js';
export { UNITS, UNIT_LABELS, type Units, type TemperatureUnit, type WithUnits } from './units.js';
export {
  FREE_PLAN_LIMITS,
  MINUTE_WINDOW,
  REQUESTS_WINDOW,
  ONE_CALL_DAILY_WINDOW,
  nextUtcMidnight,
  type OpenWeatherLimits,
  type RequestWindow,
} from './quota.js';
export { mapOpenWeatherError, inspectOpenWeatherResponse, normaliseCod, ACCOUNT_BLOCKED } from './errors/map-openweather-error.js';
export { ACCOUNT_BLOCK_HOLD_MS, type BlockScope } from './account-block.js';
export type { WeatherCallOptions } from './input/call-options.js';
export type { Location, Coordinates, CityLocation, CityIdLocation, ZipLocation } from './input/location.js';
export type { TimeInput, DayInput } from './input/time.js';
export type { Coord, WeatherCondition, Precipitation } from './schemas/common.js';
export { currentWeatherSchema, type CurrentWeather, type CurrentWeatherData } from './resources/current-weather.js';
export { forecastSchema, forecastEntrySchema, type Forecast, type ForecastData, type ForecastEntry, type ForecastOptions } from './resources/forecast.js';
export { geocodedPlaceSchema, geocodedZipSchema, type GeocodedPlace, type GeocodedZip, type GeocodeOptions } from './resources/geocoding.js';
export {
  AirPollutionResource,
  airPollutionSchema,
  AIR_POLLUTION_HISTORY_START,
  type AirPollution,
  type AirQuality,
  type Pollutants,
  type AirPollutionHistoryRange,
} from './resources/air-pollution.js';
export { ONE_CALL_PARTS, type OneCall, type OneCallPart, type OneCallOptions, type DaySummaryOptions, type OverviewOptions } from './resources/one-call.js';
export {
  oneCallSchema,
  timemachineSchema,
  daySummarySchema,
  overviewSchema,
  type OneCallForecast,
  type OneCallTimemachine,
  type DaySummary,
  type WeatherOverview,
  type OneCallObservation,
  type OneCallHour,
  type OneCallDay,
  type OneCallAlert,
} from './resources/one-call-schemas.js';
export {
  airQualityRecordSchema,
  currentWeatherRecordSchema,
  forecastRecordSchema,
  AIR_POLLUTION_HISTORY_PAGE_HOURS,
  type AirQualityRecord,
} from './streams.js';
