import type { ConnectionOptions } from 'node:tls';
import { InvalidArgumentError } from '../errors.js';
import { redactUrl } from '../redact-url.js';
import { isName } from './identifiers.js';

/** Where `postgres()` writes. */
export interface PostgresDestinationOptions {
  /**
   * `postgres://user:password@host:5432/database` (or `postgresql://`). Everything `pg` understands in the URL works
   * (`?sslmode=require`, `?host=/var/run/postgresql` for a Unix socket, `?application_name=…`); `?schema=name`
   * picks the schema when `schema` is not given.
   */
  connectionString: string;
  /** The schema every table goes in, `_cf_state` and `_cf_rejects` included; created when missing. Default `public`. */
  schema?: string | undefined;
  /** TLS for `pg`: `true`, or `tls.connect()` options (`{ ca, rejectUnauthorized }`). An `sslmode` in the URL wins. */
  ssl?: boolean | ConnectionOptions | undefined;
  /** How long `open()` waits for the server before a DestinationUnavailableError. Default 10 000 ms. */
  connectTimeoutMs?: number | undefined;
}

export interface ResolvedPostgresOptions {
  /** The URL handed to `pg` (without our own `schema` parameter). */
  connectionString: string;
  schema: string;
  ssl: boolean | ConnectionOptions | undefined;
  connectTimeoutMs: number;
  /** The URL with its password replaced by `***`: for progress lines and error messages. */
  label: string;
  /** Every form of the password that could show up in a driver message, for `redact`. */
  secrets: string[];
}

export const DEFAULT_SCHEMA = 'public';
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const KNOWN_KEYS = new Set(['connectionString', 'schema', 'ssl', 'connectTimeoutMs']);

/**
 * Validates `postgres()`'s argument: a URL, or `{ connectionString, schema, ssl, connectTimeoutMs }`. Throws
 * InvalidArgumentError naming the problem; its message never repeats the password.
 */
export function resolveOptions(input: unknown): ResolvedPostgresOptions {
  let options: PostgresDestinationOptions;
  if (typeof input === 'string') {
    options = { connectionString: input };
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const unknown = Object.keys(input).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(
        `postgres(): unknown option ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the options are connectionString, schema, ssl and connectTimeoutMs.`,
      );
    }
    options = input as PostgresDestinationOptions;
  } else {
    throw new InvalidArgumentError(
      `postgres(): expected a postgres:// URL or { connectionString, schema }, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
    );
  }

  const { connectionString } = options;
  if (typeof connectionString !== 'string' || connectionString.trim() === '') {
    throw new InvalidArgumentError('postgres(): connectionString must be a postgres://user:password@host:5432/database URL.');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(connectionString)?.[1]?.toLowerCase();
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    // Show the scheme only: whatever follows may hold a password in a form we cannot parse to hide it.
    const shown = scheme === undefined ? 'no scheme' : `${scheme}:…`;
    throw new InvalidArgumentError(`postgres(): expected a postgres:// or postgresql:// URL, got ${shown}.`);
  }
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new InvalidArgumentError(`postgres(): ${redactUrl(connectionString)} is not a valid URL (percent-encode special characters in the user and password).`);
  }

  const secrets = passwordForms(url);
  const fromUrl = url.searchParams.get('schema');
  const schema: unknown = options.schema ?? fromUrl ?? DEFAULT_SCHEMA;
  if (!isName(schema) || schema.startsWith('pg_')) {
    const shown = typeof schema === 'string' ? JSON.stringify(schema.slice(0, 80)) : typeof schema;
    throw new InvalidArgumentError(
      `postgres(): schema must be lowercase letters, digits and underscores, not starting with a digit or pg_ (at most 63 bytes), got ${shown}.`,
    );
  }

  const ssl = options.ssl;
  if (ssl !== undefined && typeof ssl !== 'boolean' && (typeof ssl !== 'object' || ssl === null || Array.isArray(ssl))) {
    throw new InvalidArgumentError(`postgres(): ssl must be a boolean or tls.connect() options, got ${ssl === null ? 'null' : typeof ssl}.`);
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  if (typeof connectTimeoutMs !== 'number' || !Number.isInteger(connectTimeoutMs) || connectTimeoutMs <= 0) {
    throw new InvalidArgumentError(`postgres(): connectTimeoutMs must be a positive integer (milliseconds), got ${String(connectTimeoutMs)}.`);
  }

  // `schema` is ours, not libpq's: `pg` would pass unknown parameters on, so it goes before the URL does.
  let forDriver = connectionString;
  if (fromUrl !== null) {
    const copy = new URL(connectionString);
    copy.searchParams.delete('schema');
    forDriver = copy.toString();
  }
  return { connectionString: forDriver, schema, ssl, connectTimeoutMs, label: labelOf(url), secrets };
}

/** Query parameters that hold a secret: `password`, `sslpassword`, anything named like a token or a secret. */
const SECRET_PARAM = /pass|secret|token/i;

/** The URL with the password (in the user info or a `password=`-like parameter) replaced by `***`. */
function labelOf(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password !== '') copy.password = '***';
  let masked = false;
  for (const name of [...copy.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      copy.searchParams.set(name, '***');
      masked = true;
    }
  }
  const text = copy.toString();
  return masked ? text.replace(/=%2A%2A%2A(?=&|$)/g, '=***') : text;
}

/**
 * The password as written in the URL, decoded, from secret parameters, and from PGPASSWORD (which `pg` falls back
 * to): what `redact` hides.
 */
function passwordForms(url: URL): string[] {
  const forms = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') forms.add(value);
  };
  add(url.password);
  try {
    add(decodeURIComponent(url.password));
  } catch {
    // A malformed escape: the raw form is already there.
  }
  for (const [name, value] of url.searchParams) if (SECRET_PARAM.test(name)) add(value);
  add(process.env.PGPASSWORD);
  // Longest first, so a password containing another form is hidden whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Hides the password in text from the driver or the server: any URL's user info, any `password=` value, and every
 * literal occurrence of the password itself (three characters or more: a shorter one would blank out ordinary
 * words and is no secret worth the name).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = redactUrl(text);
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}
