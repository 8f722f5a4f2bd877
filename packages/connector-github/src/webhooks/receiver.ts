import { ValidationError, WebhookReceiver, type WebhookContext, type WebhookReceiverOptions } from '@cf/core';
import type { GitHubEvent, GitHubWebhook, GitHubWebhookOf } from './events.js';
import { githubWebhookSource, type GitHubWebhookSourceOptions } from './source.js';

/** One handler per event, each typed by its event's payload. */
export type GitHubEventHandlers = { [E in GitHubEvent]?: (webhook: GitHubWebhookOf<E>, context: WebhookContext) => void | Promise<void> };

/**
 * Options of `githubWebhookReceiver`: the source's (secret) and the receiver's, with handlers per event or one for
 * all.
 */
export interface GitHubWebhookReceiverOptions extends GitHubWebhookSourceOptions, Omit<WebhookReceiverOptions<GitHubWebhook>, 'source' | 'handler'> {
  /** Handlers by event (`X-GitHub-Event`): `{ issues: (w) => w.payload.issue.title, push: ... }`. */
  events?: GitHubEventHandlers;
  /** Every delivery no `events` handler takes (other events included). Without it those are acknowledged (200). */
  handler?: (webhook: GitHubWebhook, context: WebhookContext) => void | Promise<void>;
}

/**
 * GitHub caps payloads at 25 MB and does not deliver larger ones; this default takes every delivery GitHub can send
 * (a push of many commits and files runs to megabytes). Receiving only small events (issues, comments), lower it:
 * the body is read before the signature can be checked, so the cap is what an unauthenticated sender can make the
 * server buffer per request.
 */
export const GITHUB_MAX_BODY_BYTES = 25 * 1_048_576;

/**
 * A receiver for GitHub's webhooks (repository, organization or GitHub App): `receiver.fetch(request)` (Hono, Bun,
 * Deno, workers) or `toNodeListener(receiver)` (Node's http, Express). Verifies `X-Hub-Signature-256` on the raw body
 * (401 otherwise), types the payloads of `ping`, `issues`, `issue_comment`, `pull_request`, `push` and `release`,
 * and hands each delivery once to its event's handler (deduplicated by `X-GitHub-Delivery`).
 *
 * ```ts
 * const receiver = githubWebhookReceiver({
 *   secret: process.env.GITHUB_WEBHOOK_SECRET!,
 *   events: { issues: (w) => console.log(w.action, w.payload.issue.number), push: (w) => console.log(w.payload.after) },
 * });
 * ```
 */
export function githubWebhookReceiver(options: GitHubWebhookReceiverOptions): WebhookReceiver<GitHubWebhook> {
  const { secret, events, handler, ...receiver } = options;
  if (events === undefined && handler === undefined) {
    throw new ValidationError({ message: 'Invalid GitHub webhook receiver options: give `events` (handlers by event), `handler`, or both.', source: 'github', issues: [{ path: 'events', message: 'give events or handler' }] });
  }
  const byEvent = (events ?? {}) as Partial<Record<string, (webhook: GitHubWebhook, context: WebhookContext) => void | Promise<void>>>;
  return new WebhookReceiver<GitHubWebhook>({
    maxBodyBytes: GITHUB_MAX_BODY_BYTES,
    ...receiver,
    source: githubWebhookSource({ secret }),
    handler: async (webhooks, context) => {
      for (const webhook of webhooks) await ((Object.hasOwn(byEvent, webhook.event) ? byEvent[webhook.event] : undefined) ?? handler)?.(webhook, context);
    },
  });
}
