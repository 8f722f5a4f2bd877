import { HttpResponse } from 'msw';

/** GitHub's documentation links, as its error bodies carry them. */
export const DOCS = {
  rest: 'https://docs.github.com/rest',
  rateLimits: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  secondary: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  search: 'https://docs.github.com/v3/search/',
  createIssue: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  updateIssue: 'https://docs.github.com/rest/issues/issues#update-an-issue',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  installationToken: 'https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app',
} as const;

/** A JSON answer as GitHub sends it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body as never, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** `{ message, documentation_url, status }`: every GitHub error body. */
export function errorBody(status: number, message: string, documentationUrl: string = DOCS.rest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { message, ...extra, documentation_url: documentationUrl, status: String(status) };
}

export const notFound = (): Response => json(errorBody(404, 'Not Found'), 404);
export const badCredentials = (): Response => json(errorBody(401, 'Bad credentials'), 401);
export const requiresAuthentication = (): Response => json(errorBody(401, 'Requires authentication'), 401);
export const gone = (message: string): Response => json(errorBody(410, message), 410);

/** One entry of a 422's `errors`: `{ resource, field, code }` (codes missing, missing_field, invalid, already_exists, unprocessable, custom). */
export interface FieldError {
  resource: string;
  field: string;
  code: string;
  message?: string;
}

export function validationFailed(errors: FieldError[], documentationUrl: string = DOCS.rest, message = 'Validation Failed'): Response {
  return json(errorBody(422, message, documentationUrl, errors.length > 0 ? { errors } : {}), 422);
}

export function problemsParsingJson(): Response {
  return json(errorBody(400, 'Problems parsing JSON'), 400);
}

/** FNV-1a, 32 bits, as hex: a short stable digest for weak ETags. */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
