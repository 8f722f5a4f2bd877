import * as z from '@cf/core/zod';
import { labelSchema, milestoneSchema, simpleUserSchema } from '../schemas.js';

/**
 * The payloads of the webhook events this package types, from GitHub's "Webhook events and payloads" reference.
 * Loose objects (fields GitHub adds later pass through), and only what identifies a record, routes an event or is
 * always sent is required: GitHub does not retry a delivery answered 400, so a schema stricter than GitHub's
 * payloads would lose events. Webhook objects are close to the REST resources the connector reads, not identical
 * (a `push` payload's `repository.created_at` is a Unix timestamp, its commits are `{ id, message, author }`).
 */

const nullableString = () => z.optional(z.nullable(z.string()));

/** `installation` (GitHub App deliveries): the installation the event belongs to. */
const installationShape = () => ({ id: z.number(), node_id: z.optional(z.string()) });

/** `repository` as webhooks embed it. */
const repositoryShape = () => ({
  id: z.number(),
  node_id: z.optional(z.string()),
  name: z.string(),
  /** `owner/name`: the `repository` field of the connector's stream records. */
  full_name: z.string(),
  private: z.optional(z.boolean()),
  owner: z.optional(z.looseObject({ login: z.optional(z.string()), id: z.optional(z.number()), name: nullableString(), email: nullableString() })),
  html_url: z.optional(z.string()),
  description: nullableString(),
  fork: z.optional(z.boolean()),
  default_branch: z.optional(z.string()),
  /** ISO 8601, except in `push` payloads: a Unix timestamp (seconds). */
  created_at: z.optional(z.union([z.string(), z.number()])),
  updated_at: z.optional(z.nullable(z.string())),
  /** ISO 8601, except in `push` payloads: a Unix timestamp (seconds). */
  pushed_at: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  archived: z.optional(z.boolean()),
  visibility: z.optional(z.string()),
});

/** What every typed event may carry besides its own fields. */
const commonShape = () => ({
  /** Who did it. */
  sender: simpleUserSchema,
  installation: z.optional(z.looseObject(installationShape())),
  organization: z.optional(z.looseObject({ login: z.string(), id: z.number() })),
  enterprise: z.optional(z.looseObject({ id: z.number(), slug: z.optional(z.string()) })),
});

const issueShape = () => ({
  /** The issue's id: the primary key of the connector's `issues` stream. */
  id: z.number(),
  node_id: z.optional(z.string()),
  number: z.number(),
  title: z.string(),
  /** `open` or `closed`. */
  state: z.string(),
  state_reason: nullableString(),
  locked: z.optional(z.boolean()),
  user: z.nullable(simpleUserSchema),
  labels: z.optional(z.array(labelSchema)),
  assignee: z.optional(z.nullable(simpleUserSchema)),
  assignees: z.optional(z.nullable(z.array(simpleUserSchema))),
  milestone: z.optional(z.nullable(milestoneSchema)),
  comments: z.optional(z.number()),
  body: nullableString(),
  html_url: z.string(),
  url: z.optional(z.string()),
  repository_url: z.optional(z.string()),
  author_association: z.optional(z.string()),
  /** Present when the issue is a pull request (`issue_comment` on a pull request). */
  pull_request: z.optional(z.looseObject({ url: z.optional(z.string()), merged_at: nullableString() })),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: nullableString(),
});

