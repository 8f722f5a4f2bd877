import { InvalidArgumentError } from '../errors.js';

/** What the planner normalizes every table and column name to; anything else never reaches SQL. */
const NAME = /^[a-z_][a-z0-9_]*$/;
/** Postgres's limit, which the planner applies everywhere so one stream has the same names in every destination. */
const MAX_NAME_LENGTH = 63;

/** Tables this destination owns: a stream's table may not take these names. */
export const RESERVED_PREFIX = '_cf_';

/** Whether `name` is a normalized identifier (`[a-z_][a-z0-9_]*`, at most 63 characters). */
export function isName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_NAME_LENGTH && NAME.test(name);
}

/** Throws InvalidArgumentError unless `name` is a normalized identifier; `what` says which ("table", "column"). */
export function checkName(name: unknown, what: string): string {
  if (!isName(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name) : typeof name;
    throw new InvalidArgumentError(
      `Invalid ${what} name ${shown}: expected lowercase letters, digits and underscores, not starting with a digit, at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
  return name;
}

/**
 * The name checked and double-quoted for SQL. Names are already safe after the check; quoting still matters for
 * the ones that are keywords (`order`, `group`, `select`).
 */
export function ident(name: string, what = 'column'): string {
  return `"${checkName(name, what)}"`;
}

/** A table reference qualified by its schema: `"schema"."table"`. */
export function qualified(schema: string, table: string): string {
  return `${ident(schema, 'schema')}.${ident(table, 'table')}`;
}
