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

export const REDACTED = '[REDACTED]';

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

export function createRedactor(options: {
  headers?: readonly string[];
  params?: readonly string[];
  secrets?: readonly string[];
} = {}): Redactor {
  const headerNames = new Set([...DEFAULT_SECRET_HEADERS, ...(options.headers ?? [])].map((h) => h.toLowerCase()));
  const paramNames = new Set([...DEFAULT_SECRET_PARAMS, ...(options.params ?? [])].map((p) => p.toLowerCase()));
  const secrets = new Set<string>();
  const addSecret = (value: string): void => {
    // Very short values would redact innocent text; real secrets are longer.
    if (value.length >= 6) secrets.add(value);
  };
  for (const s of options.secrets ?? []) addSecret(s);

  const text = (value: string): string => {
    let out = value;
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    }
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
