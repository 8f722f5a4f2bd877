import type { HeaderMap } from './headers.js';

/**
 * Headers that carry no credentials and no user data: the only ones sent to an origin other than the API's
 * (a redirect, an absolute pagination link, a download host). Default headers, per-call headers, hook-added
 * headers, auth and default query parameters go to the API's origin only.
 */
export const PROTOCOL_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'content-type',
  'idempotency-key',
  'if-none-match',
]);

/** The headers for one hop: all of them to the API's origin; elsewhere only protocol headers and the correlation id. */
export function headersForOrigin(headers: HeaderMap, sameOrigin: boolean, requestIdHeader: string | false): HeaderMap {
  if (sameOrigin) return { ...headers };
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (PROTOCOL_HEADERS.has(name) || name === requestIdHeader) out[name] = value;
  }
  return out;
}

/** Lower-cases header names (callers pass any case; the wire and hooks see one spelling). */
export function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}
