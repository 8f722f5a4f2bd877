/** Header names whose values are secrets (lower case). */
export const DEFAULT_SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'api-auth',
  'x-shopify-access-token',
] as const;

/** Query parameter names whose values are secrets (lower case). */
export const DEFAULT_SECRET_PARAMS = [
  'appid',
  'api_key',
  'apikey',
  'key',
  'access_token',
  'token',
  'client_secret',
  'refresh_token',
  'password',
  'hapikey',
] as const;

/** What a secret is replaced with in URLs, headers, messages and bodies. */
export const REDACTED = '[REDACTED]';

/**
 * Hides secrets in what leaves the client (errors, events, logs): named headers and query parameters, and every known
 * secret value wherever it appears.
 */
export interface Redactor {
  /** Redacts secret query parameters in a URL or path+query string. */
  url(value: string): string;
  /** Returns a copy of the headers with secret values replaced. */
  headers(headers: Record<string, string>): Record<string, string>;
  /** Replaces every known secret value in free text (messages, bodies). */
  text(value: string): string;
  /** Deep copy of a JSON-like value with every known secret replaced in its strings. */
  value<T>(value: T): T;
  /** Registers a secret value (a token learnt at runtime, e.g. after an OAuth refresh). */
  addSecret(value: string): void;
}

/** Options of `createRedactor`: secret names besides the defaults, and secret values. */
export interface RedactorOptions {
  /** Extra header names whose values are secrets. */
  headers?: readonly string[];
  /** Extra query parameter (and JSON key) names whose values are secrets. */
  params?: readonly string[];
  /**
   * Secret values: a list, or a function read at every redaction (an auth provider's `secrets()`), so a token
   * obtained by a refresh after construction is redacted too.
   */
  secrets?: readonly string[] | (() => Iterable<string>);
}

/**
 * Builds a redactor for the default secret headers (`DEFAULT_SECRET_HEADERS`) and parameters
 * (`DEFAULT_SECRET_PARAMS`), plus the given names and values. Values shorter than 6 characters are not redacted in
 * free text (they would hide innocent words); percent-encoded values are redacted too.
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const headerNames = new Set([...DEFAULT_SECRET_HEADERS, ...(options.headers ?? [])].map((h) => h.toLowerCase()));
  const paramNames = new Set([...DEFAULT_SECRET_PARAMS, ...(options.params ?? [])].map((p) => p.toLowerCase()));
  const known = new Set<string>();
  const live = typeof options.secrets === 'function' ? options.secrets : undefined;
  const addSecret = (value: string): void => {
    known.add(value);
  };
  if (typeof options.secrets !== 'function') for (const s of options.secrets ?? []) addSecret(s);

  const replaceIn = (out: string, secret: string): string => {
    // Very short values would redact innocent text; real secrets are longer.
    if (secret.length < 6) return out;
    let result = out;
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && result.includes(encoded)) result = result.split(encoded).join(REDACTED);
    return result;
  };
  const text = (value: string): string => {
    let out = value;
    for (const secret of known) out = replaceIn(out, secret);
    if (live) for (const secret of live()) out = replaceIn(out, secret);
    return out;
  };

  const url = (value: string): string => {
    const q = value.indexOf('?');
    if (q === -1) return text(value);
    const base = value.slice(0, q);
    const hashAt = value.indexOf('#', q);
    const query = value.slice(q + 1, hashAt === -1 ? undefined : hashAt);
    const parts = query.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        /* keep the raw name */
      }
      return paramNames.has(name.toLowerCase()) && eq !== -1 ? `${rawName}=${REDACTED}` : pair;
    });
    return text(`${base}?${parts.join('&')}${hashAt === -1 ? '' : value.slice(hashAt)}`);
  };

  const headers = (input: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      out[name] = headerNames.has(name.toLowerCase()) ? REDACTED : text(value);
    }
    return out;
  };

  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (depth > 20 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => deep(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = paramNames.has(k.toLowerCase()) || headerNames.has(k.toLowerCase()) ? REDACTED : deep(v, depth + 1);
    return out;
  };

  return { url, headers, text, addSecret, value: <T>(v: T) => deep(v, 0) as T };
}
