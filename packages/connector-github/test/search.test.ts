import { afterEach, describe, expect, it } from 'vitest';
import type { SearchSplitCheckpoint } from '../src/index.js';
import { generateIssues, repository } from '../src/mocks/index.js';
import { harness, rejection, sent, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const Q = 'repo:octo-org/big';
/** 2,500 issues an hour apart from 2024-01-01: more than one search returns. */
const big = (count = 2_500, stepSeconds = 3_600) => ({
  repositories: [repository({ id: 5_000_001, owner: 'octo-org', name: 'big', issues: generateIssues({ count, stepSeconds, firstId: 7_000_000 }) })],
  rateLimit: { search: 10_000 },
});

describe('search.issues / search.repositories', () => {
  it('sends q, sort, order and per_page to /search/issues and follows its Link pages', async () => {
    h = await harness();
    const found = await h.github.search.issues('repo:octo-org/hello-world is:pr', { sort: 'created', order: 'asc', perPage: 5 }).toArray({ limit: 100 });
    expect(found.map((i) => i.number)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(found.every((i) => i.pull_request !== undefined)).toBe(true);
    expect(sent(h.server)).toEqual([
      ['GET', '/search/issues', { q: 'repo:octo-org/hello-world is:pr', sort: 'created', order: 'asc', per_page: '5' }],
      ['GET', '/search/issues', { q: 'repo:octo-org/hello-world is:pr', sort: 'created', order: 'asc', per_page: '5', page: '2' }],
      ['GET', '/search/issues', { q: 'repo:octo-org/hello-world is:pr', sort: 'created', order: 'asc', per_page: '5', page: '3' }],
    ]);
  });

  it('reads what GitHub returns for one query: the first 1,000, then stops (no page 11)', async () => {
    h = await harness({ mock: big() });
    const found = await h.github.search.issues(Q).toArray({ limit: 5_000 });
    expect(found).toHaveLength(1_000);
    expect(h.server.requests).toHaveLength(10);
  });

  it('search.repositories finds an organization\'s repositories', async () => {
    h = await harness();
    const repos = await h.github.search.repositories('org:octo-org', { sort: 'stars', order: 'desc' }).toArray({ limit: 10 });
    expect(repos.map((r) => r.name)).toEqual(['hello-world', 'docs', 'api-client', 'empty']);
    expect(sent(h.server)).toEqual([['GET', '/search/repositories', { q: 'org:octo-org', sort: 'stars', order: 'desc', per_page: '100' }]]);
  });

  it('refuses an empty query or an unknown sort before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.search.issues(''))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(() => h.github.search.repositories('x', { sort: 'created' } as never))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('search.allIssues: past the 1,000 cap by date ranges', () => {
  it('splits the query by created: until each range has at most 1,000 results, and reads every issue exactly once', async () => {
    h = await harness({ mock: big() });
    const ids: number[] = [];
    for await (const issue of h.github.search.allIssues(Q)) ids.push(issue.id);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    const queries = h.server.requests.map((r) => r.query.get('q') ?? '');
    expect(queries.every((q) => /^repo:octo-org\/big created:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00\.\.\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/.test(q))).toBe(true);
    expect(h.server.requests.every((r) => r.query.get('sort') === 'created' && r.query.get('order') === 'asc')).toBe(true);
    expect(h.server.requests.every((r) => Number(r.query.get('page') ?? '1') <= 10)).toBe(true);
  }, 20_000);

  it('resumes from any page checkpoint, splits included, with neither loss nor duplicate', async () => {
    h = await harness({ mock: big(1_300) });
    const pages: Array<{ ids: number[]; checkpoint: SearchSplitCheckpoint | null }> = [];
    for await (const page of h.github.search.allIssues(Q, { perPage: 100 }).pages()) pages.push({ ids: page.items.map((i) => i.id), checkpoint: page.checkpoint });
    const all = pages.flatMap((p) => p.ids);
    expect(new Set(all).size).toBe(1_300);
    for (const k of [0, 1, 3, Math.floor(pages.length / 2)]) {
      const before = pages.slice(0, k + 1).flatMap((p) => p.ids);
      const after = await h.github.search.allIssues(Q, { start: pages[k]?.checkpoint ?? { ranges: [] } }).toArray({ limit: 5_000 });
      expect([...before, ...after.map((i) => i.id)].sort()).toEqual([...all].sort());
    }
  }, 20_000);

  it('a range whose search timed out (incomplete_results) is split smaller until it answers in full', async () => {
    const wide = (q: string) => {
      const m = /created:(\S+)\.\.(\S+)/.exec(q);
      return m ? Date.parse(m[2] ?? '') - Date.parse(m[1] ?? '') > 40 * 86_400_000 : true;
    };
    h = await harness({ mock: { ...big(900), searchTimesOut: wide } });
    const found = await h.github.search.allIssues(Q, { from: '2024-01-01T00:00:00Z' }).toArray({ limit: 5_000 });
    expect(new Set(found.map((i) => i.id)).size).toBe(900);
    // Every range that answered with its results was narrow enough not to time out.
    expect(h.server.requests.some((r) => r.query.get('q')?.includes('2024-01-01T00:00:00+00:00..2026-01-01'))).toBe(true);
  }, 20_000);

  it('more than 1,000 results within one second cannot be split: UNSUPPORTED, saying to narrow the query', async () => {
    h = await harness({ mock: big(1_001, 0) });
    const error = await rejection(h.github.search.allIssues(Q, { from: '2024-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }).toArray({ limit: 5_000 }));
    expect(error).toMatchObject({ code: 'UNSUPPORTED', details: { totalCount: 1_001 } });
    expect(error.message).toMatch(/Narrow the query/);
  });

  it('refuses a query that already filters by the split date, before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.search.allIssues(`${Q} created:>2024-01-01`))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(() => h.github.search.allIssues(Q, { from: '2025-01-01', to: '2024-01-01' }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });

  it('search.allRepositories splits by created (or pushed) the same way', async () => {
    h = await harness();
    const repos = await h.github.search.allRepositories('org:octo-org', { by: 'pushed' }).toArray({ limit: 100 });
    expect(repos.map((r) => r.name).sort()).toEqual(['api-client', 'docs', 'empty', 'hello-world']);
    expect(h.server.requests[0]?.query.get('q')).toMatch(/^org:octo-org pushed:2008-01-01T00:00:00\+00:00\.\.2026-01-01T00:00:00\+00:00$/);
  });
});
