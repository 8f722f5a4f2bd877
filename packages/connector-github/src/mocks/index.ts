import type { RequestHandler } from 'msw';
import { createGitHubMock } from './create-mock.js';

export { createGitHubMock, type GitHubMock } from './create-mock.js';
export { conformanceSubject, CONFORMANCE_TOKEN } from './conformance-subject.js';

/** Handlers for a mock GitHub holding the default data, GitHub's default quotas, any bearer token accepted. */
export const handlers: RequestHandler[] = createGitHubMock().handlers;

export { MockGitHub, type GitHubMockOptions, type MockAppOptions } from './state.js';
export { MockQuota, type MockClock, type MockRateLimitOptions, type QuotaResource } from './quota.js';
export {
  generateIssues,
  generateComments,
  generateCommits,
  generateReleases,
  repository,
  shaOf,
  type IssueGeneratorOptions,
  type CommitGeneratorOptions,
  type RepositoryOptions,
  type MockAccount,
  type MockIssue,
  type MockComment,
  type MockCommit,
  type MockRelease,
  type MockRepository,
  type MockPullRequest,
} from './dataset.js';
export { defaultAccounts, defaultRepositories, type DefaultDataOptions } from './fixtures.js';
export { SEARCH_CAP } from './handlers/search.js';
export { errorBody, DOCS } from './responses.js';
export { signedGitHubDelivery, githubWebhookPayload, type SignedGitHubDeliveryOptions } from './webhooks.js';
