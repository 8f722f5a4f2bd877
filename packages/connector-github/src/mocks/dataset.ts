/**
 * The mock's data: accounts, repositories and what they hold, in the fields GitHub's payloads are rendered from
 * (see `render.ts`). Generators build repositories of any size (a 5,000-issue repository for a rate-limit test),
 * deterministic for a given seed of parameters.
 */

export interface MockAccount {
  /** The account's login (`octocat`). */
  login: string;
  /** The account's numeric id. */
  id: number;
  /** What the account is. */
  type: 'User' | 'Organization' | 'Bot';
}

/** The pull-request side of an issue that is one. */
export interface MockPullRequest {
  /** The pull request's own id (the issue it is has another). */
  id: number;
  /** The head branch. */
  head: string;
  /** The base branch. */
  base: string;
  /** Whether it is a draft. */
  draft: boolean;
  /** When it was merged (ISO 8601), or null. */
  mergedAt: string | null;
  /** The files it changes, with their status and line counts. */
  files: Array<{ filename: string; status: string; additions: number; deletions: number; patch?: string }>;
  /** Its reviews, oldest first. */
  reviews: Array<{ id: number; user: string; state: string; body: string; submittedAt: string }>;
}

/** An issue (or pull request) as the mock stores it; GitHub's JSON is rendered from it. */
export interface MockIssue {
  /** The issue's global id. */
  id: number;
  /** Its number in the repository. */
  number: number;
  /** Its title. */
  title: string;
  /** Its body (Markdown), or null. */
  body: string | null;
  /** Open or closed. */
  state: 'open' | 'closed';
  /** Why it was closed (`completed`, `not_planned`), or null. */
  stateReason: string | null;
  /** The author's login. */
  user: string;
  /** Label names. */
  labels: string[];
  /** Assignees' logins. */
  assignees: string[];
  /** The milestone's number, or null. */
  milestone: number | null;
  /** How many comments it has. */
  comments: number;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last update, ISO 8601 (what `since` filters on). */
  updatedAt: string;
  /** When it was closed, or null. */
  closedAt: string | null;
  /** Present on a pull request (GitHub's issues endpoints return those too). */
  pull?: MockPullRequest;
  /** A deleted issue answers 410. */
  deleted?: boolean;
}

/** An issue comment as the mock stores it. */
export interface MockComment {
  /** The comment's id. */
  id: number;
  /** The number of the issue it is on. */
  issueNumber: number;
  /** The author's login. */
  user: string;
  /** Its body (Markdown). */
  body: string;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last edit, ISO 8601. */
  updatedAt: string;
}

/** A commit as the mock stores it. */
export interface MockCommit {
  /** Its SHA (40 hex characters). */
  sha: string;
  /** The commit message. */
  message: string;
  /** Who wrote it, when (ISO 8601), and their GitHub login (null for an unknown e-mail). */
  author: { name: string; email: string; date: string; login: string | null };
  /** Who committed it, when (what `since`/`until` filter on), and their login. */
  committer: { name: string; email: string; date: string; login: string | null };
  /** Parent SHAs. */
  parents: string[];
  /** Branches the commit is on (the `sha` filter). */
  branches: string[];
  /** Paths it touches (the `path` filter). */
  paths: string[];
}

/** A release as the mock stores it. */
export interface MockRelease {
  /** The release's id. */
  id: number;
  /** Its tag. */
  tagName: string;
  /** Its title, or null. */
  name: string | null;
  /** Its notes (Markdown), or null. */
  body: string | null;
  /** Whether it is a draft. */
  draft: boolean;
  /** Whether it is marked as a pre-release. */
  prerelease: boolean;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Publication time, or null for a draft. */
  publishedAt: string | null;
  /** The author's login. */
  author: string;
  /** The branch or commit the tag points at. */
  targetCommitish: string;
}

