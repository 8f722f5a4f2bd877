import type { MockAccount, MockComment, MockCommit, MockIssue, MockRelease, MockRepository } from './dataset.js';

/**
 * GitHub's payloads rendered from the mock's data, in the shapes its OpenAPI description and docs examples give
 * (`simple-user`, `issue`, `pull-request`, `commit`, `release`, `repository`). URLs inside payloads name the real
 * hosts, as GitHub's do; only the `Link` header follows the host the request came to.
 */
const API = 'https://api.github.com';
const WEB = 'https://github.com';

const LABEL_COLORS: Record<string, string> = { bug: 'd73a4a', enhancement: 'a2eeef', documentation: '0075ca', 'good first issue': '7057ff', question: 'd876e3' };

export type AccountLookup = (login: string) => MockAccount;

export function userJson(account: MockAccount): Record<string, unknown> {
  return {
    login: account.login,
    id: account.id,
    node_id: `MDQ6VXNlcj${account.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    url: `${API}/users/${account.login}`,
    html_url: `${WEB}/${account.login}`,
    type: account.type,
    site_admin: false,
  };
}

function labelJson(name: string, index: number): Record<string, unknown> {
  return {
    id: 208_045_946 + index,
    node_id: `MDU6TGFiZWwyMDgwNDU5${index}`,
    url: `${API}/repos/labels/${encodeURIComponent(name)}`,
    name,
    color: LABEL_COLORS[name] ?? 'ededed',
    default: name in LABEL_COLORS,
    description: null,
  };
}

const labelIndex = (name: string): number => Object.keys(LABEL_COLORS).indexOf(name) + 1;

function milestoneJson(repo: MockRepository, number: number): Record<string, unknown> {
  return { url: `${API}/repos/${repo.owner}/${repo.name}/milestones/${number}`, id: 1_002_604 + number, number, title: `v${number}.0`, state: 'open', due_on: null };
}

export function issueJson(repo: MockRepository, issue: MockIssue, account: AccountLookup): Record<string, unknown> {
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  return {
    id: issue.id,
    node_id: `I_kwDO${issue.id}`,
    url: `${base}/issues/${issue.number}`,
    repository_url: base,
    labels_url: `${base}/issues/${issue.number}/labels{/name}`,
    comments_url: `${base}/issues/${issue.number}/comments`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(account(issue.user)),
    labels: issue.labels.map((l) => labelJson(l, labelIndex(l))),
    assignee: issue.assignees[0] ? userJson(account(issue.assignees[0])) : null,
    assignees: issue.assignees.map((a) => userJson(account(a))),
    milestone: issue.milestone === null ? null : milestoneJson(repo, issue.milestone),
    locked: false,
    active_lock_reason: null,
    comments: issue.comments,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${base}/pulls/${issue.number}`,
            html_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue.number}`,
            diff_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue.number}.diff`,
            patch_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue.number}.patch`,
            merged_at: issue.pull.mergedAt,
          },
          draft: issue.pull.draft,
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: issue.state === 'closed' ? userJson(account(issue.user)) : null,
    author_association: issue.user === repo.owner ? 'OWNER' : 'CONTRIBUTOR',
    reactions: { url: `${base}/issues/${issue.number}/reactions`, total_count: 0, '+1': 0, '-1': 0 },
  };
}

export function repositoryJson(repo: MockRepository, account: AccountLookup): Record<string, unknown> {
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  const open = repo.issues.filter((i) => i.state === 'open' && !i.deleted).length;
  return {
    id: repo.id,
    node_id: `R_kgDO${repo.id}`,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: userJson(account(repo.owner)),
    html_url: `${WEB}/${repo.owner}/${repo.name}`,
    description: repo.description,
    fork: repo.fork,
    url: base,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    default_branch: repo.defaultBranch,
    visibility: repo.private ? 'private' : 'public',
    archived: repo.archived,
    disabled: false,
    has_issues: repo.hasIssues,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    forks_count: 0,
    open_issues_count: open,
    topics: [],
  };
}

function branchJson(repo: MockRepository, ref: string, sha: string, account: AccountLookup): Record<string, unknown> {
  return { label: `${repo.owner}:${ref}`, ref, sha, user: userJson(account(repo.owner)), repo: { id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}` } };
}

