import { createRedactor, REDACTED } from '@cf/core';
import type { RawExchange } from './recording-transport.js';

/** One exchange as a fixture holds it: redacted, the path relative to the base URL, only the headers that matter. */
export interface RecordedExchange {
  method: string;
  /** The request path after the base URL's path prefix (`/items`, not `/v1/items`), percent-encoded as sent. */
  path: string;
  /** The request's query parameters (a secret one keeps its name, its value is `[REDACTED]`). */
  query: Record<string, string>;
  status: number;
  /** content-type, pagination (`link`, totals, cursors) and rate-limit headers. */
  headers: Record<string, string>;
  /** The JSON body, or its text when it is not JSON. */
  body: unknown;
}

/** Response headers a fixture keeps: what a client reads to parse, page and pace (never cookies or auth). */
const KEPT_HEADER = /^(content-type|link|retry-after|x-total(-count)?|x-page|x-per-page|x-next-page|x-next-cursor|x-has-more|x-request-id|request-id|.*rate-?limit.*|x-.*-(limit|remaining|reset))$/;

/** Secret-looking key words (after splitting camelCase and snake_case): `accessToken`, `api_key`, `client-secret`. */
const SECRET_WORDS = new Set(['secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'token', 'apikey', 'credential', 'credentials', 'authorization', 'cookie', 'signature']);
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'session id', 'auth code']);
/** Keys that name a page position, not a credential (`next_page_token`, `pageToken`, `cursor`): kept, or paging breaks. */
const PAGING_WORDS = new Set(['page', 'cursor', 'next', 'continuation', 'offset', 'after', 'before']);

/** Whether a JSON key or query parameter name looks like it holds a secret. */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.some((w) => PAGING_WORDS.has(w))) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return words.some((w, i) => i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${w}`));
}

export interface RecordRedactorOptions {
  /** Credential values: the configuration's secrets and what the requests carried; read at every redaction. */
  secrets: () => Iterable<string>;
  /** `--redact-field` paths (`customer.email`): blanked wherever the key path ends so, at any depth, across arrays. */
  fields?: readonly string[] | undefined;
  /** Extra secret header / query names the connector declares. */
  headers?: readonly string[] | undefined;
  params?: readonly string[] | undefined;
}

export interface RecordRedactor {
  /** A JSON-like value with secret keys, `--redact-field` paths and known secret values replaced. */
  value<T>(value: T): T;
  /** Free text (an error message, a non-JSON body) with known secret values replaced. */
  text(value: string): string;
  /** The fixture form of an exchange, relative to `baseUrl`. */
  exchange(raw: RawExchange, baseUrl: URL): RecordedExchange;
}

/**
 * `cf record`'s redaction: core's redactor (secret headers, query parameters, JSON keys and every known credential
 * value, as in core's logs and errors), plus secret-looking keys by pattern and the user's `--redact-field` paths.
 */
export function recordRedactor(options: RecordRedactorOptions): RecordRedactor {
  const core = createRedactor({ secrets: options.secrets, headers: options.headers ?? [], params: options.params ?? [] });
  const fields = (options.fields ?? []).map((f) => f.split('.').filter((s) => s.length > 0)).filter((f) => f.length > 0);
  const fieldHit = (path: readonly string[]): boolean =>
    fields.some((field) => field.length <= path.length && field.every((segment, i) => path[path.length - field.length + i] === segment));

  const walk = (value: unknown, path: string[], depth: number): unknown => {
    if (depth > 64 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, path, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const at = [...path, key];
      out[key] = (isSecretKey(key) && v !== null) || fieldHit(at) ? REDACTED : walk(v, at, depth + 1);
    }
    return out;
  };
  const value = <T>(v: T): T => core.value(walk(v, [], 0)) as T;

  const query = (url: URL): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, raw] of url.searchParams) {
      // Core's list of secret parameter names (`appid`, `api_key`, `token`...), then the pattern, then known values.
      const viaCore = core.url(`?${encodeURIComponent(name)}=x`).endsWith(`=${REDACTED}`);
      out[name] = viaCore || isSecretKey(name) ? REDACTED : core.text(raw);
    }
    return out;
  };

  const exchange = (raw: RawExchange, baseUrl: URL): RecordedExchange => {
    const prefix = baseUrl.pathname.replace(/\/+$/, '');
    const path = prefix !== '' && raw.url.pathname.startsWith(`${prefix}/`) ? raw.url.pathname.slice(prefix.length) : raw.url.pathname;
    const kept: Record<string, string> = {};
    for (const [name, v] of Object.entries(raw.headers)) if (KEPT_HEADER.test(name.toLowerCase())) kept[name.toLowerCase()] = v;
    const headers = core.headers(kept);
    // A `link` header names the next page's URL, with the query's secrets (`?api_key=`) and the real host.
    if (headers.link !== undefined) headers.link = headers.link.replace(/<([^>]*)>/g, (_, url: string) => `<${core.url(url)}>`);
    let body: unknown = raw.body;
    if (raw.body.length > 0) {
      try {
        body = JSON.parse(raw.body) as unknown;
      } catch {
        body = raw.body;
      }
    }
    return {
      method: raw.method,
      path: core.text(path),
      query: query(raw.url),
      status: raw.status,
      headers,
      body: typeof body === 'string' ? core.text(body) : value(body),
    };
  };

  return { value, text: (s) => core.text(s), exchange };
}