/** A repository as the mock stores it, with its issues, comments, commits and releases. */
export interface MockRepository {
  /** The repository's id. */
  id: number;
  /** The owner's login. */
  owner: string;
  /** The repository's name. */
  name: string;
  /** Whether it is private. */
  private: boolean;
  /** Its description, or null. */
  description: string | null;
  /** The default branch (`main`). */
  defaultBranch: string;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Last update, ISO 8601. */
  updatedAt: string;
  /** Last push, ISO 8601. */
  pushedAt: string;
  /** Whether it is a fork. */
  fork: boolean;
  /** Whether it is archived. */
  archived: boolean;
  /** Its stargazer count. */
  stars: number;
  /** False: issues are turned off (410 on the issues endpoints). */
  hasIssues: boolean;
  /** Its issues and pull requests, by number. */
  issues: MockIssue[];
  /** Its issue comments. */
  comments: MockComment[];
  /** Its commits, oldest first. */
  commits: MockCommit[];
  /** Its releases. */
  releases: MockRelease[];
}

const MS_PER_S = 1000;
export const iso = (ms: number): string => new Date(Math.floor(ms / MS_PER_S) * MS_PER_S).toISOString().replace('.000Z', 'Z');

const LABELS = ['bug', 'enhancement', 'documentation', 'good first issue', 'question'];
const USERS = ['octocat', 'hubot', 'monalisa', 'mona-bot'];
const WORDS = ['Crash', 'Fix', 'Support', 'Docs', 'Add', 'Improve', 'Remove', 'Refactor', 'Handle', 'Update'];
const TOPICS = ['login page', 'rate limits', 'pagination', 'the README', 'Windows paths', 'webhooks', 'timeouts', 'dark mode', 'search', 'unicode'];

/** Options of `generateIssues`: how many, their timestamps, ties and pull requests. */
export interface IssueGeneratorOptions {
  /** How many issues to generate. */
  count: number;
  /** The first issue's created_at. @default '2024-01-01T00:00:00Z' */
  start?: string;
  /** Seconds between consecutive issues' timestamps. @default 3600 */
  stepSeconds?: number;
  /** Every n-th run of issues shares one updated_at (ties, as a bulk label change makes): a run of `tieRun` issues. @default 7 */
  tieEvery?: number;
  /** How many issues share the timestamp in a tie. @default 3 */
  tieRun?: number;
  /** Every n-th issue is a pull request. @default 5; 0 for none */
  pullRequestEvery?: number;
  /** The first issue's id (global across repositories). @default 100000 */
  firstId?: number;
  /** The first number. @default 1 */
  firstNumber?: number;
}

/**
 * `count` issues, numbered from 1, created `stepSeconds` apart; each updated some hours after it was created,
 * runs of `tieRun` sharing one `updated_at`; every `pullRequestEvery`-th a pull request; a third of them closed.
 */
