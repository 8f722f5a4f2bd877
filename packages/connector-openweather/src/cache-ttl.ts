/**
 * How long a response may be served from core's response cache, when the user configures one (`cache` option).
 * OpenWeather's model updates about every 10 minutes (https://openweathermap.org/api/one-call-3), so asking again
 * sooner spends quota (and One Call money) for the same data. Place names change far more rarely.
 */
export const WEATHER_CACHE_TTL_MS = 10 * 60_000;
export const GEOCODING_CACHE_TTL_MS = 24 * 60 * 60_000;
