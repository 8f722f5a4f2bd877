export { FrankfurterConnector, type FrankfurterConfig } from './frankfurter-connector.js';
export { FrankfurterV2Connector, type FrankfurterV2Config } from './frankfurter-v2-connector.js';
export { mapFrankfurterError } from './map-error.js';
export { mapFrankfurterV2Error } from './map-error-v2.js';
export { metadata, metadataV2 } from './metadata.js';
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
export {
  v2CurrenciesSchema,
  v2CurrencyDetailSchema,
  v2CurrencySchema,
  v2ProviderRateSchema,
  v2ProviderSchema,
  v2ProvidersSchema,
  v2RateSchema,
  v2RatesSchema,
  type V2CurrenciesQuery,
  type V2Currency,
  type V2CurrencyDetail,
  type V2Provider,
  type V2Rate,
  type V2RateQuery,
  type V2RatesQuery,
  type V2TimeSeriesQuery,
} from './schemas-v2.js';
export { currencyRecordSchema, rateRecordSchema, V2_LOOKBACK_DAYS, type RateRecord } from './streams.js';