export function generateIssues(options: IssueGeneratorOptions): MockIssue[] {
  const start = Date.parse(options.start ?? '2024-01-01T00:00:00Z');
  const step = (options.stepSeconds ?? 3600) * MS_PER_S;
  const tieEvery = options.tieEvery ?? 7;
  const tieRun = options.tieRun ?? 3;
  const prEvery = options.pullRequestEvery ?? 5;
  const firstId = options.firstId ?? 100_000;
  const firstNumber = options.firstNumber ?? 1;
  const out: MockIssue[] = [];
  let tieAt: number | undefined;
  let tieLeft = 0;
  for (let i = 0; i < options.count; i += 1) {
    const created = start + i * step;
    // Later than every issue of its tie run was created.
    let updated = created + ((i * 7) % 48) * 3_600_000 + tieRun * step;
    if (tieLeft > 0 && tieAt !== undefined) {
      updated = tieAt;
      tieLeft -= 1;
    } else if (tieEvery > 0 && i % tieEvery === 0 && tieRun > 1) {
      tieAt = updated;
      tieLeft = tieRun - 1;
    }
    const number = firstNumber + i;
    const closed = i % 3 === 2;
    const isPull = prEvery > 0 && i % prEvery === prEvery - 1;
    const user = USERS[i % USERS.length] ?? 'octocat';
    out.push({
      id: firstId + i,
      number,
      title: `${WORDS[i % WORDS.length] ?? 'Fix'} ${TOPICS[(i * 3) % TOPICS.length] ?? 'it'} (#${number})`,
      body: i % 11 === 0 ? null : `Steps to reproduce, seen in release 1.${i % 9}.`,
      state: closed ? 'closed' : 'open',
      stateReason: closed ? 'completed' : null,
      user,
      labels: i % 4 === 0 ? [] : [LABELS[i % LABELS.length] ?? 'bug', ...(i % 6 === 1 ? ['bug'] : [])].filter((l, k, all) => all.indexOf(l) === k),
      assignees: i % 5 === 0 ? [USERS[(i + 1) % USERS.length] ?? 'hubot'] : [],
      milestone: i % 10 === 0 ? 1 : null,
      comments: i % 4,
      createdAt: iso(created),
      updatedAt: iso(updated),
      closedAt: closed ? iso(updated) : null,
      ...(isPull
        ? {
            pull: {
              id: 500_000 + firstId + i,
              head: `feature-${number}`,
              base: 'main',
              draft: i % 15 === 4,
              mergedAt: closed ? iso(updated) : null,
              files: [
                { filename: `src/module-${i % 7}.ts`, status: 'modified', additions: 10 + (i % 13), deletions: i % 5, patch: '@@ -1,3 +1,4 @@\n+// changed' },
                { filename: `test/module-${i % 7}.test.ts`, status: i % 2 === 0 ? 'added' : 'modified', additions: 20, deletions: 0 },
              ],
              reviews: [
                { id: 800_000 + firstId + i, user: 'monalisa', state: closed ? 'APPROVED' : 'COMMENTED', body: closed ? 'Looks good.' : 'A question inline.', submittedAt: iso(updated - 600_000) },
              ],
            },
          }
        : {}),
    });
  }
  return out;
}

/** Comments on the issues that have some (`issue.comments` of them each), an hour apart after the issue was created. */
export function generateComments(issues: readonly MockIssue[], firstId = 9_000_000): MockComment[] {
  const out: MockComment[] = [];
  let id = firstId;
  for (const issue of issues) {
    for (let k = 0; k < issue.comments; k += 1) {
      const at = iso(Date.parse(issue.createdAt) + (k + 1) * 3_600_000);
      out.push({ id: (id += 1), issueNumber: issue.number, user: USERS[(issue.number + k) % USERS.length] ?? 'octocat', body: `Comment ${k + 1} on #${issue.number}.`, createdAt: at, updatedAt: at });
    }
  }
  return out;
}

/** A 40-hex-digit SHA derived from a number (stable, distinct). */
export function shaOf(n: number): string {
  let out = '';
  let x = (n + 1) * 2_654_435_761;
  for (let i = 0; i < 40; i += 1) {
    x = (Math.imul(x ^ (x >>> 15), 2_246_822_519) + i) >>> 0;
    out += (x % 16).toString(16);
  }
  return out;
}

/** Options of `generateCommits`: how many, their dates, ties and branch. */
export interface CommitGeneratorOptions {
  /** How many commits to generate. */
  count: number;
  /** The oldest commit's date. @default '2024-01-01T00:00:00Z' */
  start?: string;
  /** Seconds between commits. @default 1800 */
  stepSeconds?: number;
  /** Every n-th pair of commits shares one commit date (a rebase does that). @default 9 */
  tieEvery?: number;
  /** The branch they are on. @default 'main' */
  branch?: string;
  /** Offset for distinct SHAs across repositories. @default 0 */
  seed?: number;
}

