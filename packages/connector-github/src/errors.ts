import * as z from '@cf/core/zod';
import {
  AuthError,
  isConnectorError,
  NotFoundError,
  RateLimitError,
  ValidationError,
  type ConnectorError,
  type ErrorContext,
  type ErrorDetails,
} from '@cf/core';
import { isSecondaryRateLimit, SECONDARY_DEFAULT_WAIT_MS } from './limits.js';

/**
 * GitHub's error body: `message` and `documentation_url`; a 422 adds `errors`, each
 * `{ resource, field, code }` (codes `missing`, `missing_field`, `invalid`, `already_exists`, `unprocessable`)
 * or `{ code: 'custom', message }`. https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
export const githubErrorBodySchema = z.lazySchema(() =>
  z.looseObject({
    message: z.optional(z.string()),
    documentation_url: z.optional(z.string()),
    status: z.optional(z.union([z.string(), z.number()])),
    errors: z.optional(
      z.array(
        z.union([
          z.looseObject({
            resource: z.optional(z.string()),
            field: z.optional(z.string()),
            code: z.optional(z.string()),
            message: z.optional(z.string()),
          }),
          z.string(),
        ]),
      ),
    ),
  }),
);
/**
 * GitHub's error body: `message`, `documentation_url`, `status`, and `errors` (field errors or strings), as
 * `githubErrorBodySchema` parses it.
 */
export type GitHubErrorBody = z.infer<typeof githubErrorBodySchema>;
type FieldError = Exclude<NonNullable<GitHubErrorBody['errors']>[number], string>;

const SOURCE = 'github';

/** Maps GitHub's error answers into core's codes, with the message, `documentation_url` and `x-github-request-id` kept. */
export function mapGitHubError(ctx: ErrorContext): ConnectorError | undefined {
  const parsed = githubErrorBodySchema.safeParse(ctx.body);
  const body = parsed.success ? parsed.data : undefined;
  const apiRequestId = ctx.headers['x-github-request-id'];
  const details: ErrorDetails = {
    ...(apiRequestId ? { apiRequestId } : {}),
    ...(body?.documentation_url ? { documentationUrl: body.documentation_url } : {}),
    ...(body?.errors ? { errors: body.errors } : {}),
  };
  const apiMessage = body?.message?.trim();
  const says = apiMessage ? ` GitHub says: "${apiMessage}".` : '';
  const common = { status: ctx.status, body: ctx.body, source: SOURCE };

  if (ctx.rateLimited) return rateLimitError(ctx, details, says);
  switch (ctx.status) {
    case 401:
      return new AuthError({
        ...common,
        details,
        message:
          `GitHub rejected the credentials (401).${says} The token is wrong, expired or revoked: create a new personal access token ` +
          '(Settings → Developer settings), or for an app check the App ID, the private key and the installation id.',
      });
    case 403:
      return forbidden(ctx, details, says);
    case 404:
      return new NotFoundError({
        ...common,
        details,
        message:
          `Not found (404).${says} Check the owner, repository and number; GitHub also answers 404 for a private repository the ` +
          'token cannot see (a classic token needs the repo scope; a fine-grained one must have the repository selected).',
      });
    case 410:
      return new NotFoundError({
        ...common,
        details,
        message: `Gone (410).${says} The resource was deleted or moved for good (issues disabled on the repository, an issue deleted or transferred).`,
      });
    case 422:
      return unprocessable(ctx, body, details, says);
    default:
      break;
  }
  ctx.defaultError.details = { ...ctx.defaultError.details, ...details };
  return ctx.defaultError;
}

/** A 403 that is no rate limit: the token lacks a permission or scope, or needs SSO authorization. */
function forbidden(ctx: ErrorContext, details: ErrorDetails, says: string): ConnectorError {
  const accepted = ctx.headers['x-accepted-github-permissions'];
  const scopes = ctx.headers['x-oauth-scopes'];
  const neededScopes = ctx.headers['x-accepted-oauth-scopes'];
  const sso = ctx.headers['x-github-sso'];
  const hints: string[] = [];
  if (sso) hints.push(`Authorize the token for the organization's SAML single sign-on (${sso.replace(/^required;\s*url=/, '')}).`);
  if (accepted) hints.push(`A fine-grained token or app needs the permission ${accepted}.`);
  if (neededScopes) hints.push(`A classic token needs one of the scopes "${neededScopes}"${scopes !== undefined ? ` (it has "${scopes}")` : ''}.`);
  if (hints.length === 0) hints.push('Check that the token has the permission (fine-grained: the repository selected, with the right access) or scope (classic) this call needs.');
  return new AuthError({
    status: 403,
    body: ctx.body,
    source: SOURCE,
    details: {
      ...details,
      ...(accepted ? { acceptedPermissions: accepted } : {}),
      ...(neededScopes ? { acceptedScopes: neededScopes } : {}),
      ...(scopes !== undefined ? { tokenScopes: scopes } : {}),
    },
    message: `GitHub refused this call (403): not a rate limit, a permission problem.${says} ${hints.join(' ')} Not retried.`,
  });
}

