import { defineMetadata, type ConnectorMetadata } from '@cf/core';
import { CORE_PER_HOUR, HOUR_MS, MINUTE_MS, RATE_LIMITS_DOC, SEARCH_LIMITS_DOC, SEARCH_PER_MINUTE } from './limits.js';

type Operation = NonNullable<ConnectorMetadata['operations']>[number];
type StreamDeclaration = NonNullable<ConnectorMetadata['streams']>[number];
const op = (name: string, kind: Operation['kind'], idempotent: boolean, shape: Operation['shape']): Operation => ({ name, kind, idempotent, shape });

/** Every public method, as the conformance kit exercises it. */
const operations: Operation[] = [
  op('repositories.get', 'read', true, 'single'),
  op('repositories.listForUser', 'read', true, 'paginated'),
  op('repositories.listForOrg', 'read', true, 'paginated'),
  op('issues.list', 'read', true, 'paginated'),
  op('issues.get', 'read', true, 'single'),
  op('issues.changedSince', 'read', true, 'paginated'),
  // GitHub takes no idempotency key: a create that may have reached it is never repeated.
  op('issues.create', 'write', false, 'single'),
  // PATCH sets fields to given values: twice is the same as once.
  op('issues.update', 'write', true, 'single'),
  op('issues.comments.list', 'read', true, 'paginated'),
  op('issues.comments.create', 'write', false, 'single'),
  op('pulls.list', 'read', true, 'paginated'),
  op('pulls.get', 'read', true, 'single'),
  op('pulls.listFiles', 'read', true, 'paginated'),
  op('pulls.listReviews', 'read', true, 'paginated'),
  op('commits.list', 'read', true, 'paginated'),
  op('commits.changedSince', 'read', true, 'paginated'),
  op('releases.list', 'read', true, 'paginated'),
  op('releases.getLatest', 'read', true, 'single'),
  op('search.issues', 'read', true, 'paginated'),
  op('search.repositories', 'read', true, 'paginated'),
  op('search.allIssues', 'read', true, 'paginated'),
  op('search.allRepositories', 'read', true, 'paginated'),
  op('rateLimit.get', 'read', true, 'single'),
];

const SEARCH_OPERATIONS = ['search.issues', 'search.repositories', 'search.allIssues', 'search.allRepositories'];
/** `GET /rate_limit` counts against no primary quota. */
const CORE_OPERATIONS = operations.map((o) => o.name).filter((name) => !SEARCH_OPERATIONS.includes(name) && name !== 'rateLimit.get');

/**
 * GitHub's limit model (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api): `core`
 * 5,000 requests an hour per token, `search` 30 a minute, each a window that resets at `x-ratelimit-reset`. The
 * primary limit is answered 403 (or 429) with `x-ratelimit-remaining: 0` and the reset epoch, no Retry-After.
 */
const limitModel = {
  windows: [
    { name: 'core', limit: CORE_PER_HOUR, intervalMs: HOUR_MS, algorithm: 'fixed-window' as const, unit: 'requests' as const, appliesTo: CORE_OPERATIONS },
    { name: 'search', limit: SEARCH_PER_MINUTE, intervalMs: MINUTE_MS, algorithm: 'fixed-window' as const, unit: 'requests' as const, appliesTo: SEARCH_OPERATIONS },
  ],
  rateLimitedAnswer: {
    status: 403,
    headers: { 'x-ratelimit-limit': String(CORE_PER_HOUR), 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(CORE_PER_HOUR), 'x-ratelimit-resource': 'core' },
    body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: RATE_LIMITS_DOC },
    retryAfter: false,
    resetHeader: { name: 'x-ratelimit-reset', unit: 'epoch-seconds' as const },
  },
  quotaHeaders: { remaining: 'x-ratelimit-remaining', limit: 'x-ratelimit-limit', reset: 'x-ratelimit-reset' },
  source: RATE_LIMITS_DOC,
};

