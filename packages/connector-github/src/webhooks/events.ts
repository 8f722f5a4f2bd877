import type * as z from '@cf/core/zod';
import {
  issueCommentPayloadSchema,
  issuesPayloadSchema,
  pingPayloadSchema,
  pullRequestPayloadSchema,
  pushPayloadSchema,
  releasePayloadSchema,
  type GitHubIssueCommentPayload,
  type GitHubIssuesPayload,
  type GitHubPingPayload,
  type GitHubPullRequestPayload,
  type GitHubPushPayload,
  type GitHubReleasePayload,
} from './payloads.js';

/** The payload of each event this package types (`X-GitHub-Event`). */
export interface GitHubEventPayloads {
  /** Sent once when a webhook is created: its `zen`, `hook_id` and `hook`. */
  ping: GitHubPingPayload;
  /** An issue was opened, edited, closed, labelled, assigned… (`action`), with the `issue` and `repository`. */
  issues: GitHubIssuesPayload;
  /** A comment on an issue or pull request was created, edited or deleted, with the `comment` and `issue`. */
  issue_comment: GitHubIssueCommentPayload;
  /** A pull request was opened, closed, synchronized, reviewed-requested… (`action`), with the `pull_request`. */
  pull_request: GitHubPullRequestPayload;
  /** Commits were pushed to a branch or tag: `ref`, `before`/`after`, the `commits`. */
  push: GitHubPushPayload;
  /** A release was published, created, edited… (`action`), with the `release`. */
  release: GitHubReleasePayload;
}

/** An event this package types (a key of `GitHubEventPayloads`). */
export type GitHubEvent = keyof GitHubEventPayloads;

/** The schema each typed event's payload is checked against (built on first use). */
export const EVENT_SCHEMAS: Readonly<Record<GitHubEvent, z.ZodType>> = {
  ping: pingPayloadSchema,
  issues: issuesPayloadSchema,
  issue_comment: issueCommentPayloadSchema,
  pull_request: pullRequestPayloadSchema,
  push: pushPayloadSchema,
  release: releasePayloadSchema,
};

export function isTypedEvent(event: string): event is GitHubEvent {
  return Object.hasOwn(EVENT_SCHEMAS, event);
}

/** What every delivery carries besides the payload (from its `X-GitHub-*` headers; none of them is signed). */
export interface GitHubWebhookHeaders {
  /** `X-GitHub-Delivery`: a GUID, the same when the delivery is redelivered (the dedupe id). */
  deliveryId: string;
  /** `X-GitHub-Hook-ID`: the webhook that sent it. */
  hookId: string | undefined;
  /** `X-GitHub-Hook-Installation-Target-Type`: `repository`, `organization`, `integration` (a GitHub App), … */
  installationTargetType: string | undefined;
  /** `X-GitHub-Hook-Installation-Target-ID`: the repository, organization or app the webhook belongs to. */
  installationTargetId: string | undefined;
}

/** A delivery of one typed event; `action` is the payload's (`undefined` for `push` and `ping`). */
export type GitHubWebhookOf<E extends GitHubEvent> = GitHubWebhookHeaders & {
  /** `X-GitHub-Event`. */
  event: E;
  /** The payload's `action` (`opened`, `closed`…), or undefined for events without one. */
  action: string | undefined;
  /** The body, parsed and checked against the event's schema (unknown fields pass through). */
  payload: GitHubEventPayloads[E];
};

/** A delivery of an event this package does not type (`workflow_run`, `star`, `check_suite`, …): a JSON object. */
export type GitHubOtherWebhook = GitHubWebhookHeaders & {
  /** `X-GitHub-Event`. */
  event: string;
  /** The payload's `action`, when it has one. */
  action: string | undefined;
  /** The body, parsed as JSON (not checked further). */
  payload: Record<string, unknown>;
};

/** Any delivery. Narrow one with `isGitHubEvent(webhook, 'issues')`. */
export type GitHubWebhook = { [E in GitHubEvent]: GitHubWebhookOf<E> }[GitHubEvent] | GitHubOtherWebhook;

/** Narrows a delivery to one event and its payload type: `if (isGitHubEvent(w, 'push')) w.payload.commits`. */
export function isGitHubEvent<E extends GitHubEvent>(webhook: GitHubWebhook, event: E): webhook is GitHubWebhookOf<E> {
  return webhook.event === event;
}