const commentShape = () => ({
  id: z.number(),
  node_id: z.optional(z.string()),
  body: z.string(),
  user: z.nullable(simpleUserSchema),
  html_url: z.string(),
  url: z.optional(z.string()),
  issue_url: z.optional(z.string()),
  author_association: z.optional(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});

const branchShape = () => ({
  label: z.optional(z.string()),
  ref: z.string(),
  sha: z.string(),
  repo: z.optional(z.nullable(z.looseObject({ id: z.number(), full_name: z.optional(z.string()) }))),
});

const pullRequestShape = () => ({
  /** The pull request's id: the primary key of the connector's `pull_requests` stream. */
  id: z.number(),
  node_id: z.optional(z.string()),
  number: z.number(),
  /** `open` or `closed` (a merged pull request is closed with `merged: true`). */
  state: z.string(),
  title: z.string(),
  user: z.nullable(simpleUserSchema),
  body: nullableString(),
  labels: z.optional(z.array(labelSchema)),
  draft: z.optional(z.boolean()),
  merged: z.optional(z.nullable(z.boolean())),
  merged_at: nullableString(),
  merge_commit_sha: nullableString(),
  head: z.looseObject(branchShape()),
  base: z.looseObject(branchShape()),
  html_url: z.string(),
  url: z.optional(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: nullableString(),
});

const gitPersonShape = () => ({ name: z.string(), email: nullableString(), username: z.optional(z.string()), date: z.optional(z.string()) });

/** A commit as `push` sends it (not the REST `commit`: `id` is the SHA). */
const pushCommitShape = () => ({
  /** The commit SHA. */
  id: z.string(),
  tree_id: z.optional(z.string()),
  distinct: z.optional(z.boolean()),
  message: z.string(),
  timestamp: z.string(),
  url: z.optional(z.string()),
  author: z.looseObject(gitPersonShape()),
  committer: z.optional(z.looseObject(gitPersonShape())),
  added: z.optional(z.array(z.string())),
  removed: z.optional(z.array(z.string())),
  modified: z.optional(z.array(z.string())),
});

const releaseShape = () => ({
  /** The release's id: the primary key of the connector's `releases` stream. */
  id: z.number(),
  node_id: z.optional(z.string()),
  tag_name: z.string(),
  target_commitish: z.optional(z.string()),
  name: nullableString(),
  body: nullableString(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  created_at: z.optional(z.nullable(z.string())),
  published_at: nullableString(),
  author: z.optional(simpleUserSchema),
  html_url: z.string(),
  url: z.optional(z.string()),
  tarball_url: nullableString(),
  zipball_url: nullableString(),
  assets: z.optional(z.array(z.looseObject({ id: z.number(), name: z.string() }))),
});

/** What `edited` actions say changed: `{ title: { from: 'old' } }`. */
const changesSchema = () => z.optional(z.record(z.string(), z.unknown()));

/**
 * The zod schema of the repository a webhook payload carries (REST's repository shape); unknown fields pass through.
 */
export const githubRepositorySchema = z.lazySchema(() => z.looseObject(repositoryShape()));

/** `ping`: sent once when a webhook is created (and on "Redeliver" of that ping). */
export const pingPayloadSchema = z.lazySchema(() =>
  z.looseObject({
    zen: z.string(),
    hook_id: z.number(),
    hook: z.looseObject({
      id: z.number(),
      /** `Repository`, `Organization`, `App`, … */
      type: z.string(),
      active: z.optional(z.boolean()),
      events: z.optional(z.array(z.string())),
      config: z.optional(z.looseObject({ content_type: z.optional(z.string()), url: z.optional(z.string()), insecure_ssl: z.optional(z.union([z.string(), z.number()])) })),
      app_id: z.optional(z.number()),
    }),
    repository: z.optional(githubRepositorySchema),
    sender: z.optional(simpleUserSchema),
    organization: z.optional(z.looseObject({ login: z.string(), id: z.number() })),
    installation: z.optional(z.looseObject(installationShape())),
  }),
);

/** The zod schema of an `issues` webhook payload; unknown fields pass through. */
export const issuesPayloadSchema = z.lazySchema(() =>
  z.looseObject({
    ...commonShape(),
    /** `opened`, `edited`, `closed`, `reopened`, `deleted`, `labeled`, … (see `GitHubIssuesAction`). */
    action: z.string(),
    issue: z.looseObject(issueShape()),
    repository: githubRepositorySchema,
    changes: changesSchema(),
    /** `labeled` / `unlabeled`. */
    label: z.optional(labelSchema),
    /** `assigned` / `unassigned`. */
    assignee: z.optional(z.nullable(simpleUserSchema)),
    /** `milestoned` / `demilestoned`. */
    milestone: z.optional(milestoneSchema),
  }),
);

/** The zod schema of an `issue_comment` webhook payload; unknown fields pass through. */
export const issueCommentPayloadSchema = z.lazySchema(() =>
  z.looseObject({
    ...commonShape(),
    /** `created`, `edited` or `deleted`. */
    action: z.string(),
    /** The issue (or pull request: `issue.pull_request` is set) commented on. */
    issue: z.looseObject(issueShape()),
    comment: z.looseObject(commentShape()),
    repository: githubRepositorySchema,
    changes: changesSchema(),
  }),
);

/** The zod schema of a `pull_request` webhook payload; unknown fields pass through. */
export const pullRequestPayloadSchema = z.lazySchema(() =>
  z.looseObject({
    ...commonShape(),
    /** `opened`, `edited`, `closed` (merged or not), `reopened`, `synchronize`, `ready_for_review`, … */
    action: z.string(),
    number: z.number(),
    pull_request: z.looseObject(pullRequestShape()),
    repository: githubRepositorySchema,
    changes: changesSchema(),
    label: z.optional(labelSchema),
    /** `synchronize`: the head before and after the push. */
    before: z.optional(z.string()),
    after: z.optional(z.string()),
  }),
);

/** The zod schema of a `push` webhook payload; unknown fields pass through. */
export const pushPayloadSchema = z.lazySchema(() =>
  z.looseObject({
    ...commonShape(),
    /** `refs/heads/main`, `refs/tags/v1.0.0`. */
    ref: z.string(),
    /** The SHA before the push (`0000…` when the ref was created). */
    before: z.string(),
    /** The SHA after the push (`0000…` when the ref was deleted). */
    after: z.string(),
    created: z.optional(z.boolean()),
    deleted: z.optional(z.boolean()),
    forced: z.optional(z.boolean()),
    base_ref: nullableString(),
    compare: z.optional(z.string()),
    /** The pushed commits (those in `compare` between `before` and `after`), oldest first. */
    commits: z.array(z.looseObject(pushCommitShape())),
    head_commit: z.optional(z.nullable(z.looseObject(pushCommitShape()))),
    pusher: z.looseObject({ name: z.string(), email: nullableString() }),
    repository: githubRepositorySchema,
  }),
);

/** The zod schema of a `release` webhook payload; unknown fields pass through. */
export const releasePayloadSchema = z.lazySchema(() =>
  z.looseObject({
    ...commonShape(),
    /** `published`, `unpublished`, `created`, `edited`, `deleted`, `prereleased`, `released`. */
    action: z.string(),
    release: z.looseObject(releaseShape()),
    repository: githubRepositorySchema,
    changes: changesSchema(),
  }),
);

/** The repository a webhook payload carries: `id`, `name`, `full_name`, `owner`, `private`, URLs… */
export type GitHubWebhookRepository = z.infer<typeof githubRepositorySchema>;
/** A `ping` payload: `zen`, `hook_id`, the `hook` (its type, events and config), and the repository or organization. */
export type GitHubPingPayload = z.infer<typeof pingPayloadSchema>;
/** An `issues` payload: the `issue`, the `repository`, the `sender` and the `action`. */
export type GitHubIssuesPayload = z.infer<typeof issuesPayloadSchema> & {
  /** What happened (GitHub adds actions: one not listed arrives as a string). */
  action: GitHubIssuesAction;
};
/** An `issue_comment` payload: the `comment`, its `issue`, the `repository`, the `sender` and the `action`. */
export type GitHubIssueCommentPayload = z.infer<typeof issueCommentPayloadSchema> & {
  /** What happened (GitHub adds actions: one not listed arrives as a string). */
  action: GitHubIssueCommentAction;
};
/** A `pull_request` payload: the `pull_request`, its `number`, the `repository`, the `sender` and the `action`. */
export type GitHubPullRequestPayload = z.infer<typeof pullRequestPayloadSchema> & {
  /** What happened (GitHub adds actions: one not listed arrives as a string). */
  action: GitHubPullRequestAction;
};
/**
 * A `push` payload: `ref`, `before` and `after` SHAs, the pushed `commits`, `head_commit`, the `pusher` and the
 * `repository`.
 */
export type GitHubPushPayload = z.infer<typeof pushPayloadSchema>;
/** A `release` payload: the `release`, the `repository`, the `sender` and the `action`. */
export type GitHubReleasePayload = z.infer<typeof releasePayloadSchema> & {
  /** What happened (GitHub adds actions: one not listed arrives as a string). */
  action: GitHubReleaseAction;
};

/** `(string & {})`: GitHub adds actions; an action this list does not name still arrives, typed as a string. */
type Open = string & {};

/** The `action` of an `issues` event. */
export type GitHubIssuesAction =
  | 'opened'
  | 'edited'
  | 'deleted'
  | 'closed'
  | 'reopened'
  | 'assigned'
  | 'unassigned'
  | 'labeled'
  | 'unlabeled'
  | 'locked'
  | 'unlocked'
  | 'transferred'
  | 'pinned'
  | 'unpinned'
  | 'milestoned'
  | 'demilestoned'
  | 'typed'
  | 'untyped'
  | Open;
/** The `action` of an `issue_comment` event. */
export type GitHubIssueCommentAction = 'created' | 'edited' | 'deleted' | Open;
/** The `action` of a `pull_request` event. */
export type GitHubPullRequestAction =
  | 'opened'
  | 'edited'
  | 'closed'
  | 'reopened'
  | 'synchronize'
  | 'ready_for_review'
  | 'converted_to_draft'
  | 'assigned'
  | 'unassigned'
  | 'labeled'
  | 'unlabeled'
  | 'review_requested'
  | 'review_request_removed'
  | 'locked'
  | 'unlocked'
  | 'auto_merge_enabled'
  | 'auto_merge_disabled'
  | 'enqueued'
  | 'dequeued'
  | 'milestoned'
  | 'demilestoned'
  | Open;
/** The `action` of a `release` event. */
export type GitHubReleaseAction = 'published' | 'unpublished' | 'created' | 'edited' | 'deleted' | 'prereleased' | 'released' | Open;
