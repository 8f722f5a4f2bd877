// `@cf/load/postgres`: the Postgres destination. `pg` and `pg-copy-streams` are optional peer dependencies, loaded
// by `open()` (DriverMissingError when absent).
import type { PostgresDestinationOptions } from './options.js';
import { PostgresDestination } from './postgres-destination.js';

export { PostgresDestination } from './postgres-destination.js';
export type { PostgresDestinationOptions } from './options.js';

/**
 * A Postgres destination: `postgres('postgres://user:password@host:5432/db')`, or
 * `postgres({ connectionString, schema: 'raw', ssl: { ca } })`. Tables go in `schema` (default `public`, or the
 * URL's `?schema=`), with `_cf_state` and `_cf_rejects`. Validates its argument now (InvalidArgumentError); connects
 * on `open()`.
 */
export function postgres(options: string | PostgresDestinationOptions): PostgresDestination {
  return new PostgresDestination(options);
}
