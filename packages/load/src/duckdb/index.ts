export { duckdb, DuckDBDestination } from './duckdb-destination.js';
export type { DuckDBDestinationOptions } from './options.js';
