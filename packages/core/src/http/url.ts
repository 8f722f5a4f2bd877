import { ValidationError } from '../errors/error-classes.js';

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;
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
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
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
  });
}

/** Joins base + path (keeping the base's prefix) and appends query values (arrays as repeated keys). */
export function buildUrl(base: URL, path: string, query: QueryParams = {}): URL {
  const url = new URL(base.href);
  if (path !== '') url.pathname = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  appendQuery(url.searchParams, query);
  return url;
}

export function appendQuery(params: URLSearchParams, query: QueryParams): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
}
