import { ValidationError } from '../errors/error-classes.js';

/** A query parameter's value: a scalar, an array (the parameter repeated), or null/undefined (left out). */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;
/** Query parameters by name. */
export type QueryParams = Record<string, QueryValue>;

/** Normalizes a base URL: keeps its path prefix (`/data/2.5`), drops a trailing slash. */
export function normalizeBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new ValidationError({ message: `baseUrl "${baseUrl}" is not an absolute URL.`, cause, issues: [{ path: 'baseUrl', message: 'must be an absolute http(s) URL' }] });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError({ message: `baseUrl must use http or https, got ${url.protocol}`, issues: [{ path: 'baseUrl', message: 'must be http(s)' }] });
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * Fills `{name}` placeholders with encodeURIComponent-ed values. A missing or empty parameter is a
 * VALIDATION_ERROR, never a request to a wrong path. So is `.` or `..`: encodeURIComponent leaves dots alone
 * and the URL parser resolves such a segment, so `/contacts/{id}` with id `..` would reach the parent path.
 */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) out += pathValue(parts[i] as string, params) + (parts[i + 1] as string);
  return out;
}

/** A template split once into literals and names (`['/a/', 'id', '/b']`); templates are few, calls many. */
const TEMPLATES = new Map<string, readonly string[]>();
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/;

function templateParts(template: string): readonly string[] {
  let parts = TEMPLATES.get(template);
  if (!parts) {
    parts = template.split(new RegExp(PLACEHOLDER.source, 'g'));
    if (TEMPLATES.size >= 1_000) TEMPLATES.clear();
    TEMPLATES.set(template, parts);
  }
  return parts;
}

function pathValue(name: string, params: Record<string, string | number>): string {
  const value = params[name];
  if (value === undefined || value === null || String(value) === '') {
    throw new ValidationError({ message: `Path parameter "${name}" is required.`, issues: [{ path: name, message: 'required' }] });
  }
  const text = String(value);
  if (text === '.' || text === '..') {
    throw new ValidationError({
      message: `Path parameter "${name}" must not be "." or "..": the URL would resolve to another path. The call was not sent.`,
      issues: [{ path: name, message: 'must not be "." or ".."' }],
    });
  }
  return encodeURIComponent(text);
}

/** Joins base + path (keeping the base's prefix) and appends query values (arrays as repeated keys). */
export function buildUrl(base: URL, path: string, query: QueryParams = {}): URL {
  // One parse of the whole string: URL's setters re-serialize the URL at each assignment. A path with `?` or `#`
  // goes through the pathname setter, which encodes them (a parse would read a query or a fragment).
  if (path === '' || path.includes('?') || path.includes('#')) {
    const url = new URL(base.href);
    if (path !== '') url.pathname = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
    appendQuery(url.searchParams, query);
    return url;
  }
  const prefix = base.href.endsWith('/') ? base.href.slice(0, -1) : base.href;
  let href = `${prefix}/${path.replace(/^\/+/, '')}`;
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const search = new URLSearchParams();
    appendQuery(search, query);
    href += `?${search.toString()}`;
    break;
  }
  return new URL(href);
}

/**
 * Appends query parameters to `params`: null and undefined values are left out, arrays repeat the parameter, other
 * values are stringified.
 */
export function appendQuery(params: URLSearchParams, query: QueryParams): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
}
