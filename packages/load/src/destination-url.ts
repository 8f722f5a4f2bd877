import type { Destination } from './destination.js';
import { InvalidArgumentError } from './errors.js';
import { redactUrl } from './redact-url.js';

/** `cf sync --to`'s default: a DuckDB file in the working directory. */
export const DEFAULT_DESTINATION = 'duckdb:./cf.duckdb';

/**
 * A destination from a `--to` string: `duckdb:./cf.duckdb` (or a path ending in `.duckdb`, or `duckdb::memory:`),
 * `postgres://user:pass@host:5432/db` (`postgresql://` too; `?schema=name` picks the schema),
 * `clickhouse://user:pass@host:8123/db` (HTTP interface; `clickhouses://` for HTTPS). Each destination's driver is
 * loaded only when used.
 */
export async function destinationFromUrl(to: string): Promise<Destination> {
  if (typeof to !== 'string' || to.trim() === '') throw new InvalidArgumentError('a destination is required (e.g. duckdb:./cf.duckdb)');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(to)?.[1]?.toLowerCase();
  if (scheme === 'duckdb' || (scheme === undefined && /\.duckdb$/i.test(to)) || (scheme === undefined && /^[./]/.test(to))) {
    const path = scheme === 'duckdb' ? to.slice('duckdb:'.length).replace(/^\/\/(?=\/)/, '') : to;
    const { duckdb } = await import('./duckdb/index.js');
    return duckdb(path === '' ? './cf.duckdb' : path);
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const url = new URL(to);
    const schema = url.searchParams.get('schema');
    url.searchParams.delete('schema');
    const { postgres } = await import('./postgres/index.js');
    return postgres(schema === null ? url.toString() : { connectionString: url.toString(), schema });
  }
  if (scheme === 'clickhouse' || scheme === 'clickhouses') {
    const { clickhouse } = await import('./clickhouse/index.js');
    return clickhouse(to);
  }
  throw new InvalidArgumentError(
    `unknown destination "${redactUrl(to)}": use duckdb:./file.duckdb, postgres://user@host:5432/db or clickhouse://user@host:8123/db`,
  );
}
