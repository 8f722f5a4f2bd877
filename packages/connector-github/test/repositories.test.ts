import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/index.js';
import { harness, rejection, sent, TOKEN, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

describe('repositories.get', () => {
  it('sends GET /repos/{owner}/{repo} with the token, media type, API version and User-Agent; returns the typed repository', async () => {
    h = await harness();
    const repo = await h.github.repositories.get('octo-org', 'hello-world');
    expect(repo).toMatchObject({ id: 1_296_269, name: 'hello-world', full_name: 'octo-org/hello-world', private: false, default_branch: 'main', owner: { login: 'octo-org', type: 'Organization' } });
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world', {}]]);
    const [request] = h.server.requests;
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': API_VERSION,
      'user-agent': expect.stringMatching(/^@cf\/connector-github\/\d+\.\d+\.\d+$/) as unknown,
    });
  });

  it('keeps a GitHub Enterprise Server path prefix (/api/v3)', async () => {
    h = await harness({ prefix: '/api/v3' });
    await h.github.repositories.get('octo-org', 'docs');
    expect(sent(h.server)).toEqual([['GET', '/api/v3/repos/octo-org/docs', {}]]);
  });

  it('is NOT_FOUND for a repository that does not exist, with advice about private repositories', async () => {
    h = await harness();
    const error = await rejection(h.github.repositories.get('octo-org', 'nope'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, retryable: false, details: { apiRequestId: expect.stringMatching(/^C0DE:/) as unknown } });
    expect(error.message).toMatch(/private repository the token cannot see/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('refuses a malformed owner or repository name before the network (VALIDATION_ERROR naming it)', async () => {
    h = await harness();
    for (const [owner, repo, field] of [
      ['octo org', 'x', 'owner'],
      ['-octo', 'x', 'owner'],
      ['octo-org', 'a/b', 'repo'],
      ['octo-org', '..', 'repo'],
      ['octo-org', 'x'.repeat(101), 'repo'],
    ] as const) {
      const error = await rejection(() => h.github.repositories.get(owner, repo));
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.issues.map((i) => i.path)).toEqual([field]);
    }
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('repositories.listForOrg / listForUser', () => {
  it("follows GitHub's Link headers (/organizations/{id}/repos?page=2) page by page, with the query kept", async () => {
    h = await harness();
    const pages = [];
    for await (const page of h.github.repositories.listForOrg('octo-org', { perPage: 2, sort: 'full_name', direction: 'asc' }).pages()) pages.push(page);
    expect(pages.map((p) => p.items.map((r) => r.name))).toEqual([['api-client', 'docs'], ['empty', 'hello-world']]);
    expect(pages[0]?.checkpoint).toMatch(/\/organizations\/9919\/repos\?.*page=2/);
    expect(pages[1]).toMatchObject({ checkpoint: null, hasMore: false });
    expect(sent(h.server)).toEqual([
      ['GET', '/orgs/octo-org/repos', { sort: 'full_name', direction: 'asc', per_page: '2' }],
      ['GET', '/organizations/9919/repos', { sort: 'full_name', direction: 'asc', per_page: '2', page: '2' }],
    ]);
    // Every page carries the credentials: the Link URL is on the API's origin.
    expect(h.server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('resumes from a page checkpoint (the next URL)', async () => {
    h = await harness();
    const first = await h.github.repositories.listForOrg('octo-org', { perPage: 2 }).pages().next();
    const checkpoint = first.value?.checkpoint ?? undefined;
    const rest = await h.github.repositories.listForOrg('octo-org', { perPage: 2, start: checkpoint ?? '' }).toArray({ limit: 10 });
    expect(rest).toHaveLength(2);
    expect(h.server.requests.at(-1)?.path).toBe('/organizations/9919/repos');
  });

  it("lists a user's repositories through /user/{id}/repos links", async () => {
    h = await harness();
    const repos = await h.github.repositories.listForUser('octocat', { type: 'owner', perPage: 1 }).toArray({ limit: 10 });
    expect(repos.map((r) => r.full_name)).toEqual(['octocat/Spoon-Knife']);
    expect(sent(h.server)).toEqual([['GET', '/users/octocat/repos', { type: 'owner', per_page: '1' }]]);
  });

  it('refuses a page size over 100 and an unknown option before the network', async () => {
    h = await harness();
    const big = await rejection(() => h.github.repositories.listForOrg('octo-org', { perPage: 101 }));
    expect(big).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(big.issues[0]).toMatchObject({ path: 'perPage', message: expect.stringMatching(/at most 100/) as unknown });
    const unknown = await rejection(() => h.github.repositories.listForUser('octocat', { type: 'sources' } as never));
    expect(unknown.code).toBe('VALIDATION_ERROR');
    expect(h.server.requests).toHaveLength(0);
  });
});
