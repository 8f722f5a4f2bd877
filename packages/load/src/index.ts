// `@cf/load`: land connector streams in a database. Destinations live in their own entry points so only the one
// used loads its driver: `@cf/load/duckdb`, `@cf/load/postgres`, `@cf/load/clickhouse`.
export { sync, type SyncableConnector } from './sync/sync.js';
export { type SyncOptions } from './sync/sync-options.js';
export { type SyncEvent, type StreamSummary, type SyncSummary } from './sync/events.js';
export { SyncFailedError, RecordRejectedError } from './sync/sync-error.js';
export { discover, streamJsonSchema, type CatalogEntry } from './catalog.js';
export { destinationFromUrl, DEFAULT_DESTINATION } from './destination-url.js';
export { redactUrl } from './redact-url.js';
export {
  BOOKKEEPING_COLUMNS,
  type Destination,
  type Batch,
  type Cell,
  type Column,
  type ColumnType,
  type TableSpec,
  type StreamKey,
  type StreamState,
  type RejectedRecord,
} from './destination.js';
export { tableName, columnName, normalizeSegment } from './plan/column-name.js';
export { LoadError, InvalidArgumentError, UnknownStreamError, DestinationError, DestinationUnavailableError, DriverMissingError, type LoadErrorCode } from './errors.js';
