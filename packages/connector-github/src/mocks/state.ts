import type { MockAccount, MockComment, MockIssue, MockRepository } from './dataset.js';
import { MockQuota, type MockClock, type MockRateLimitOptions } from './quota.js';

/** A GitHub App the mock knows: it verifies the app's JWTs and issues installation tokens. */
export interface MockAppOptions {
  /** The App ID (a number) the JWT's `iss` must name; the client ID is accepted too. */
  appId: number | string;
  /** The app's client ID, accepted as the JWT's `iss` too. */
  clientId?: string;
  /** The app's public key, PEM (SPKI, `BEGIN PUBLIC KEY`): the mock verifies the JWT's RS256 signature with it. */
  publicKey: string;
  /** Installation ids the app is installed on. */
  installations: number[];
  /** How long an installation token lives. @default 3600000 */
  tokenLifetimeMs?: number;
}

/** Options of `createGitHubMock`: the data, the tokens accepted, rate limits, clock, app and search behaviour. */
export interface GitHubMockOptions {
  /** The accounts; an account the data names but nobody declared is made up as a User. */
  accounts?: MockAccount[];
  /** The repositories served. @default none (`createGitHubMock` starts from `defaultRepositories()`) */
  repositories?: MockRepository[];
  /** Tokens the mock accepts; any bearer token when omitted (installation tokens it issued are always accepted until they expire). */
  tokens?: string[];
  /** Tokens that may read but not write: writes answer 403 with `x-accepted-github-permissions`. */
  readOnlyTokens?: string[];
  /** Primary rate limits (GitHub's defaults unless overridden). */
  rateLimit?: MockRateLimitOptions;
  /** The mock's time: pass the client's FakeClock. @default Date.now */
  clock?: MockClock;
  /** A GitHub App whose installation tokens the mock issues. */
  app?: MockAppOptions;
  /** Queries whose search "times out": GitHub then answers part of the matches with `incomplete_results: true`. */
  searchTimesOut?: (q: string) => boolean;
  /**
   * The origin `Link` URLs name when clients reach the mock through a proxy (a browser's CORS front).
   * @default the origin each request came to
   */
  publicOrigin?: string;
}

/** The state behind the handlers: accounts, repositories, tokens, quotas and counters, for tests to inspect and change. */
export class MockGitHub {
  /** Accounts by lower-cased login. */
  readonly accounts = new Map<string, MockAccount>();
  /** The repositories served; tests may add to them or change them. */
  readonly repositories: MockRepository[];
  /** The rate limits in force, with their counters. */
  readonly quota: MockQuota;
  /** The mock's time. */
  readonly clock: MockClock;
  /** The options it was built with. */
  readonly options: GitHubMockOptions;
  /** Installation tokens issued by `POST /app/installations/{id}/access_tokens`, with their expiry (epoch ms). */
  readonly installationTokens = new Map<string, number>();
  private requestCounter = 0;
  private nextId = 40_000_000;

  constructor(options: GitHubMockOptions) {
    this.options = options;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.quota = new MockQuota(options.rateLimit ?? {}, this.clock);
    for (const account of options.accounts ?? []) this.accounts.set(account.login.toLowerCase(), account);
    this.repositories = options.repositories ?? [];
  }

  /** An account by login; one the data names but nobody declared is a User with a stable id. */
  account(login: string): MockAccount {
    const found = this.accounts.get(login.toLowerCase());
    if (found) return found;
    let id = 0;
    for (const c of login) id = (id * 31 + c.charCodeAt(0)) % 90_000_000;
    const made: MockAccount = { login, id: 1_000_000 + id, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
    this.accounts.set(login.toLowerCase(), made);
    return made;
  }

  /** Repository lookup as GitHub does it: owner and name case-insensitively. */
  repository(owner: string, name: string): MockRepository | undefined {
    const o = owner.toLowerCase();
    const n = name.toLowerCase();
    return this.repositories.find((r) => r.owner.toLowerCase() === o && r.name.toLowerCase() === n);
  }

  /** The repository with this id, or undefined. */
  repositoryById(id: number): MockRepository | undefined {
    return this.repositories.find((r) => r.id === id);
  }

  /** Issue (or pull request) `number` of `repo`, or undefined. */
  issue(repo: MockRepository, number: number): MockIssue | undefined {
    return repo.issues.find((i) => i.number === number);
  }

  /** The comments on issue `number` of `repo`. */
  comments(repo: MockRepository, number: number): MockComment[] {
    return repo.comments.filter((c) => c.issueNumber === number);
  }

  /** A fresh database id for a created issue or comment. */
  newId(): number {
    return (this.nextId += 1);
  }

  /** `x-github-request-id`, shaped like GitHub's. */
  requestId(): string {
    this.requestCounter += 1;
    const n = this.requestCounter.toString(16).toUpperCase().padStart(4, '0');
    return `C0DE:${n}:1A2B3C:2D4E5F:6650B0C1`;
  }

  /** Whether a token is accepted: any when `tokens` is not given, else those listed and unexpired installation tokens. */
  accepts(token: string): 'ok' | 'expired' | 'unknown' {
    const expiry = this.installationTokens.get(token);
    if (expiry !== undefined) return this.clock.now() < expiry ? 'ok' : 'expired';
    if (this.options.tokens === undefined) return 'ok';
    return this.options.tokens.includes(token) ? 'ok' : 'unknown';
  }

  /** Whether a token may write (it is not one of `readOnlyTokens`). */
  canWrite(token: string): boolean {
    return !(this.options.readOnlyTokens ?? []).includes(token);
  }
}
