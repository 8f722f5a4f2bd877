import type { RequestHandler } from 'msw';
import { defaultAccounts, defaultRepositories } from './fixtures.js';
import { appHandlers } from './handlers/app.js';
import { commitHandlers } from './handlers/commits.js';
import { issueHandlers } from './handlers/issues.js';
import { pullHandlers } from './handlers/pulls.js';
import { rateLimitHandlers } from './handlers/rate-limit.js';
import { releaseHandlers } from './handlers/releases.js';
import { repositoryHandlers } from './handlers/repositories.js';
import { searchHandlers } from './handlers/search.js';
import { MockGitHub, type GitHubMockOptions } from './state.js';

/** What `createGitHubMock` returns: the handlers, and the state behind them. */
export interface GitHubMock {
  /** MSW handlers for every endpoint the connector calls; serve them with `startMockServer` or MSW's `setupServer`. */
  handlers: RequestHandler[];
  /** The state behind them: repositories, quotas (`github.quota`), issued tokens, for tests to inspect and change. */
  github: MockGitHub;
}

/**
 * A mock GitHub as MSW handlers, faithful where a client can go wrong: `Link` headers in GitHub's
 * `/repositories/{id}/…` form, `per_page` clamped to 100, the primary rate limit per token and resource (403 or
 * 429 with `x-ratelimit-remaining: 0`, `x-ratelimit-*` on every answer), secondary limits with `retry-after`,
 * ETags and 304s (not counted), GitHub's 401/404/410/422 bodies, search's 1,000-result cap and
 * `incomplete_results`, malformed names refused. Each call has its own state. Handlers match any host (`*`/…).
 *
 * ```ts
 * const mock = createGitHubMock({ rateLimit: { core: 60 }, clock });
 * const server = await startMockServer(mock.handlers);
 * ```
 */
export function createGitHubMock(options: GitHubMockOptions = {}): GitHubMock {
  const github = new MockGitHub({ accounts: defaultAccounts(), repositories: defaultRepositories(), ...options });
  // Specific paths first: MSW uses the first handler that matches.
  const handlers: RequestHandler[] = [
    ...appHandlers(github),
    ...rateLimitHandlers(github),
    ...searchHandlers(github),
    ...issueHandlers(github),
    ...pullHandlers(github),
    ...commitHandlers(github),
    ...releaseHandlers(github),
    ...repositoryHandlers(github),
  ];
  return { handlers, github };
}
