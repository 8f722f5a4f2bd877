export { instrument, instrumentWith, type InstrumentOptions } from './instrument.js';
export { countRecords, type CountRecordsOptions } from './count-records.js';
export { loadOtelApi, tryLoadOtelApi, TELEMETRY_SCOPE, type OtelApi } from './otel-api.js';
export { ATTR as TELEMETRY_ATTRIBUTES } from './attributes.js';
