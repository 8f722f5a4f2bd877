import type * as z from '@cf/core/zod';
import {
  BaseConnector,
  bearerAuth,
  MemoryResponseCache,
  RateLimiter,
  systemClock,
  withUserOptions,
  type AuthProvider,
  type CallOptions,
  type CoreOptions,
  type HttpClient,
  type HttpClientOptions,
  type RateLimitStore,
  type Stream,
} from '@cf/core';
import { githubAppAuth } from './auth/app-auth.js';
import { DEFAULT_BASE_URL, githubConfigSchema, type GitHubConfig, type GitHubConfigParsed } from './config.js';
import type { GitHubContext } from './context.js';
import { mapGitHubError } from './errors.js';
import {
  adoptReportedLimits,
  buildLimiters,
  CORE_PER_HOUR,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  isGitHubRateLimited,
  observeGitHubQuota,
  SEARCH_PER_MINUTE,
  type GitHubLimiters,
} from './limits.js';
import { CommitsApi } from './resources/commits.js';
import { IssuesApi } from './resources/issues.js';
import { PullsApi } from './resources/pulls.js';
import { RateLimitApi } from './resources/rate-limit.js';
import { ReleasesApi } from './resources/releases.js';
import { RepositoriesApi } from './resources/repositories.js';
import { SearchApi } from './resources/search.js';
import { githubStreams } from './streams.js';
import { API_VERSION, USER_AGENT } from './version.js';

/**
 * Conditional requests need the answers kept: at most 256 of them and 32 MB of bodies by default (a sync reads
 * hundreds of large pages; the cache must not hold them all).
 */
const CACHE_ENTRIES = 256;
const CACHE_BYTES = 32 * 1024 * 1024;
/** The retry budget's floor (core's default): a longer rate-limit wait raises it to fit. */
const RETRY_BUDGET_MS = 120_000;

class LiveContext implements GitHubContext {
  constructor(
    private readonly client: () => HttpClient,
    private readonly limiter: () => RateLimiter | false,
  ) {}
  get http(): HttpClient {
    return this.client();
  }
  get searchLimiter(): RateLimiter | false {
    return this.limiter();
  }
}

/**
 * A typed GitHub REST client on `@cf/core`: lists stream one page at a time through GitHub's `Link` headers, every
 * GET is conditional (a 304 costs no quota), the `core` and `search` quotas are paced apart from GitHub's
 * `x-ratelimit-*` headers, a 403 or 429 rate limit pauses every queued call until the reset, and issues and
 * commits read incrementally from exact checkpoints.
 *
 * ```ts
 * const github = new GitHubConnector({ token: process.env.GITHUB_TOKEN! });
 * for await (const issue of github.issues.list('octocat', 'Hello-World', { state: 'all' })) console.log(issue.number, issue.title);
 * ```
 */
export class GitHubConnector extends BaseConnector<GitHubConfigParsed> {
  readonly name = 'github';
  /** Repositories: get one, list a user's or an organisation's. */
  readonly repositories: RepositoriesApi;
  /** Issues: get, list, changedSince, create, update, and their comments (`issues.comments`). */
  readonly issues: IssuesApi;
  /** Pull requests: get, list, and their files and reviews. */
  readonly pulls: PullsApi;
  /** Commits: list, and changedSince for incremental reads. */
  readonly commits: CommitsApi;
  /** Releases: list, and the latest one. */
  readonly releases: ReleasesApi;
  /** Search: issues and repositories, and past GitHub's 1,000-result cap by splitting date ranges. */
  readonly search: SearchApi;
  /** `GET /rate_limit`: the token's quotas (does not count against them). */
  readonly rateLimit: RateLimitApi;
  // True private fields (#): a walk of the instance finds resources only, never the credentials or the limiters.
  #limiters: GitHubLimiters | undefined;
  #auth: AuthProvider | undefined;
  #cache: MemoryResponseCache | undefined;
  readonly #ctx: GitHubContext;

