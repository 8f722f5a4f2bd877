import type * as DuckDBNodeApi from '@duckdb/node-api';
import { DestinationUnavailableError, DriverMissingError } from '../errors.js';
import { redact } from './options.js';

/** `@duckdb/node-api`, an optional peer dependency: loaded on `open()`, never at import. */
export type DuckDBApi = typeof DuckDBNodeApi;

const DRIVER = '@duckdb/node-api';

/**
 * Loads the driver. A missing package (or its native binding for this platform, `@duckdb/node-bindings-*`) is a
 * DriverMissingError that says what to install; `importer` is replaceable for tests.
 */
export async function loadDriver(importer: () => Promise<DuckDBApi> = () => import('@duckdb/node-api')): Promise<DuckDBApi> {
  try {
    return await importer();
  } catch (error) {
    if (isModuleNotFound(error)) throw new DriverMissingError(DRIVER, 'duckdb()');
    throw error;
  }
}

function isModuleNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(error.message);
  return notFound && error.message.includes('@duckdb/');
}

/**
 * Why DuckDB could not open the file, in words a user can act on. DuckDB takes an exclusive lock on a file it opens
 * for writing, so a second process (another `cf sync`, a DuckDB shell, a notebook) is refused until the first exits.
 */
export function openFailure(label: string, error: unknown): DestinationUnavailableError {
  const message = error instanceof Error ? error.message : String(error);
  const lock = /Could not set lock on file.*?Conflicting lock is held in (.*?) \(PID (\d+)\)/s.exec(message);
  let reason: string;
  if (lock) {
    reason =
      `another process (PID ${lock[2]}, ${lock[1]}) has the file open. DuckDB allows one writer process per file: ` +
      'wait for it to finish (or close it), or write to another file.';
  } else if (/Could not set lock on file/.test(message)) {
    reason = 'another process has the file open. DuckDB allows one writer process per file: wait for it to finish, or write to another file.';
  } else if (/Is a directory/i.test(message)) {
    reason = 'the path is a directory; give a database file inside it.';
  } else if (/Permission denied/i.test(message)) {
    reason = 'permission denied: this user cannot read and write the file (or create it in its directory).';
  } else if (/No such file or directory/i.test(message)) {
    reason = 'its directory does not exist; create it first.';
  } else if (/not a valid DuckDB database file/i.test(message)) {
    reason = 'the file exists but is not a DuckDB database.';
  } else {
    reason = message;
  }
  // The driver's message repeats the path, which may carry a token: keep the original only when it has none.
  const cause = redact(message) === message ? error : new Error(redact(message));
  return new DestinationUnavailableError(label, redact(reason), cause);
}
