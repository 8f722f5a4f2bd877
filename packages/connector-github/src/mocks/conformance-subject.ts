import { http } from 'msw';
import type { ConformanceOperation, ConformanceSubject } from '@cf/core/testing';
import { GitHubConnector } from '../github-connector.js';
import { metadata } from '../metadata.js';
import { createGitHubMock } from './create-mock.js';
import { json } from './responses.js';

/** The conformance token: it must reach the API and never leak. */
export const CONFORMANCE_TOKEN = 'ghp_CONFORMANCE0123456789abcdefghijABCDEF';

type Operation = ConformanceOperation<GitHubConnector>;
const PAGES = { limit: 1_000 };
const O = 'octo-org';
const R = 'hello-world';
/** #5 of the default data is a pull request (every fifth issue is); #2 an issue with comments. */
const PULL = 5;
const ISSUE = 2;

/** A sample invocation of every declared operation (`metadata.operations`), against the package's mocks. */
const operations: Operation[] = [
  { name: 'repositories.get', invoke: (c, o) => c.repositories.get(O, R, o) },
  { name: 'repositories.listForUser', invoke: (c, o) => c.repositories.listForUser('octocat', { perPage: 1 }, o).toArray(PAGES) },
  { name: 'repositories.listForOrg', invoke: (c, o) => c.repositories.listForOrg(O, { perPage: 2 }, o).toArray(PAGES) },
  { name: 'issues.list', invoke: (c, o) => c.issues.list(O, R, { state: 'all', perPage: 25 }, o).toArray(PAGES) },
  { name: 'issues.get', invoke: (c, o) => c.issues.get(O, R, ISSUE, o) },
  { name: 'issues.changedSince', invoke: (c, o) => c.issues.changedSince(O, R, null, { perPage: 25 }, o).toArray(PAGES) },
  { name: 'issues.create', invoke: (c, o) => c.issues.create(O, R, { title: 'Found a bug', labels: ['bug'] }, o) },
  { name: 'issues.update', invoke: (c, o) => c.issues.update(O, R, ISSUE, { labels: ['bug', 'question'] }, o) },
  { name: 'issues.comments.list', invoke: (c, o) => c.issues.comments.list(O, R, ISSUE, { perPage: 1 }, o).toArray(PAGES) },
  { name: 'issues.comments.create', invoke: (c, o) => c.issues.comments.create(O, R, ISSUE, 'Me too.', o) },
  { name: 'pulls.list', invoke: (c, o) => c.pulls.list(O, R, { state: 'all', perPage: 5 }, o).toArray(PAGES) },
  { name: 'pulls.get', invoke: (c, o) => c.pulls.get(O, R, PULL, o) },
  { name: 'pulls.listFiles', invoke: (c, o) => c.pulls.listFiles(O, R, PULL, { perPage: 1 }, o).toArray(PAGES) },
  { name: 'pulls.listReviews', invoke: (c, o) => c.pulls.listReviews(O, R, PULL, {}, o).toArray(PAGES) },
  { name: 'commits.list', invoke: (c, o) => c.commits.list(O, R, { perPage: 30 }, o).toArray(PAGES) },
  { name: 'commits.changedSince', invoke: (c, o) => c.commits.changedSince(O, R, null, { perPage: 30 }, o).toArray(PAGES) },
  { name: 'releases.list', invoke: (c, o) => c.releases.list(O, R, { perPage: 2 }, o).toArray(PAGES) },
  { name: 'releases.getLatest', invoke: (c, o) => c.releases.getLatest(O, R, o) },
  { name: 'search.issues', invoke: (c, o) => c.search.issues(`repo:${O}/${R} is:issue`, { perPage: 20 }, o).toArray(PAGES) },
  { name: 'search.repositories', invoke: (c, o) => c.search.repositories(`org:${O}`, { perPage: 2 }, o).toArray(PAGES) },
  { name: 'search.allIssues', invoke: (c, o) => c.search.allIssues(`repo:${O}/${R}`, { perPage: 20 }, o).toArray(PAGES) },
  { name: 'search.allRepositories', invoke: (c, o) => c.search.allRepositories(`org:${O}`, {}, o).toArray(PAGES) },
  { name: 'rateLimit.get', invoke: (c, o) => c.rateLimit.get(o) },
];

/** An API whose `Link: rel="next"` points back at the same page forever: the client must stop. */
const cycleHandlers = [
  http.get('*/repos/:owner/:repo/releases', ({ request }) => {
    const url = new URL(request.url);
    url.searchParams.set('page', '2');
    return json([], 200, { link: `<${url.href}>; rel="next"` });
  }),
];

/**
 * What core's conformance kit runs against this connector (its `test/conformance.test.ts` and `cf check`): a mock
 * GitHub of its own with quotas too large to reach (the kit enforces the declared limit model itself), the
 * metadata, and a sample invocation of every declared operation.
 */
export const conformanceSubject: ConformanceSubject<GitHubConnector> = {
  name: 'github',
  handlers: createGitHubMock({ rateLimit: { core: 1_000_000, search: 1_000_000 } }).handlers,
  secret: CONFORMANCE_TOKEN,
  create: ({ serverUrl, overrides }) => new GitHubConnector({ token: CONFORMANCE_TOKEN, baseUrl: serverUrl, ...overrides }),
  call: (c, options) => c.repositories.get(O, R, options),
  pagination: { call: (c) => c.releases.list(O, R).toArray(PAGES), cycleHandlers },
  metadata,
  operations,
};
