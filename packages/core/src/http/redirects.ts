import { InvalidRequestError } from '../errors/error-classes.js';
import type { TransportResponse } from './transport.js';

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: URL;
  method: string;
  body: string | undefined;
}

/**
 * The next hop of a redirect, or undefined when the response is not one. At most `maxRedirects`; another origin
 * is followed without credentials (the caller strips them) or refused; 303 (and 301/302 after a POST) become GET.
 */
export function nextHop(
  hop: Hop,
  response: TransportResponse,
  redirects: number,
  options: { apiOrigin: string; maxRedirects: number; foreignRedirects: 'strip-credentials' | 'refuse' },
): Hop | undefined {
  const location = response.headers.location;
  if (!REDIRECT_STATUSES.has(response.status) || location === undefined) return undefined;
  if (redirects >= options.maxRedirects) {
    throw new InvalidRequestError({ message: `More than ${options.maxRedirects} redirects.`, status: response.status });
  }
  let next: URL;
  try {
    next = new URL(location, hop.url);
  } catch (cause) {
    throw new InvalidRequestError({ message: 'The API redirected to an invalid URL.', status: response.status, cause });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new InvalidRequestError({ message: `The API redirected to a ${next.protocol} URL; not followed.`, status: response.status });
  }
  if (next.origin !== options.apiOrigin && options.foreignRedirects === 'refuse') {
    throw new InvalidRequestError({
      message: `The API redirected to another origin (${next.origin}); not followed so credentials stay with ${options.apiOrigin}.`,
      status: response.status,
    });
  }
  const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && hop.method === 'POST');
  return { url: next, method: toGet ? 'GET' : hop.method, body: toGet ? undefined : hop.body };
}