/** `pull-request-simple` (list) or `pull-request` (get, with merge state and counts). */
export function pullJson(repo: MockRepository, issue: MockIssue, account: AccountLookup, full: boolean): Record<string, unknown> {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  const head = repo.commits.at(-1)?.sha ?? '6dcb09b5b57875f334f61aebed695e2e4193db5e';
  return {
    url: `${base}/pulls/${issue.number}`,
    id: pull.id,
    node_id: `PR_kwDO${pull.id}`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue.number}`,
    issue_url: `${base}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(account(issue.user)),
    body: issue.body,
    labels: issue.labels.map((l) => labelJson(l, labelIndex(l))),
    milestone: issue.milestone === null ? null : milestoneJson(repo, issue.milestone),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergedAt ? head : null,
    assignees: issue.assignees.map((a) => userJson(account(a))),
    requested_reviewers: [],
    draft: pull.draft,
    head: branchJson(repo, pull.head, head, account),
    base: branchJson(repo, pull.base, head, account),
    author_association: 'CONTRIBUTOR',
    ...(full
      ? {
          merged: pull.mergedAt !== null,
          mergeable: issue.state === 'open' ? true : null,
          comments: issue.comments,
          review_comments: 0,
          commits: pull.files.length,
          additions: pull.files.reduce((n, f) => n + f.additions, 0),
          deletions: pull.files.reduce((n, f) => n + f.deletions, 0),
          changed_files: pull.files.length,
        }
      : {}),
  };
}

export function pullFileJson(repo: MockRepository, file: NonNullable<MockIssue['pull']>['files'][number], index: number): Record<string, unknown> {
  const sha = repo.commits.at(-1)?.sha ?? 'bbcd538c8e72b8c175046e27cc8f907076331401';
  return {
    sha: `${sha.slice(0, 36)}${String(index).padStart(4, '0')}`,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${WEB}/${repo.owner}/${repo.name}/blob/${sha}/${file.filename}`,
    raw_url: `${WEB}/${repo.owner}/${repo.name}/raw/${sha}/${file.filename}`,
    contents_url: `${API}/repos/${repo.owner}/${repo.name}/contents/${file.filename}?ref=${sha}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
  };
}

export function reviewJson(repo: MockRepository, issue: MockIssue, review: NonNullable<MockIssue['pull']>['reviews'][number], account: AccountLookup): Record<string, unknown> {
  return {
    id: review.id,
    node_id: `PRR_kwDO${review.id}`,
    user: userJson(account(review.user)),
    body: review.body,
    state: review.state,
    html_url: `${WEB}/${repo.owner}/${repo.name}/pull/${issue.number}#pullrequestreview-${review.id}`,
    pull_request_url: `${API}/repos/${repo.owner}/${repo.name}/pulls/${issue.number}`,
    author_association: 'COLLABORATOR',
    submitted_at: review.submittedAt,
    commit_id: repo.commits.at(-1)?.sha ?? null,
  };
}

export function commentJson(repo: MockRepository, comment: MockComment, account: AccountLookup): Record<string, unknown> {
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  return {
    id: comment.id,
    node_id: `IC_kwDO${comment.id}`,
    url: `${base}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(account(comment.user)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${base}/issues/${comment.issueNumber}`,
    author_association: 'CONTRIBUTOR',
  };
}

export function commitJson(repo: MockRepository, commit: MockCommit, account: AccountLookup): Record<string, unknown> {
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  const person = (p: MockCommit['author']) => ({ name: p.name, email: p.email, date: p.date });
  return {
    sha: commit.sha,
    node_id: `C_kwDO${commit.sha.slice(0, 12)}`,
    url: `${base}/commits/${commit.sha}`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    comments_url: `${base}/commits/${commit.sha}/comments`,
    commit: {
      url: `${base}/git/commits/${commit.sha}`,
      author: person(commit.author),
      committer: person(commit.committer),
      message: commit.message,
      tree: { url: `${base}/git/trees/${commit.sha}`, sha: commit.sha },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: commit.author.login ? userJson(account(commit.author.login)) : null,
    committer: commit.committer.login ? userJson(account(commit.committer.login)) : null,
    parents: commit.parents.map((sha) => ({ url: `${base}/commits/${sha}`, sha })),
  };
}

export function releaseJson(repo: MockRepository, release: MockRelease, account: AccountLookup): Record<string, unknown> {
  const base = `${API}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/releases/${release.id}`,
    html_url: `${WEB}/${repo.owner}/${repo.name}/releases/tag/${release.tagName}`,
    assets_url: `${base}/releases/${release.id}/assets`,
    upload_url: `https://uploads.github.com/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${base}/tarball/${release.tagName}`,
    zipball_url: release.draft ? null : `${base}/zipball/${release.tagName}`,
    id: release.id,
    node_id: `RE_kwDO${release.id}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: userJson(account(release.author)),
    assets: release.draft
      ? []
      : [
          {
            url: `${base}/releases/assets/${release.id + 1}`,
            browser_download_url: `${WEB}/${repo.owner}/${repo.name}/releases/download/${release.tagName}/app.zip`,
            id: release.id + 1,
            node_id: `RA_kwDO${release.id + 1}`,
            name: 'app.zip',
            label: '',
            state: 'uploaded',
            content_type: 'application/zip',
            size: 1024 * (release.id % 97),
            download_count: release.id % 1000,
            created_at: release.createdAt,
            updated_at: release.createdAt,
            uploader: userJson(account(release.author)),
          },
        ],
  };
}
