export { GitHubConnector } from './github-connector.js';
export { DEFAULT_BASE_URL, githubConfigSchema, type GitHubConfig, type GitHubAppCredentials, type GitHubLimitOptions } from './config.js';
export { metadata } from './metadata.js';
export { VERSION, USER_AGENT, API_VERSION } from './version.js';
export { mapGitHubError, githubErrorBodySchema, type GitHubErrorBody } from './errors.js';
export {
  CORE_PER_HOUR,
  SEARCH_PER_MINUTE,
  SECONDARY_DEFAULT_WAIT_MS,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  githubWindows,
  buildLimiters,
  observeGitHubQuota,
  isGitHubRateLimited,
  isSecondaryRateLimit,
  type GitHubLimits,
  type GitHubLimiters,
  type GitHubResource,
} from './limits.js';
export { githubAppAuth, DEFAULT_REFRESH_SKEW_MS, type GitHubAppAuthOptions } from './auth/app-auth.js';
export { simpleUserSchema, labelSchema, milestoneSchema, type SimpleUser, type Label, type Milestone } from './schemas.js';
export { RepositoriesApi, repositorySchema, type Repository, type ListUserRepositoriesOptions, type ListOrgRepositoriesOptions } from './resources/repositories.js';
export {
  IssuesApi,
  isPullRequest,
  issueSchema,
  type Issue,
  type ListIssuesOptions,
  type CreateIssueInput,
  type UpdateIssueInput,
  type ChangedSinceIssuesOptions,
} from './resources/issues.js';
export type { IssuesCheckpoint } from './resources/issues-since.js';
export { IssueCommentsApi, issueCommentSchema, type IssueComment, type ListIssueCommentsOptions } from './resources/issue-comments.js';
export {
  PullsApi,
  pullRequestSchema,
  pullRequestFileSchema,
  reviewSchema,
  type PullRequest,
  type PullRequestFile,
  type Review,
  type ListPullRequestsOptions,
  type PageOptions,
} from './resources/pulls.js';
export { CommitsApi, commitSchema, committedAt, type Commit, type ListCommitsOptions, type ChangedSinceCommitsOptions } from './resources/commits.js';
export type { CommitsCheckpoint } from './resources/commits-since.js';
export { ReleasesApi, releaseSchema, type Release, type ListReleasesOptions } from './resources/releases.js';
export {
  SearchApi,
  SEARCH_RESULT_CAP,
  GITHUB_EPOCH,
  type SearchSplitCheckpoint,
  type SearchIssuesOptions,
  type SearchRepositoriesOptions,
  type SearchAllIssuesOptions,
  type SearchAllRepositoriesOptions,
} from './resources/search.js';
export { RateLimitApi, rateLimitStatusSchema, type RateLimitStatus } from './resources/rate-limit.js';
export { githubWebhookReceiver, GITHUB_MAX_BODY_BYTES, type GitHubWebhookReceiverOptions, type GitHubEventHandlers } from './webhooks/receiver.js';
export { githubWebhookSource, GITHUB_REDELIVERY_WINDOW_MS, type GitHubWebhookSourceOptions } from './webhooks/source.js';
export { githubSignature256 } from './webhooks/signature.js';
export {
  isGitHubEvent,
  type GitHubEvent,
  type GitHubEventPayloads,
  type GitHubWebhook,
  type GitHubWebhookOf,
  type GitHubOtherWebhook,
  type GitHubWebhookHeaders,
} from './webhooks/events.js';
export * from './webhooks/payloads.js';
export { githubDeletion, type GitHubDeletion } from './webhooks/deletions.js';