/** 422: the request was understood and refused; `errors[]` names each field (VALIDATION_ERROR, never retried). */
function unprocessable(ctx: ErrorContext, body: GitHubErrorBody | undefined, details: ErrorDetails, says: string): ConnectorError {
  const fields = (body?.errors ?? []).map((e): FieldError => (typeof e === 'string' ? { message: e } : e));
  const issues = fields.map((e) => ({
    path: e.field ?? e.resource ?? '',
    message: [e.code, e.message].filter(Boolean).join(': ') + (e.resource ? ` (${e.resource})` : ''),
  }));
  const searchCap = /first 1000 search results/i.test(body?.message ?? '');
  const advice = searchCap ? ' Search returns at most 1,000 results per query: use search.allIssues / search.allRepositories, which split the query by date.' : '';
  return new ValidationError({
    status: 422,
    body: ctx.body,
    source: SOURCE,
    retryable: false,
    issues,
    details,
    message: `GitHub refused the request as invalid (422).${says}${issues.length > 0 ? ` ${issues.map((i) => `${i.path || '(request)'}: ${i.message}`).join('; ')}.` : ''}${advice}`,
  });
}

function rateLimitError(ctx: ErrorContext, details: ErrorDetails, says: string): ConnectorError {
  const resource = ctx.headers['x-ratelimit-resource'] ?? 'core';
  const limit = ctx.headers['x-ratelimit-limit'];
  const reset = Number(ctx.headers['x-ratelimit-reset']);
  const resetsAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : undefined;
  const quota = { resource, ...(limit ? { limit: Number(limit) } : {}), ...(resetsAt ? { resetsAt } : {}) };
  if (isSecondaryRateLimit(ctx)) {
    // Retry-After when given; else the reset if the primary quota is gone too; else at least a minute (GitHub's advice).
    const exhausted = ctx.headers['x-ratelimit-remaining'] === '0';
    const retryAfterMs = ctx.headers['retry-after'] !== undefined || exhausted ? (ctx.retryAfterMs ?? SECONDARY_DEFAULT_WAIT_MS) : SECONDARY_DEFAULT_WAIT_MS;
    return new RateLimitError({
      status: ctx.status,
      body: ctx.body,
      source: SOURCE,
      retryable: true,
      retryAfterMs,
      details: { ...details, ...quota, limitKind: 'secondary' },
      message:
        `GitHub's secondary rate limit was hit (${ctx.status}).${says} Calls on this client pause ${Math.ceil(retryAfterMs / 1000)} s, then retry; ` +
        'if it persists, send fewer requests at once (concurrency.maxInFlight) and fewer writes per minute.',
    });
  }
  if (ctx.headers['x-ratelimit-remaining'] === '0') {
    return new RateLimitError({
      status: ctx.status,
      body: ctx.body,
      source: SOURCE,
      retryable: true,
      ...(ctx.retryAfterMs !== undefined ? { retryAfterMs: ctx.retryAfterMs } : {}),
      details: { ...details, ...quota, limitKind: 'primary' },
      message:
        `GitHub's primary rate limit for "${resource}"${limit ? ` (${limit} requests per ${resource === 'search' ? 'minute' : 'hour'})` : ''} is used up (${ctx.status})` +
        `${resetsAt ? `; it resets at ${resetsAt}` : ''}.${says} Calls wait for the reset up to maxRateLimitWaitMs, then fail with RATE_LIMIT.`,
    });
  }
  ctx.defaultError.details = { ...ctx.defaultError.details, ...details };
  return ctx.defaultError;
}

/**
 * Tells the caller how to go on when a create may have been applied. Core decides that (`error.writeOutcome`,
 * `retryable: false`) and never repeats such a request; this adds the advice. GitHub has no idempotency key.
 */
export function explainUnsafeWrite(error: unknown, what: string, check: string): unknown {
  if (!isConnectorError(error) || error.writeOutcome !== 'may-have-applied' || error.details.unsafeWriteExplained) return error;
  error.message +=
    ` It was not retried: GitHub has no idempotency key and may have created the ${what} already. ${check} before creating it again.`;
  error.details.unsafeWriteExplained = true;
  return error;
}
