// `@cf/load/clickhouse`: the ClickHouse destination (HTTP interface, `@clickhouse/client` loaded on open()).
export { clickhouse, ClickHouseDestination } from './clickhouse-destination.js';
export { type ClickHouseOptions } from './options.js';
