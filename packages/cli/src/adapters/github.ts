import { GitHubConnector, metadata, type CommitsCheckpoint, type GitHubConfig, type IssuesCheckpoint } from '@cf/connector-github';
import { conformanceSubject, createGitHubMock, defaultRepositories } from '@cf/connector-github/mocks';
import { defineAdapter, fromPages, type ExtractArgs, type ExtractResource } from './adapter.js';

const repoParams = { owner: "the repository's owner (user or organization login)", repo: 'the repository name' };

/** `--since 2024-05-01` means midnight UTC; a checkpoint from --state wins. */
function start<C>(checkpoint: unknown, since: string | undefined): C | string | null {
  if (checkpoint !== undefined) return checkpoint as C;
  if (since === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since;
}

const repoOf = (params: ExtractArgs['params']) => [params.owner ?? '', params.repo ?? ''] as const;

/** A list read in full through GitHub's Link pages; a saved checkpoint (the next page's URL) resumes it. */
const full = (description: string, list: (g: GitHubConnector, args: ExtractArgs) => AsyncIterable<{ items: unknown[]; checkpoint: string | null; hasMore: boolean }>): ExtractResource<GitHubConnector> => ({
  description,
  params: repoParams,
  pages: (github, args) => fromPages(list(github, args)),
});

/**
 * A sandbox GitHub: octo-org/hello-world with 1,500 issues (a fifth of them pull requests, runs of them sharing one
 * updated_at), 600 commits and 12 releases, and GitHub's default quotas (5,000 an hour, search 30 a minute).
 */
const sandbox = createGitHubMock({ repositories: defaultRepositories({ issues: 1_500, commits: 600, releases: 12 }) });

/** GitHub: a token from GITHUB_TOKEN (or `app` in --config); issues and commits extract incrementally. */
export const github = defineAdapter({
  metadata,
  env: [{ name: 'GITHUB_TOKEN', field: 'token', required: true }],
  hasCredentials: (config) => config.token !== undefined || config.app !== undefined,
  create: (config) => new GitHubConnector(config as unknown as GitHubConfig),
  sandbox: { handlers: sandbox.handlers, pathPrefix: '', config: { token: 'ghp_sandbox0000000000000000000000000000' } },
  resources: {
    issues: {
      description: 'Issues and pull requests of a repository updated since the checkpoint, oldest change first (GET /repos/{owner}/{repo}/issues?since=…); reruns pick up later changes.',
      since: 'updated at or after: YYYY-MM-DD or an ISO 8601 date-time (default: everything)',
      params: { ...repoParams, labels: 'comma-separated label names (optional)' },
      pages: (g, { checkpoint, since, params, signal }) =>
        fromPages(
          g.issues
            .changedSince(...repoOf(params), start<IssuesCheckpoint>(checkpoint, since), params.labels ? { labels: params.labels.split(',').map((l) => l.trim()) } : {}, { signal })
            .pages(),
        ),
    },
    commits: {
      description: 'Commits of a branch committed since the checkpoint (GET /repos/{owner}/{repo}/commits?since=…); reruns pick up later commits.',
      since: 'committed at or after: YYYY-MM-DD or an ISO 8601 date-time (default: everything)',
      params: { ...repoParams, branch: 'a branch, tag or SHA (optional; default: the default branch)' },
      pages: (g, { checkpoint, since, params, signal }) =>
        fromPages(g.commits.changedSince(...repoOf(params), start<CommitsCheckpoint>(checkpoint, since), params.branch ? { sha: params.branch } : {}, { signal }).pages()),
    },
    pulls: full('Every pull request of a repository, oldest first (GET /repos/{owner}/{repo}/pulls?state=all).', (g, { checkpoint, params, signal }) =>
      g.pulls.list(...repoOf(params), { state: 'all', sort: 'created', direction: 'asc', ...(typeof checkpoint === 'string' ? { start: checkpoint } : {}) }, { signal }).pages(),
    ),
    releases: full('Releases of a repository, newest first (GET /repos/{owner}/{repo}/releases).', (g, { checkpoint, params, signal }) =>
      g.releases.list(...repoOf(params), typeof checkpoint === 'string' ? { start: checkpoint } : {}, { signal }).pages(),
    ),
  },
  // The package's own subject (its test/conformance.test.ts runs the same one): every declared operation.
  conformance: conformanceSubject,
});