const repoParams = {
  owner: { description: "the repository's owner (a user or organization login)", required: true, example: 'octo-org' },
  repo: { description: 'the repository name', required: true, example: 'hello-world' },
};

/**
 * What `cf sync github` and `sync()` land in tables. Issues and commits read incrementally from exact
 * checkpoints; pull requests, releases and repositories in full each sync (GitHub's lists of them take no `since`).
 */
const streams: StreamDeclaration[] = [
  {
    name: 'issues',
    description:
      'Issues of a repository (pull requests left out: they are the pull_requests stream), open and closed, oldest change first; ' +
      'a rerun reads the issues updated since the last one (updated_at, with the ids at that second remembered), with `repository` (owner/repo).',
    primaryKey: ['id'],
    syncMode: 'incremental',
    cursorField: 'updated_at',
    operation: 'issues.changedSince',
    params: repoParams,
  },
  {
    name: 'pull_requests',
    description: 'Every pull request of a repository, open and closed, oldest first, read in full each sync, with `repository` (owner/repo).',
    primaryKey: ['id'],
    syncMode: 'full-refresh',
    operation: 'pulls.list',
    params: repoParams,
  },
  {
    name: 'commits',
    description:
      "Commits of a repository's default branch (or `branch`), read incrementally by commit date; each with `repository` (owner/repo) " +
      'and `committed_at` (the committer date GitHub filters by).',
    primaryKey: ['repository', 'sha'],
    syncMode: 'incremental',
    cursorField: 'committed_at',
    operation: 'commits.changedSince',
    params: { ...repoParams, branch: { description: 'a branch, tag or SHA to list from (default: the default branch)', required: false, example: 'main' } },
  },
  {
    name: 'releases',
    description: 'Releases of a repository (drafts too, for a token with push access), read in full each sync, with `repository` (owner/repo).',
    primaryKey: ['id'],
    syncMode: 'full-refresh',
    operation: 'releases.list',
    params: repoParams,
  },
  {
    name: 'repositories',
    description: "An organization's (or a user's) repositories, read in full each sync.",
    primaryKey: ['id'],
    syncMode: 'full-refresh',
    operation: 'repositories.listForOrg',
    params: {
      owner: { description: 'the organization (or, with ownerType user, the user) login', required: true, example: 'octo-org' },
      ownerType: { description: 'org (default) or user', required: false, example: 'org' },
    },
  },
];

/** The registry record for `@cf/connector-github`. */
export const metadata = defineMetadata({
  name: 'github',
  displayName: 'GitHub',
  packageName: '@cf/connector-github',
  description:
    'GitHub REST API: repositories, issues and comments, pull requests, commits, releases, search past 1,000 results, incremental issues and commits with exact checkpoints, conditional requests, the core and search quotas paced apart, tokens and GitHub App installations.',
  apiVersion: '2022-11-28',
  docsUrl: 'https://docs.github.com/en/rest',
  baseUrl: 'https://api.github.com',
  auth: ['bearer'],
  envVars: ['GITHUB_TOKEN'],
  resources: ['repositories', 'issues', 'issue comments', 'pull requests', 'pull request files', 'pull request reviews', 'commits', 'releases', 'search', 'rate limit'],
  limits: [
    { name: 'core (token or app installation)', limit: CORE_PER_HOUR, intervalMs: HOUR_MS, source: RATE_LIMITS_DOC },
    { name: 'core (GitHub Enterprise Cloud app or token)', limit: 15_000, intervalMs: HOUR_MS, source: RATE_LIMITS_DOC },
    { name: 'search', limit: SEARCH_PER_MINUTE, intervalMs: MINUTE_MS, source: SEARCH_LIMITS_DOC },
  ],
  maintainers: ['connector-factory'],
  operations,
  limitModel,
  credential: { in: 'header', name: 'authorization' },
  streams,
});
