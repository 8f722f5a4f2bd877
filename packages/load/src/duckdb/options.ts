import { InvalidArgumentError } from '../errors.js';
import { isName } from './identifiers.js';

/** Where `duckdb()` writes. */
export interface DuckDBDestinationOptions {
  /** The database file, created when missing (its directory must exist); `':memory:'` for a throwaway database. Default `./cf.duckdb`. */
  path?: string;
  /** The schema every table goes in, `_cf_state` and `_cf_rejects` included; created when missing. Default `main`. */
  schema?: string;
}

export interface ResolvedDuckDBOptions {
  path: string;
  schema: string;
  /** For progress lines and error messages. */
  label: string;
}

export const DEFAULT_PATH = './cf.duckdb';
export const DEFAULT_SCHEMA = 'main';
const KNOWN_KEYS = new Set(['path', 'schema']);

/** Validates `duckdb()`'s argument: a path, or `{ path, schema }`. Throws InvalidArgumentError naming the problem. */
export function resolveOptions(input: unknown): ResolvedDuckDBOptions {
  let path: unknown = DEFAULT_PATH;
  let schema: unknown = DEFAULT_SCHEMA;
  if (typeof input === 'string') {
    path = input;
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const unknown = Object.keys(input).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(`duckdb(): unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the options are path and schema.`);
    }
    const options = input as { path?: unknown; schema?: unknown };
    if (options.path !== undefined) path = options.path;
    if (options.schema !== undefined) schema = options.schema;
  } else if (input !== undefined) {
    throw new InvalidArgumentError(`duckdb(): expected a file path or { path, schema }, got ${input === null ? 'null' : typeof input}.`);
  }
  if (typeof path !== 'string' || path.trim() === '') {
    throw new InvalidArgumentError(`duckdb(): path must be a non-empty string (a file, or ':memory:'), got ${typeof path === 'string' ? JSON.stringify(path) : typeof path}.`);
  }
  if (path.includes('\0')) {
    throw new InvalidArgumentError('duckdb(): path contains a NUL character.');
  }
  if (!isName(schema)) {
    throw new InvalidArgumentError(
      `duckdb(): schema must be lowercase letters, digits and underscores, not starting with a digit (at most 63), got ${typeof schema === 'string' ? JSON.stringify(schema) : typeof schema}.`,
    );
  }
  return { path, schema, label: `DuckDB ${redact(path)}${schema === DEFAULT_SCHEMA ? '' : ` (schema ${schema})`}` };
}

/**
 * Hides credentials a DuckDB path can carry (`md:db?motherduck_token=…`) from labels and messages.
 */
export function redact(text: string): string {
  return text.replace(/((?:token|password|secret|key)[a-z_]*=)[^&\s"']+/gi, '$1***');
}
