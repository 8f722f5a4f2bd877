import { FakeClock } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubMock, generateIssues, repository, type GitHubMock, type GitHubMockOptions } from '../src/mocks/index.js';

let server: MockServer;
let mock: GitHubMock;
const clock = new FakeClock();
afterEach(async () => server.close());

async function serve(options: GitHubMockOptions = {}): Promise<void> {
  mock = createGitHubMock({ clock, ...options });
  server = await startMockServer(mock.handlers);
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers: { authorization: 'Bearer ghp_x', ...headers } });
const big = { repositories: [repository({ id: 77, owner: 'octo-org', name: 'big', issues: generateIssues({ count: 1_200, firstId: 5_000_000 }) })] };

describe('the mock answers as GitHub does', () => {
  it('per_page over 100 is clamped to 100; Link URLs are absolute, in the /repositories/{id}/… form, on the same host and prefix', async () => {
    await serve(big);
    const res = await get('/api/v3/repos/octo-org/big/issues?state=all&per_page=500');
    expect(((await res.json()) as unknown[]).length).toBe(100);
    const link = res.headers.get('link') ?? '';
    expect(link).toContain(`<${server.baseUrl}/api/v3/repositories/77/issues?state=all&per_page=500&page=2>; rel="next"`);
    expect(link).toContain('page=12>; rel="last"');
  });

  it('sends x-ratelimit-* on every answer, errors included; refuses past the quota with 403 (or 429) and remaining 0, no retry-after', async () => {
    await serve({ rateLimit: { core: 2 } });
    const notFound = await get('/repos/octo-org/nope');
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    expect(notFound.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(notFound.headers.get('x-github-request-id')).toMatch(/^C0DE:/);
    await get('/repos/octo-org/hello-world');
    const limited = await get('/repos/octo-org/hello-world');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((clock.now() + 3_600_000) / 1000));
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(((await limited.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for user ID 1\./);
    await server.close();
    await serve({ rateLimit: { core: 0 + 1, status: 429 } });
    await get('/repos/octo-org/hello-world');
    expect((await get('/repos/octo-org/hello-world')).status).toBe(429);
  });

  it('an ETag on every 200 GET; If-None-Match answers 304 without a body and without counting', async () => {
    await serve();
    const first = await get('/repos/octo-org/hello-world');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await get('/repos/octo-org/hello-world', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('x-ratelimit-used')).toBe('1');
    expect(mock.github.quota.stats).toMatchObject({ counted: 1, notModified: 1 });
  });

  it('a secondary limit is a 403 with its message, with retry-after when asked', async () => {
    await serve();
    mock.github.quota.secondaryLimit({ retryAfter: 60 });
    const res = await get('/repos/octo-org/hello-world');
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('5000');
    expect(((await res.json()) as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);
  });

  it('search: total_count is the full count, pages past 1,000 results are a 422, incomplete_results when it times out', async () => {
    await serve({ ...big, searchTimesOut: (q) => q.includes('slow') });
    const page10 = await get('/search/issues?q=repo:octo-org/big&per_page=100&page=10');
    const body = (await page10.json()) as { total_count: number; incomplete_results: boolean; items: unknown[] };
    expect([body.total_count, body.incomplete_results, body.items.length]).toEqual([1_200, false, 100]);
    expect(page10.headers.get('link')).not.toContain('rel="next"');
    expect(page10.headers.get('x-ratelimit-resource')).toBe('search');
    const page11 = await get('/search/issues?q=repo:octo-org/big&per_page=100&page=11');
    expect(page11.status).toBe(422);
    expect(((await page11.json()) as { message: string }).message).toBe('Only the first 1000 search results are available');
    const slow = (await (await get('/search/issues?q=repo:octo-org/big+slow')).json()) as { incomplete_results: boolean };
    expect(slow.incomplete_results).toBe(true);
  });

  it("422 names the field: { message, errors: [{ resource, field, code }], documentation_url }", async () => {
    await serve();
    const res = await fetch(`${server.baseUrl}/repos/octo-org/hello-world/issues`, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{"body":"no title"}' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422',
    });
  });

  it('refuses malformed names (an encoded slash, "..") with 404, and a request without credentials or with an unknown token with 401', async () => {
    await serve({ tokens: ['ghp_x'] });
    for (const path of ['/repos/octo-org/a%2Fb', '/repos/octo-org/..%2E', '/repos/-octo/x', '/repos/octo-org/hello%20world']) {
      const res = await get(path);
      // Answered by the mock (its request id), as GitHub answers: a name it cannot have is Not Found.
      expect([path, res.status, res.headers.get('x-github-request-id') !== null]).toEqual([path, 404, true]);
    }
    expect((await fetch(`${server.baseUrl}/repos/octo-org/hello-world`)).status).toBe(401);
    const bad = await get('/repos/octo-org/hello-world', { authorization: 'Bearer ghp_nope' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { message: string }).message).toBe('Bad credentials');
  });
});
