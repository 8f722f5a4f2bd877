import { afterEach, describe, expect, it } from 'vitest';
import { generateIssues, repository } from '../src/mocks/index.js';
import { harness, rejection, TOKEN, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';
const HOUR = 3_600_000;

/** A 5,000-issue repository behind a quota of 60 requests per hour (GitHub's unauthenticated quota). */
const bigRepo = (status: 403 | 429 = 403) => ({
  repositories: [repository({ id: 1_296_269, owner: O, name: R, issues: generateIssues({ count: 5_000, tieRun: 4, tieEvery: 6, stepSeconds: 600 }) })],
  rateLimit: { core: 60, coreWindowMs: HOUR, status },
});

async function extract(perPage: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const issue of h.github.issues.changedSince(O, R, null, { perPage })) ids.push(issue.id);
  return ids;
}

describe('the primary rate limit: wait for the reset, never fail a long extract', () => {
  it('a 5,000-issue extract at 60 requests per window waits for each reset instead of failing, and reads every issue exactly once', async () => {
    h = await harness({ mock: bigRepo(), config: { maxRateLimitWaitMs: HOUR } });
    const t0 = h.clock.now();
    const ids = await extract(30);
    expect(ids).toHaveLength(5_000);
    expect(new Set(ids).size).toBe(5_000);
    const requests = h.server.requests.length;
    expect(requests).toBeGreaterThan(120);
    // The connector learned the quota from x-ratelimit-* and waited for the resets itself: GitHub never had to refuse.
    expect(h.mock.github.quota.stats.rejected.primary).toBe(0);
    const resets = Math.floor((requests - 1) / 60);
    expect(h.clock.sleeps.filter((ms) => ms > 60_000)).toHaveLength(resets);
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(resets * HOUR - 60_000);
  }, 60_000);

  it('when another client used the quota up, the 403 (remaining 0, reset epoch) pauses the extract until the reset; every issue once', async () => {
    h = await harness({ mock: bigRepo(), config: { maxRateLimitWaitMs: HOUR } });
    h.mock.github.quota.spend(TOKEN, 'core', 60);
    const ids = await extract(100);
    expect(new Set(ids).size).toBe(5_000);
    expect(ids).toHaveLength(5_000);
    expect(h.mock.github.quota.stats.rejected.primary).toBe(1);
    expect(h.clock.sleeps[0]).toBe(HOUR);
  }, 60_000);

  it('the 429 form of the primary limit is the same rate limit', async () => {
    h = await harness({ mock: bigRepo(429), config: { maxRateLimitWaitMs: HOUR } });
    h.mock.github.quota.spend(TOKEN, 'core', 60);
    const issue = await h.github.issues.get(O, R, 1);
    expect(issue.number).toBe(1);
    expect(h.mock.github.quota.stats.rejected.primary).toBe(1);
    expect(h.clock.sleeps).toEqual([HOUR]);
  });

  it('the pause holds every queued call until the reset: five calls, one refusal', async () => {
    h = await harness({ mock: bigRepo(), config: { maxRateLimitWaitMs: HOUR, concurrency: { maxInFlight: 1 } } });
    h.mock.github.quota.spend(TOKEN, 'core', 60);
    const issues = await Promise.all([1, 2, 3, 4, 5].map((n) => h.github.issues.get(O, R, n)));
    expect(issues.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(h.mock.github.quota.stats.rejected.primary).toBe(1);
    expect(h.server.requests).toHaveLength(6);
  });

  it('past maxRateLimitWaitMs (60 s by default) the call fails at once: RATE_LIMIT, not retryable, with the reset; the next one is refused locally', async () => {
    h = await harness({ mock: bigRepo() });
    await h.github.issues.get(O, R, 1);
    h.mock.github.quota.spend(TOKEN, 'core', 59);
    const error = await rejection(h.github.issues.get(O, R, 2));
    expect(error).toMatchObject({
      code: 'RATE_LIMIT',
      status: 403,
      retryable: false,
      retryAfterMs: HOUR,
      details: { limitKind: 'primary', resource: 'core', limit: 60, resetsAt: new Date(h.clock.now() + HOUR).toISOString() },
    });
    expect(error.message).toMatch(/primary rate limit for "core" \(60 requests per hour\) is used up \(403\); it resets at/);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.server.requests).toHaveLength(2);
    // GitHub said 0 remaining until the reset: the next call is not even sent.
    expect(await rejection(h.github.issues.get(O, R, 3))).toMatchObject({ code: 'RATE_LIMIT', retryable: false });
    expect(h.server.requests).toHaveLength(2);
  });
});

describe('secondary rate limits', () => {
  it('a 403 secondary limit with retry-after waits that long, then goes on', async () => {
    h = await harness();
    h.mock.github.quota.secondaryLimit({ retryAfter: 30 });
    const repo = await h.github.repositories.get(O, R);
    expect(repo.name).toBe(R);
    expect(h.clock.sleeps).toEqual([30_000]);
    expect(h.mock.github.quota.stats.rejected.secondary).toBe(1);
  });

  it('without retry-after (and quota left) it waits a minute, as GitHub asks, not until the primary reset', async () => {
    h = await harness();
    h.mock.github.quota.secondaryLimit({ status: 429 });
    await h.github.repositories.get(O, R);
    expect(h.clock.sleeps).toEqual([60_000]);
  });

  it('a write refused by a secondary limit did not apply: it is resent', async () => {
    h = await harness();
    h.mock.github.quota.secondaryLimit({ retryAfter: 5 });
    const issue = await h.github.issues.create(O, R, { title: 'After the limit' });
    expect(issue.title).toBe('After the limit');
    expect(h.server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});

describe('per-resource quotas (x-ratelimit-resource)', () => {
  it('search is paced by its own 30-a-minute window, apart from core', async () => {
    h = await harness({ mock: { rateLimit: { search: 30 } } });
    const found = await h.github.search.issues(`repo:${O}/${R}`, { perPage: 1 }).toArray({ limit: 45 });
    expect(found).toHaveLength(45);
    expect(h.mock.github.quota.stats.rejected.primary).toBe(0);
    expect(h.clock.sleeps.filter((ms) => ms > 1_000).length).toBe(1);
    expect(h.server.requests.every((r) => r.path === '/search/issues')).toBe(true);
  });

  it('a used-up core quota does not stop search, and core calls fail fast while search goes on', async () => {
    h = await harness({ mock: { rateLimit: { core: 5 } } });
    h.mock.github.quota.spend(TOKEN, 'core', 5);
    expect(await rejection(h.github.issues.get(O, R, 1))).toMatchObject({ code: 'RATE_LIMIT', details: { resource: 'core' } });
    const found = await h.github.search.issues(`repo:${O}/${R} is:pr`, { perPage: 5 }).toArray({ limit: 5 });
    expect(found).toHaveLength(5);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('GET /rate_limit reports every quota and spends none', async () => {
    h = await harness({ mock: { rateLimit: { core: 60 } } });
    await h.github.issues.get(O, R, 1);
    const status = await h.github.rateLimit.get();
    expect(status.resources.core).toMatchObject({ limit: 60, used: 1, remaining: 59 });
    expect(status.resources.search).toMatchObject({ limit: 30, remaining: 30 });
    expect(h.mock.github.quota.stats.counted).toBe(1);
    expect(h.server.requests.at(-1)?.path).toBe('/rate_limit');
  });
});
