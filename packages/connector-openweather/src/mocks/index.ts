/**
 * `@cf/connector-openweather/mocks`: MSW 2 handlers and fixtures of the OpenWeather API, for testing code that uses
 * the connector offline. Serve them with `startMockServer(handlers)` from `@cf/core/testing` (or MSW's `setupServer`)
 * and point `baseUrl` at the server.
 */
export { handlers, createHandlers, type MockOptions } from './handlers.js';
export { errorHandlers, OPENWEATHER_BLOCK_MS, type AccountBlockOptions, type ErrorHandlerOptions } from './error-handlers.js';
export {
  fixtures,
  errorBodies,
  currentWeather,
  currentWeatherLondon,
  forecast,
  geocodeDirect,
  geocodeReverse,
  geocodeZip,
  airPollution,
  airPollutionForecast,
  airPollutionSeries,
  oneCall,
  oneCallTimemachine,
  oneCallDaySummary,
  oneCallOverview,
} from './fixtures.js';
export { convertUnits } from './convert-units.js';
export { conformanceSubject } from './conformance-subject.js';
