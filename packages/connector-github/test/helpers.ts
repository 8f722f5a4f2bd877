import { FakeClock, type ConnectorError } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { GitHubConnector, type GitHubConfig } from '../src/index.js';
import { createGitHubMock, type GitHubMock, type GitHubMockOptions } from '../src/mocks/index.js';

export const TOKEN = 'ghp_TEST0123456789abcdefghijklmnopqrstuv';

/** A connector error as tests inspect it (validation errors add `issues`). */
export type Failure = ConnectorError & { issues: Array<{ path: string; message: string }> };

export interface Harness {
  github: GitHubConnector;
  /** The time both the connector and the mock read (rate-limit windows, token expiry, retries). */
  clock: FakeClock;
  server: MockServer;
  mock: GitHubMock;
  /** Another connector on the same mock and clock. */
  connect(config?: Partial<GitHubConfig>): GitHubConnector;
  close(): Promise<void>;
}

/** A connector against a fresh mock GitHub on loopback, both on one FakeClock. */
export async function harness(options: { mock?: GitHubMockOptions; config?: Partial<GitHubConfig>; prefix?: string } = {}): Promise<Harness> {
  const clock = new FakeClock();
  const mock = createGitHubMock({ clock, ...options.mock });
  const server = await startMockServer(mock.handlers);
  const made: GitHubConnector[] = [];
  const connect = (config: Partial<GitHubConfig> = {}): GitHubConnector => {
    const { app, token, ...rest } = config;
    const auth = app ? { app } : { token: token ?? TOKEN };
    const connector = new GitHubConnector({ ...auth, baseUrl: `${server.baseUrl}${options.prefix ?? ''}`, clock, ...rest });
    made.push(connector);
    return connector;
  };
  const github = connect(options.config);
  return {
    github,
    clock,
    server,
    mock,
    connect,
    close: async () => {
      await Promise.all(made.map((c) => c.disconnect()));
      await server.close();
    },
  };
}

/** Expects the promise to reject and returns the error. */
export async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<Failure> {
  try {
    await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise);
  } catch (error) {
    return error as Failure;
  }
  throw new Error('expected a rejection, but the call resolved');
}

/** The requests the mock server saw, as `[method, path, query]`. */
export const sent = (server: MockServer): Array<[string, string, Record<string, string>]> =>
  server.requests.map((r) => [r.method, r.path, Object.fromEntries(r.query)]);
