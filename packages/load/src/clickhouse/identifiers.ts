import { InvalidArgumentError } from '../errors.js';

/** What the planner normalizes every table and column name to; anything else never reaches SQL. */
const NAME = /^[a-z_][a-z0-9_]*$/;
/** A database is the user's: mixed case is allowed, the rest as for names. */
const DATABASE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_NAME_BYTES = 63;

export function isName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name) && name.length <= MAX_NAME_BYTES;
}

export function isDatabaseName(name: unknown): name is string {
  return typeof name === 'string' && DATABASE.test(name) && name.length <= MAX_NAME_BYTES;
}

/** Throws InvalidArgumentError unless `name` is a normalized identifier (`[a-z_][a-z0-9_]*`, at most 63). */
export function assertName(name: unknown, what: string): asserts name is string {
  if (!isName(name)) {
    throw new InvalidArgumentError(
      `invalid ${what} name ${typeof name === 'string' ? JSON.stringify(name) : String(name)}: use lowercase letters, digits and underscores, not starting with a digit (at most 63).`,
    );
  }
}

/**
 * A backtick-quoted identifier. Names are validated first, so the escaping never matters; it is here so that a
 * validation bug cannot become an injection.
 */
export function ident(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** `database`.`table`. */
export function qualified(database: string, table: string): string {
  return `${ident(database)}.${ident(table)}`;
}

/**
 * A ClickHouse string literal. 18.16 has no query parameters over HTTP (`{name:String}` fails with "Unknown setting
 * param_name"), so values in WHERE clauses are inlined, escaped: backslash and quote, and the control characters.
 */
export function literal(value: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is one of the characters escaped
  return `'${value.replace(/[\\'\u0000\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '\u0000' ? '\\0' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))}'`;
}
