import { bytesToHex, utf8Bytes } from '@cf/core/internal';
import type { GitHubEvent, GitHubEventPayloads } from '../webhooks/events.js';
import { githubSignature256 } from '../webhooks/signature.js';
import type { MockCommit, MockRepository } from './dataset.js';
import { defaultAccounts, defaultRepositories } from './fixtures.js';
import { commentJson, issueJson, pullJson, releaseJson, repositoryJson, userJson } from './render.js';
import { MockGitHub } from './state.js';

/**
 * Signed GitHub webhook deliveries, for testing a handler offline: what GitHub would POST to your endpoint, signed
 * with your webhook's secret, or deliberately broken (tampered, unsigned, SHA-1 only). Payloads are built from the
 * mock's default data (`octo-org/hello-world`), so a delivery names the same issues, pull requests, commits and
 * releases `createGitHubMock()` serves.
 */

let data: { state: MockGitHub; repo: MockRepository } | undefined;

function defaults(): { state: MockGitHub; repo: MockRepository } {
  if (!data) {
    const state = new MockGitHub({ accounts: defaultAccounts(), repositories: defaultRepositories() });
    data = { state, repo: state.repositories[0]! };
  }
  return data;
}

const WEB = 'https://github.com';

function pushCommit(repo: MockRepository, commit: MockCommit): Record<string, unknown> {
  const person = (p: MockCommit['author']) => ({ name: p.name, email: p.email, ...(p.login ? { username: p.login } : {}), date: p.date });
  return {
    id: commit.sha,
    tree_id: commit.sha.split('').reverse().join(''),
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${WEB}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    added: [],
    removed: [],
    modified: commit.paths,
  };
}

/**
 * A realistic payload for a typed event, from the mock's default data (`octo-org/hello-world`, sent by `octocat`):
 * `issues` is issue #1 `opened`, `issue_comment` the first comment `created`, `pull_request` the first pull request
 * `opened`, `push` the last three commits on `main`, `release` the latest release (not a draft or prerelease), `ping` a new repository
 * hook. Override any top-level field: `githubWebhookPayload('issues', { action: 'deleted' })`.
 */
