import * as z from '@cf/core/zod';
import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import { MAX_RATE_LIMIT_WAIT_MS } from './limits.js';

/** GitHub's REST API; GitHub Enterprise Server answers at `https://<host>/api/v3`. */
export const DEFAULT_BASE_URL = 'https://api.github.com';

const appSchema = z.lazySchema(() =>
  z.strictObject({
    appId: z.union([z.int().check(z.positive()), z.string().check(z.regex(/^(\d+|Iv[0-9A-Za-z.]{4,40})$/, 'must be the numeric App ID or the client ID (Iv1.…/Iv23…)'))]),
    privateKey: z.string().check(z.regex(/-----BEGIN (RSA )?PRIVATE KEY-----/, 'must be the PEM private key GitHub generated for the app (-----BEGIN RSA PRIVATE KEY-----)')),
    installationId: z.union([z.int().check(z.positive()), z.string().check(z.regex(/^\d+$/, 'must be the numeric installation id'))]),
    refreshSkewMs: z.optional(z.int().check(z.nonnegative(), z.lte(1_800_000))),
  }),
);

const limitsSchema = z.lazySchema(() =>
  z.strictObject({
    core: z.optional(z.int().check(z.positive(), z.lte(1_000_000))),
    search: z.optional(z.int().check(z.positive(), z.lte(10_000))),
    key: z.optional(z.string().check(z.minLength(1))),
  }),
);

/**
 * The zod schema `new GitHubConnector(config)` validates its config with: core's options plus `token` or `app`
 * (exactly one), `apiVersion`, `limits` and `maxRateLimitWaitMs`. A failed check throws `ValidationError`
 * (VALIDATION_ERROR) before any request.
 */
export const githubConfigSchema = z.lazySchema(() =>
  z
    .extend(coreOptionsSchema, {
      token: z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.regex(/^\S+$/, 'must be the token alone, without "Bearer " or spaces'))),
      app: z.optional(appSchema),
      apiVersion: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a REST API version date such as 2022-11-28'))),
      limits: z.optional(limitsSchema),
      maxRateLimitWaitMs: z.optional(z.int().check(z.nonnegative(), z.lte(MAX_RATE_LIMIT_WAIT_MS))),
    })
    .check(
      z.superRefine((c, ctx) => {
        if ((c.token === undefined) === (c.app === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['token'], message: 'pass exactly one of token (a personal access token) or app { appId, privateKey, installationId }' });
        }
      }),
    ),
);

export type GitHubConfigParsed = z.output<typeof githubConfigSchema>;

/** A GitHub App acting as one installation: the connector signs a JWT with the key and exchanges it for installation tokens. */
export interface GitHubAppCredentials {
  /** The App ID (a number) or its client ID (`Iv23…`): the JWT's `iss`. */
  appId: number | string;
  /** The PEM private key GitHub generated for the app (PKCS#1 `BEGIN RSA PRIVATE KEY`, or PKCS#8). */
  privateKey: string;
  /** The installation to act as (from the installation's settings URL, or `GET /app/installations`). */
  installationId: number | string;
  /** Fetch a new installation token this long before the current one's `expires_at`. @default 300000 (5 minutes) */
  refreshSkewMs?: number;
}

/** Overrides of the quotas the limiters start from; GitHub's `x-ratelimit-*` headers correct them at run time. */
export interface GitHubLimitOptions {
  /** Requests per hour for everything but search. @default 5000 (a token or an app installation; Enterprise Cloud: 15,000) */
  core?: number;
  /** Search requests per minute. @default 30 */
  search?: number;
  /** Rate-limit store key; set one per token when several clients share a store. @default 'github' */
  key?: string;
}

interface CommonConfig extends CoreOptions {
  /** Sent as `X-GitHub-Api-Version`. @default '2022-11-28' */
  apiVersion?: string;
  limits?: GitHubLimitOptions;
  /**
   * The longest a call waits for a rate limit to reset (the primary limit resets up to an hour after the window
   * opened): past it, the call fails at once with RATE_LIMIT and the reset time. Raise it (up to an hour) for
   * unattended syncs that should wait instead. Sets core's `retry.maxRetryAfterMs` and the retry budget.
   * @default 60000
   */
  maxRateLimitWaitMs?: number;
}

/** `{ token }` (a classic or fine-grained personal access token, or any installation/OAuth token), or `{ app }`. */
export type GitHubConfig = CommonConfig &
  (
    | {
        /** A personal access token (classic or fine-grained), or an installation or OAuth token: a bearer token. */
        token: string;
        /** Not with `token`: pass one or the other. */
        app?: never;
      }
    | {
        /** A GitHub App's id, private key and installation: installation tokens are fetched and refreshed. */
        app: GitHubAppCredentials;
        /** Not with `app`: pass one or the other. */
        token?: never;
      }
  );
