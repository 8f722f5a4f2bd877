import { InvalidRequestError } from '../errors/error-classes.js';
import type { Redactor } from '../http/redact.js';
import { appendQuery, buildUrl, fillPath } from '../http/url.js';
import { isIdempotentMethod } from '../policies/retry-policy.js';
import type { RequestSpec } from './request-types.js';

/** A request as it goes on the wire, built once per operation from its spec. */
export interface PreparedRequest {
  method: string;
  url: URL;
  /** `url.origin`, read once (URL's getter builds a new string each time). */
  origin: string;
  body: string | undefined;
  contentType: string | undefined;
  /** Safe to send twice: an idempotent method, an idempotency key, or declared idempotent (a search). */
  idempotent: boolean;
}

/**
 * Builds the URL (path template filled and encoded, `.`/`..` refused, base prefix kept; or an absolute http(s)
 * URL such as a pagination link) and the body (JSON or form).
 */
export function prepareRequest(spec: RequestSpec, baseUrl: URL, redactor: Redactor, source: string): PreparedRequest {
  const method = (spec.method ?? 'GET').toUpperCase();
  let url: URL;
  if (spec.url !== undefined) {
    try {
      url = new URL(spec.url, baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
    } catch (cause) {
      throw new InvalidRequestError({ message: `Invalid URL "${redactor.url(spec.url)}".`, cause, source });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidRequestError({ message: `Refusing a ${url.protocol} URL: only http(s) is fetched.`, source });
    }
    appendQuery(url.searchParams, spec.query ?? {});
  } else {
    url = buildUrl(baseUrl, fillPath(spec.path ?? '', spec.params), spec.query ?? {});
  }
  let body: string | undefined;
  let contentType: string | undefined;
  if (spec.form !== undefined) {
    body = new URLSearchParams(spec.form).toString();
    contentType = 'application/x-www-form-urlencoded';
  } else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    contentType = 'application/json';
  }
  const idempotent = spec.idempotent ?? (isIdempotentMethod(method) || spec.idempotencyKey !== undefined);
  return { method, url, origin: url.origin, body, contentType, idempotent };
}
