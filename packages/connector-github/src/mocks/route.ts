import { HttpResponse, type HttpResponseResolver } from 'msw';
import type { QuotaResource } from './quota.js';
import { badCredentials, digest, json, problemsParsingJson, requiresAuthentication } from './responses.js';
import type { MockGitHub } from './state.js';

/** What a handler sees: the request, its URL, its path parameters, the token, the JSON body of a write. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  token: string;
  body: unknown;
  mock: MockGitHub;
}

/** A handler's answer: an error `Response` as it is, or a body with its status and an optional `Link`. */
export type Answer = Response | { status?: number; body: unknown; link?: string | undefined; headers?: Record<string, string> };

const BEARER = /^(?:bearer|token)\s+(\S+)$/i;

/**
 * The pipeline every endpoint shares, in GitHub's order: credentials (401), the primary limit (403/429 with
 * `x-ratelimit-remaining: 0`), a queued secondary limit, the handler; then an `ETag` on every 200 GET, a 304
 * (not counted) when `If-None-Match` matches it, and the `x-ratelimit-*` headers and `x-github-request-id` on
 * every answer, errors included. `resource: 'none'` counts against no quota (`GET /rate_limit`).
 */
export function route(mock: MockGitHub, resource: QuotaResource | 'none', handler: (ctx: RouteContext) => Answer | Promise<Answer>): HttpResponseResolver {
  return async ({ request, params }) => {
    const requestId = mock.requestId();
    const base = { 'x-github-request-id': requestId, 'x-github-api-version-selected': '2022-11-28', 'x-github-media-type': 'github.v3; format=json' };
    const match = BEARER.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return withHeaders(requiresAuthentication(), base);
    const token = match[1];
    const accepted = mock.accepts(token);
    if (accepted !== 'ok') return withHeaders(badCredentials(), base);
    const counted: QuotaResource = resource === 'none' ? 'core' : resource;
    const quota = () => mock.quota.headers(token, counted);
    if (resource !== 'none') {
      const refused = mock.quota.refuse(token, resource, requestId) ?? mock.quota.takeSecondary(token, resource, requestId);
      if (refused) return withHeaders(refused, base);
    }
    let body: unknown;
    if (request.method === 'POST' || request.method === 'PATCH') {
      const text = await request.text();
      if (text !== '') {
        try {
          body = JSON.parse(text) as unknown;
        } catch {
          if (resource !== 'none') mock.quota.count(token, resource);
          return withHeaders(problemsParsingJson(), { ...base, ...quota() });
        }
      }
    }
    const url = new URL(request.url);
    if (mock.options.publicOrigin !== undefined) {
      const origin = new URL(mock.options.publicOrigin);
      url.protocol = origin.protocol;
      url.host = origin.host;
    }
    const answer = await handler({ request, url, params: params as Record<string, string>, token, body, mock });
    if (answer instanceof Response) {
      if (resource !== 'none') mock.quota.count(token, resource);
      return withHeaders(answer, { ...base, ...quota() });
    }
    const status = answer.status ?? 200;
    const text = JSON.stringify(answer.body);
    const headers: Record<string, string> = { ...base, ...(answer.link ? { link: answer.link } : {}), ...answer.headers };
    if (request.method === 'GET' && status === 200) {
      const etag = `W/"${digest(`${text}\u0000${answer.link ?? ''}`)}"`;
      const conditional = request.headers.get('if-none-match');
      const common = { ...headers, etag, 'cache-control': 'private, max-age=60, s-maxage=60', vary: 'Accept, Authorization, Cookie, X-GitHub-OTP,Accept-Encoding, Accept, X-Requested-With' };
      if (conditional !== null && conditional.split(',').some((tag) => tag.trim() === etag)) {
        // GitHub: a 304 does not count against the primary rate limit.
        mock.quota.stats.notModified += 1;
        return new HttpResponse(null, { status: 304, headers: { ...common, ...quota() } });
      }
      if (resource !== 'none') mock.quota.count(token, resource);
      return json(answer.body, 200, { ...common, ...quota() });
    }
    if (resource !== 'none') mock.quota.count(token, resource);
    return json(answer.body, status, { ...headers, ...quota() });
  };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** GitHub's page size: `per_page` (default 30) clamped to 100, as GitHub does; a bad value is the default. */
export function pageParams(url: URL): { perPage: number; page: number } {
  const rawPer = Number(url.searchParams.get('per_page') ?? '30');
  const rawPage = Number(url.searchParams.get('page') ?? '1');
  const perPage = Number.isInteger(rawPer) && rawPer >= 1 ? Math.min(rawPer, 100) : 30;
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;
  return { perPage, page };
}

/**
 * One page of `all`, and GitHub's `Link` header: absolute URLs on the request's host and path prefix, in the
 * canonical form GitHub uses (`/repositories/{id}/issues?…&page=2`), with `next`, `last`, `first` and `prev`.
 */
export function pageOf<T>(url: URL, all: readonly T[], canonicalPath: string, prefix: string, cap?: number): { items: T[]; link: string | undefined } {
  const { perPage, page } = pageParams(url);
  const total = cap === undefined ? all.length : Math.min(all.length, cap);
  const items = all.slice((page - 1) * perPage, Math.min(page * perPage, total));
  const last = Math.max(1, Math.ceil(total / perPage));
  const at = (n: number): string => {
    const next = new URL(url.href);
    next.pathname = `${prefix}${canonicalPath}`;
    next.searchParams.set('page', String(n));
    return next.href;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${at(page - 1)}>; rel="prev"`);
  if (page < last) rels.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${at(1)}>; rel="first"`);
  return { items, link: rels.length > 0 ? rels.join(', ') : undefined };
}

/** The path before the route's first fixed segment (`/api/v3` on GitHub Enterprise Server, '' on api.github.com). */
export function prefixOf(url: URL, segment: string): string {
  const index = url.pathname.indexOf(segment);
  return index <= 0 ? '' : url.pathname.slice(0, index);
}