export function githubWebhookPayload<E extends GitHubEvent>(event: E, fields: Partial<GitHubEventPayloads[E]> = {}): GitHubEventPayloads[E] {
  const { state, repo } = defaults();
  const account = (login: string) => state.account(login);
  const repository = repositoryJson(repo, account);
  const sender = userJson(account('octocat'));
  let base: Record<string, unknown>;
  switch (event) {
    case 'ping':
      base = {
        zen: 'Design for failure.',
        hook_id: 4_521_930,
        hook: {
          type: 'Repository',
          id: 4_521_930,
          name: 'web',
          active: true,
          events: ['issues', 'issue_comment', 'pull_request', 'push', 'release'],
          config: { content_type: 'json', insecure_ssl: '0', url: 'https://hooks.example.com/webhooks/github' },
          created_at: '2025-01-06T09:00:00Z',
          updated_at: '2025-01-06T09:00:00Z',
        },
        repository,
        sender,
      };
      break;
    case 'issues':
      base = { action: 'opened', issue: issueJson(repo, repo.issues.find((i) => !i.pull)!, account), repository, sender };
      break;
    case 'issue_comment': {
      const comment = repo.comments[0]!;
      base = { action: 'created', issue: issueJson(repo, state.issue(repo, comment.issueNumber)!, account), comment: commentJson(repo, comment, account), repository, sender };
      break;
    }
    case 'pull_request': {
      const issue = repo.issues.find((i) => i.pull)!;
      base = { action: 'opened', number: issue.number, pull_request: pullJson(repo, issue, account, true), repository, sender };
      break;
    }
    case 'push': {
      const commits = repo.commits.slice(-3);
      const before = repo.commits.at(-4)?.sha ?? '0'.repeat(40);
      const after = commits.at(-1)!.sha;
      const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
      base = {
        ref: `refs/heads/${repo.defaultBranch}`,
        before,
        after,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: `${WEB}/${repo.owner}/${repo.name}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
        commits: commits.map((c) => pushCommit(repo, c)),
        head_commit: pushCommit(repo, commits.at(-1)!),
        pusher: { name: 'octocat', email: 'octocat@users.noreply.github.com' },
        // In push payloads, GitHub sends these two as Unix timestamps.
        repository: { ...repository, created_at: seconds(repo.createdAt), pushed_at: seconds(repo.pushedAt) },
        sender,
      };
      break;
    }
    case 'release':
      base = { action: 'published', release: releaseJson(repo, repo.releases.filter((r) => !r.draft && !r.prerelease).at(-1)!, account), repository, sender };
      break;
    default:
      base = {};
  }
  return { ...base, ...fields } as GitHubEventPayloads[E];
}

/**
 * Options of `signedGitHubDelivery`: a webhook delivery (a `Request`) signed as GitHub signs it, or broken on
 * purpose.
 */
export interface SignedGitHubDeliveryOptions {
  /** The webhook's secret to sign with. */
  secret: string;
  /** Your endpoint's URL. */
  url: string;
  /** `X-GitHub-Event`. */
  event: GitHubEvent | (string & {});
  /** The payload (default: `githubWebhookPayload(event)` for a typed event, `{}` otherwise). */
  payload?: unknown;
  /** The raw body instead (e.g. malformed JSON); sent as is, whatever `contentType`. */
  body?: string;
  /** The webhook's content type: `json` sends the payload as the body; `form` as the `payload` field of a form. @default 'json' */
  contentType?: 'json' | 'form';
  /** `X-GitHub-Delivery`: reuse one to simulate a redelivery. @default a new UUID */
  deliveryId?: string;
  /** `X-GitHub-Hook-ID`. @default '4521930' */
  hookId?: string;
  /** `X-GitHub-Hook-Installation-Target-Type` and `-ID`. @default { type: 'repository', id: '1296269' } (octo-org/hello-world) */
  target?: { type: string; id: string };
  /**
   * Break it after signing: `body` changes one character, `signature` signs with another secret, `unsigned` drops
   * both signature headers, `sha1-only` keeps only the legacy (correct) `X-Hub-Signature`.
   */
  tamper?: 'body' | 'signature' | 'unsigned' | 'sha1-only';
  /** @default 'POST' */
  method?: string;
  /** Extra request headers, set last (they may replace the signature headers). */
  headers?: Record<string, string>;
}

/** The legacy `X-Hub-Signature` (HMAC-SHA1) GitHub still sends beside the SHA-256 one. Mocks only: never verified. */
async function sha1Signature(secret: string, body: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey('raw', utf8Bytes(secret) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return `sha1=${bytesToHex(new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8Bytes(body))))}`;
}

function tamperedBody(body: string): string {
  const i = body.search(/[0-9]/);
  if (i >= 0) return `${body.slice(0, i)}${body[i] === '9' ? '8' : '9'}${body.slice(i + 1)}`;
  return `${body} `;
}

/** A web `Request` as GitHub would send it: `await fetch(await signedGitHubDelivery({...}))`, or pass it to `receiver.fetch`. */
export async function signedGitHubDelivery(options: SignedGitHubDeliveryOptions): Promise<Request> {
  const method = options.method ?? 'POST';
  const form = options.contentType === 'form';
  const typed = ['ping', 'issues', 'issue_comment', 'pull_request', 'push', 'release'].includes(options.event);
  const json = JSON.stringify(options.payload ?? (typed ? githubWebhookPayload(options.event as GitHubEvent) : {}));
  const body = options.body ?? (form ? new URLSearchParams({ payload: json }).toString() : json);
  const signature = await githubSignature256(options.tamper === 'signature' ? `${options.secret}-not` : options.secret, body);
  const target = options.target ?? { type: 'repository', id: '1296269' };
  const headers: Record<string, string> = {
    'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    'user-agent': 'GitHub-Hookshot/8a7f3e2',
    'x-github-event': options.event,
    'x-github-delivery': options.deliveryId ?? globalThis.crypto.randomUUID(),
    'x-github-hook-id': options.hookId ?? '4521930',
    'x-github-hook-installation-target-type': target.type,
    'x-github-hook-installation-target-id': target.id,
    ...(options.tamper === 'unsigned' ? {} : { 'x-hub-signature': await sha1Signature(options.secret, body) }),
    ...(options.tamper === 'unsigned' || options.tamper === 'sha1-only' ? {} : { 'x-hub-signature-256': signature }),
    ...options.headers,
  };
  const sent = options.tamper === 'body' ? tamperedBody(body) : body;
  return new Request(options.url, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: sent }) });
}