  constructor(config: GitHubConfig) {
    super();
    this.initialize(config);
    this.#ctx = new LiveContext(
      () => this.http,
      () => this.#limiters?.search ?? false,
    );
    const ctx = this.#ctx;
    this.repositories = new RepositoriesApi(ctx);
    this.issues = new IssuesApi(ctx);
    this.pulls = new PullsApi(ctx);
    this.commits = new CommitsApi(ctx);
    this.releases = new ReleasesApi(ctx);
    this.search = new SearchApi(ctx);
    this.rateLimit = new RateLimitApi(ctx);
  }

  /**
   * The streams `sync()` (in `@cf/load`) and `cf sync github` land in tables (`metadata.streams`): issues and
   * commits incrementally, pull requests, releases and repositories in full.
   */
  override streams(): Stream[] {
    return githubStreams(this.#ctx);
  }

  /** `GET /rate_limit`: proves the credentials and reachability without spending primary quota. */
  override async ping(call: CallOptions = {}): Promise<void> {
    await this.rateLimit.get(call);
  }

  protected configSchema(): z.ZodType<GitHubConfigParsed> {
    return githubConfigSchema;
  }

  protected httpOptions(config: GitHubConfigParsed): HttpClientOptions {
    const { token, app, apiVersion, limits, maxRateLimitWaitMs, rateLimit, store, retry, cache, headers, ...rest } = config;
    const user = rest as CoreOptions;
    const clock = user.clock ?? systemClock;
    const baseUrl = user.baseUrl ?? DEFAULT_BASE_URL;
    const version = apiVersion ?? API_VERSION;
    const limiters = buildLimiters(
      { core: limits?.core ?? CORE_PER_HOUR, search: limits?.search ?? SEARCH_PER_MINUTE },
      rateLimit as CoreOptions['rateLimit'],
      { clock, store: store as RateLimitStore | undefined, key: limits?.key ?? 'github' },
    );
    this.#limiters = limiters;
    // Limiters the connector built follow the quota GitHub reports, in their messages too; a user's own instance is left alone.
    const own = limiters ? [...(rateLimit instanceof RateLimiter ? [] : [limiters.core]), limiters.search] : [];
    this.#auth ??= app
      ? githubAppAuth({
          appId: app.appId,
          privateKey: app.privateKey,
          installationId: app.installationId,
          baseUrl,
          apiVersion: version,
          userAgent: user.userAgent ? `${user.userAgent} ${USER_AGENT}` : USER_AGENT,
          clock,
          ...(app.refreshSkewMs !== undefined ? { refreshSkewMs: app.refreshSkewMs } : {}),
          ...(user.timeoutMs !== undefined ? { timeoutMs: user.timeoutMs } : {}),
        })
      : bearerAuth(token ?? '');
    // One cache per connector, kept across disconnect() + connect() (the ETags stay good).
    this.#cache ??= new MemoryResponseCache(CACHE_ENTRIES, CACHE_BYTES);
    const wait = maxRateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    const userRetry = retry as CoreOptions['retry'];
    return withUserOptions(
      {
        baseUrl: DEFAULT_BASE_URL,
        source: 'github',
        userAgent: USER_AGENT,
        // The user's headers add to GitHub's media type and API version (or replace them, named the same).
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': version, ...headers },
        auth: this.#auth,
        rateLimit: limiters?.core ?? false,
        retry: userRetry === false ? false : { maxRetryAfterMs: wait, budgetMs: Math.max(RETRY_BUDGET_MS, wait + 60_000), ...userRetry },
        cache: (cache as CoreOptions['cache']) ?? this.#cache,
        retryAfterHeaders: ['x-ratelimit-reset'],
        isRateLimited: isGitHubRateLimited,
        mapError: mapGitHubError,
        observeQuota: (ctx) => {
          const observations = observeGitHubQuota(ctx);
          adoptReportedLimits(own, observations);
          return observations;
        },
      },
      user,
    );
  }
}