/** `count` commits on one branch, a chain oldest to newest (returned oldest first). */
export function generateCommits(options: CommitGeneratorOptions): MockCommit[] {
  const start = Date.parse(options.start ?? '2024-01-01T00:00:00Z');
  const step = (options.stepSeconds ?? 1800) * MS_PER_S;
  const tieEvery = options.tieEvery ?? 9;
  const seed = options.seed ?? 0;
  const branch = options.branch ?? 'main';
  const out: MockCommit[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const tied = tieEvery > 0 && i % tieEvery === 1;
    const date = iso(start + (tied ? i - 1 : i) * step);
    const login = USERS[i % USERS.length] ?? 'octocat';
    const person = { name: login === 'octocat' ? 'The Octocat' : login, email: `${login}@users.noreply.github.com`, date, login };
    out.push({
      sha: shaOf(seed * 1_000_000 + i),
      message: `${WORDS[(i * 3) % WORDS.length] ?? 'Fix'} ${TOPICS[i % TOPICS.length] ?? 'it'}`,
      author: person,
      committer: { ...person, ...(i % 10 === 3 ? { name: 'GitHub', email: 'noreply@github.com', login: 'web-flow' } : {}) },
      parents: i === 0 ? [] : [shaOf(seed * 1_000_000 + i - 1)],
      branches: [branch],
      paths: [`src/module-${i % 7}.ts`, ...(i % 4 === 0 ? ['README.md'] : [])],
    });
  }
  return out;
}

/** `count` releases v1.0.0…, a month apart; the newest is a draft and the one before a prerelease. */
export function generateReleases(count: number, options: { start?: string; firstId?: number; author?: string } = {}): MockRelease[] {
  const start = Date.parse(options.start ?? '2024-01-15T12:00:00Z');
  const firstId = options.firstId ?? 70_000_000;
  const out: MockRelease[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = iso(start + i * 30 * 86_400_000);
    const draft = i === count - 1 && count > 2;
    const prerelease = i === count - 2 && count > 2;
    const tag = `v1.${i}.0${prerelease ? '-rc.1' : ''}`;
    out.push({
      id: firstId + i,
      tagName: tag,
      name: i % 5 === 3 ? null : `Release ${tag}`,
      body: `Changes in ${tag}.`,
      draft,
      prerelease,
      createdAt: created,
      publishedAt: draft ? null : created,
      author: options.author ?? 'octocat',
      targetCommitish: 'main',
    });
  }
  return out;
}

/** Options of `repository`: its identity and what it holds; the rest is derived (dates from the content). */
export interface RepositoryOptions {
  /** The repository's id. */
  id: number;
  /** The owner's login. */
  owner: string;
  /** The repository's name. */
  name: string;
  /** Its description. @default 'The <name> repository.' */
  description?: string | null;
  /** Whether it is private. @default false */
  private?: boolean;
  /** Its issues (comments are generated for them). @default none */
  issues?: MockIssue[];
  /** Its commits, oldest first. @default none */
  commits?: MockCommit[];
  /** Its releases. @default none */
  releases?: MockRelease[];
  /** False turns issues off (410 on the issues endpoints). @default true */
  hasIssues?: boolean;
  /** Creation time. @default '2023-06-01T09:00:00Z' */
  createdAt?: string;
  /** Stargazer count. @default 0 */
  stars?: number;
}

/** A repository with its issues (and their comments), commits and releases. */
export function repository(options: RepositoryOptions): MockRepository {
  const issues = options.issues ?? [];
  const commits = options.commits ?? [];
  const latest = [...issues.map((i) => i.updatedAt), ...commits.map((c) => c.committer.date)].sort().at(-1);
  const createdAt = options.createdAt ?? '2023-06-01T09:00:00Z';
  return {
    id: options.id,
    owner: options.owner,
    name: options.name,
    private: options.private ?? false,
    description: options.description === undefined ? `The ${options.name} repository.` : options.description,
    defaultBranch: 'main',
    createdAt,
    updatedAt: latest ?? createdAt,
    pushedAt: commits.at(-1)?.committer.date ?? createdAt,
    fork: false,
    archived: false,
    stars: options.stars ?? 0,
    hasIssues: options.hasIssues ?? true,
    issues,
    comments: generateComments(issues, 9_000_000 + options.id * 1000),
    commits,
    releases: options.releases ?? [],
  };
}
