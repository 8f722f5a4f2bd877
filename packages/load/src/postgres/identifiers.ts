import { InvalidArgumentError } from '../errors.js';

/** What the planner normalizes every table and column name to; anything else never reaches SQL. */
const NAME = /^[a-z_][a-z0-9_]*$/;
/** Postgres truncates identifiers past 63 bytes (NAMEDATALEN - 1): a longer one would silently name another column. */
const MAX_NAME_BYTES = 63;

/** The tables this destination owns in its schema: a stream's table may not take these names. */
export const STATE_TABLE = '_cf_state';
export const REJECTS_TABLE = '_cf_rejects';
/** The per-transaction staging table a commit copies rows into (`ON COMMIT DROP`, in the session's `pg_temp`). */
export const STAGING_TABLE = '_cf_staging';

/** Whether `name` is a normalized identifier (`[a-z_][a-z0-9_]*`, at most 63 bytes). */
export function isName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name) && name.length <= MAX_NAME_BYTES;
}

/** Throws InvalidArgumentError unless `name` is a normalized identifier; `what` says which ("table", "column"). */
export function checkName(name: unknown, what: string): string {
  if (!isName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name) : typeof name;
    throw new InvalidArgumentError(
      `Invalid ${what} name ${shown}: expected lowercase letters, digits and underscores, not starting with a digit, at most ${MAX_NAME_BYTES} bytes.`,
    );
  }
  return name;
}

/**
 * The name checked and double-quoted for SQL. Checked names cannot contain a quote; quoting still matters for the
 * ones that are keywords (`order`, `user`, `select`).
 */
export function ident(name: string, what = 'column'): string {
  return `"${checkName(name, what)}"`;
}

/** A table in the destination's schema: `"schema"."table"`. */
export function qualified(schema: string, table: string): string {
  return `${ident(schema, 'schema')}.${ident(table, 'table')}`;
}
