export { FrankfurterConnector, type FrankfurterConfig } from './frankfurter-connector.js';
export { mapFrankfurterError } from './map-error.js';
export { metadata } from './metadata.js';
export {
  FIRST_DATE,
  currenciesSchema,
  ratesSchema,
  timeSeriesSchema,
  type ConvertInput,
  type Currencies,
  type Rates,
  type RatesQuery,
  type TimeSeries,
  type TimeSeriesQuery,
} from './schemas.js';
