import { generateCommits, generateIssues, generateReleases, repository, type MockAccount, type MockRepository } from './dataset.js';

/** The accounts of the default data: an organization and four users (issue authors, assignees, reviewers). */
export function defaultAccounts(): MockAccount[] {
  return [
    { login: 'octo-org', id: 9_919, type: 'Organization' },
    { login: 'octocat', id: 583_231, type: 'User' },
    { login: 'hubot', id: 1_143_301, type: 'User' },
    { login: 'monalisa', id: 2_918_581, type: 'User' },
    { login: 'mona-bot', id: 7_654_321, type: 'User' },
  ];
}

/** Options of `defaultRepositories`: the sizes of the default repositories' contents. */
export interface DefaultDataOptions {
  /** Issues (a fifth of them pull requests) in octo-org/hello-world. @default 60 */
  issues?: number;
  /** Commits on its main branch. @default 80 */
  commits?: number;
  /** Releases. @default 5 */
  releases?: number;
}

/**
 * The default data: `octo-org/hello-world` (issues with ties on `updated_at`, pull requests with files and
 * reviews, commits, releases), `octo-org/docs`, `octo-org/api-client` (issues turned off: 410),
 * `octo-org/empty` (no commits: 409) and `octocat/Spoon-Knife`. Dates lie in 2024-2025.
 */
export function defaultRepositories(options: DefaultDataOptions = {}): MockRepository[] {
  return [
    repository({
      id: 1_296_269,
      owner: 'octo-org',
      name: 'hello-world',
      description: 'My first repository on GitHub!',
      stars: 1_800,
      issues: generateIssues({ count: options.issues ?? 60, firstId: 1_000_000 }),
      commits: generateCommits({ count: options.commits ?? 80, seed: 1 }),
      releases: generateReleases(options.releases ?? 5),
    }),
    repository({
      id: 1_296_270,
      owner: 'octo-org',
      name: 'docs',
      description: 'Documentation for the octo-org projects.',
      stars: 120,
      issues: generateIssues({ count: 12, firstId: 2_000_000, start: '2024-03-01T08:00:00Z', pullRequestEvery: 4 }),
      commits: generateCommits({ count: 15, seed: 2, start: '2024-03-01T08:00:00Z' }),
      releases: generateReleases(2, { firstId: 71_000_000 }),
      createdAt: '2023-08-10T12:00:00Z',
    }),
    repository({
      id: 1_296_271,
      owner: 'octo-org',
      name: 'api-client',
      description: 'A client for the octo-org API.',
      stars: 45,
      hasIssues: false,
      commits: generateCommits({ count: 6, seed: 3, start: '2024-05-01T10:00:00Z' }),
      createdAt: '2024-04-20T15:30:00Z',
    }),
    repository({ id: 1_296_272, owner: 'octo-org', name: 'empty', description: null, createdAt: '2025-01-05T09:00:00Z' }),
    repository({
      id: 1_300_192,
      owner: 'octocat',
      name: 'Spoon-Knife',
      description: 'This repo is for demonstration purposes only.',
      stars: 12_000,
      issues: generateIssues({ count: 5, firstId: 3_000_000, start: '2024-02-01T00:00:00Z', pullRequestEvery: 0 }),
      commits: generateCommits({ count: 3, seed: 4, start: '2024-02-01T00:00:00Z' }),
      releases: generateReleases(1, { firstId: 72_000_000 }),
      createdAt: '2014-02-03T19:00:00Z',
    }),
  ];
}
