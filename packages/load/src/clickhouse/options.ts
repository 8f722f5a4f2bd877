import { InvalidArgumentError } from '../errors.js';
import { redactUrl } from '../redact-url.js';
import { isDatabaseName } from './identifiers.js';

/**
 * Where `clickhouse()` writes: the server's HTTP interface, the database, the credentials.
 *
 * The URL forms and what they mean:
 * - `clickhouse://user:pass@host:port/db`: HTTP, port 8123 when none is given.
 * - `clickhouses://user:pass@host:port/db`: HTTPS, port 8443 when none is given.
 * - `http://user:pass@host:port/db` and `https://…`: as written (ports 80 and 443 when none is given, as for any
 *   URL: put ClickHouse's 8123/8443 in the URL).
 *
 * In every form: the user and the password are percent-decoded (`p%40ss` is `p@ss`); the user defaults to `default`
 * and the password to none; the path's one segment is the database (default `default`), created on `open()` when
 * missing; a deeper path, a query string or a fragment is refused. `database`, `username` and `password` given beside
 * `url` win over the URL's.
 */
export interface ClickHouseOptions {
  /** `clickhouse://…`, `http://…` or `https://…` (see above): host, port, credentials and database. */
  url: string;
  /** The database, instead of the URL's. @default the URL's, else 'default' */
  database?: string;
  /** The user, instead of the URL's. @default the URL's, else 'default' */
  username?: string;
  /** The password, instead of the URL's; never printed. @default the URL's, else none */
  password?: string;
}

/** The options checked and split: what the driver needs, and the label (never the password). */
export interface ResolvedClickHouseOptions {
  /** `http(s)://host:port`, without credentials or path. */
  origin: string;
  database: string;
  username: string;
  password: string;
  /** For progress lines and error messages: `ClickHouse http://user@host:port/db`. */
  label: string;
}

export const DEFAULT_DATABASE = 'default';
export const DEFAULT_USERNAME = 'default';
const KNOWN_KEYS = new Set(['url', 'database', 'username', 'password']);
const SCHEMES: Record<string, { protocol: 'http:' | 'https:'; defaultPort: string }> = {
  'clickhouse:': { protocol: 'http:', defaultPort: '8123' },
  'clickhouses:': { protocol: 'https:', defaultPort: '8443' },
  'http:': { protocol: 'http:', defaultPort: '' },
  'https:': { protocol: 'https:', defaultPort: '' },
};

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new InvalidArgumentError(`clickhouse(): the URL's ${what} is not valid percent-encoding.`);
  }
}

/** Validates `clickhouse()`'s argument. Throws InvalidArgumentError naming the problem (never the password). */
export function resolveOptions(input: unknown): ResolvedClickHouseOptions {
  let options: { url?: unknown; database?: unknown; username?: unknown; password?: unknown };
  if (typeof input === 'string') {
    options = { url: input };
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const unknown = Object.keys(input).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(
        `clickhouse(): unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the options are url, database, username and password.`,
      );
    }
    options = input;
  } else {
    throw new InvalidArgumentError(`clickhouse(): expected a URL or { url, database, username, password }, got ${describe(input)}.`);
  }

  const raw = options.url;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InvalidArgumentError(`clickhouse(): url must be a non-empty string such as clickhouse://user@host:8123/db, got ${typeof raw === 'string' ? '""' : describe(raw)}.`);
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidArgumentError(`clickhouse(): "${redactUrl(raw)}" is not a URL; expected clickhouse://user@host:8123/db or http(s)://host:port/db.`);
  }
  const scheme = SCHEMES[url.protocol];
  if (scheme === undefined) {
    throw new InvalidArgumentError(
      `clickhouse(): unsupported scheme "${url.protocol.replace(/:$/, '')}" in "${redactUrl(raw)}"; use clickhouse://, clickhouses://, http:// or https://.`,
    );
  }
  if (url.hostname === '') throw new InvalidArgumentError(`clickhouse(): "${redactUrl(raw)}" has no host.`);
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidArgumentError(`clickhouse(): the URL takes no query string or fragment (${redactUrl(raw).replace(/^[^?#]*/, '')}); pass database, username and password as options.`);
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.length > 1) {
    throw new InvalidArgumentError(`clickhouse(): the URL's path is the database, one segment (/db), got "${url.pathname}".`);
  }

  const database = options.database ?? (segments[0] === undefined ? DEFAULT_DATABASE : decode(segments[0], 'database'));
  if (!isDatabaseName(database)) {
    throw new InvalidArgumentError(
      `clickhouse(): database must be letters, digits and underscores, not starting with a digit (at most 63), got ${typeof database === 'string' ? JSON.stringify(database) : describe(database)}.`,
    );
  }
  const username = options.username ?? (url.username === '' ? DEFAULT_USERNAME : decode(url.username, 'user'));
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (typeof username !== 'string' || username === '' || /[\u0000-\u001f\u007f]/.test(username)) {
    throw new InvalidArgumentError(`clickhouse(): username must be a non-empty string without control characters, got ${typeof username === 'string' ? JSON.stringify(username) : describe(username)}.`);
  }
  const password = options.password ?? decode(url.password, 'password');
  if (typeof password !== 'string') {
    // Its type only: a password is never printed.
    throw new InvalidArgumentError(`clickhouse(): password must be a string, got ${describe(password)}.`);
  }
  // eslint-disable-next-line no-control-regex -- NUL is refused
  if (/[\r\n\u0000]/.test(password)) throw new InvalidArgumentError('clickhouse(): password contains a line break or a NUL character.');

  const port = url.port === '' ? scheme.defaultPort : url.port;
  const host = port === '' ? url.hostname : `${url.hostname}:${port}`;
  const origin = `${scheme.protocol}//${host}`;
  return { origin, database, username, password, label: `ClickHouse ${scheme.protocol}//${encodeURIComponent(username)}@${host}/${database}` };
}
