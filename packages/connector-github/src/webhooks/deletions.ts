import { isGitHubEvent, type GitHubWebhook } from './events.js';

/** A record a delete delivery (`issues` or `release` with action `deleted`) says is gone, keyed like the connector's stream of it. */
export interface GitHubDeletion {
  /** The stream (and `sync()` table suffix) the record belongs to: `issues` → `github_issues`. */
  stream: 'issues' | 'releases';
  /** The record's `id`: the stream's primary key. */
  id: number;
  /** `owner/name`: the `repository` field the streams add to each record. */
  repository: string;
  /** `X-GitHub-Delivery` of the delivery that said so. */
  deliveryId: string;
}

/**
 * The record a delete delivery removes, or undefined for any other delivery. GitHub's lists never return a deleted
 * issue or release, so a sync keeps its last row; these deliveries are how deletions reach you. Mark the row:
 * `UPDATE github_issues SET _deleted = true WHERE id = $1` (the `issues` and `releases` tables are keyed by `id`).
 */
export function githubDeletion(webhook: GitHubWebhook): GitHubDeletion | undefined {
  if (webhook.action !== 'deleted') return undefined;
  const { deliveryId } = webhook;
  if (isGitHubEvent(webhook, 'issues')) return { stream: 'issues', id: webhook.payload.issue.id, repository: webhook.payload.repository.full_name, deliveryId };
  if (isGitHubEvent(webhook, 'release')) return { stream: 'releases', id: webhook.payload.release.id, repository: webhook.payload.repository.full_name, deliveryId };
  return undefined;
}
