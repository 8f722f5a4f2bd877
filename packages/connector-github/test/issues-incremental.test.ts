import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, IssuesCheckpoint } from '../src/index.js';
import { generateIssues, repository } from '../src/mocks/index.js';
import { harness, rejection, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';

/** A repository whose issues share `updated_at` in runs of `tieRun`, so ties straddle every page boundary. */
function withIssues(count: number, tieRun: number, tieEvery = tieRun + 2) {
  return { mock: { repositories: [repository({ id: 1_296_269, owner: O, name: R, issues: generateIssues({ count, tieRun, tieEvery }) })] } };
}

async function readAll(start: IssuesCheckpoint | null, perPage: number): Promise<{ pages: Array<{ items: Issue[]; checkpoint: IssuesCheckpoint | null }>; ids: number[] }> {
  const pages: Array<{ items: Issue[]; checkpoint: IssuesCheckpoint | null }> = [];
  for await (const page of h.github.issues.changedSince(O, R, start, { perPage }).pages()) pages.push({ items: page.items, checkpoint: page.checkpoint });
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

const allIds = () => (h.mock.github.repository(O, R)?.issues ?? []).map((i) => i.id).sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('issues.changedSince: exact checkpoints over ties on updated_at', () => {
  it('reads every issue once, oldest change first, re-anchoring each page at its last updated_at', async () => {
    h = await harness(withIssues(50, 3));
    const { pages, ids } = await readAll(null, 4);
    expect(sorted(ids)).toEqual(allIds());
    expect(new Set(ids).size).toBe(ids.length);
    const updated = pages.flatMap((p) => p.items.map((i) => Date.parse(i.updated_at)));
    expect(updated).toEqual([...updated].sort((a, b) => a - b));
    const queries = h.server.requests.map((r) => Object.fromEntries(r.query));
    expect(queries[0]).toEqual({ state: 'all', sort: 'updated', direction: 'asc', per_page: '4' });
    // Each next request starts at the previous page's checkpoint: its last updated_at, on page 1 (an issue updated
    // meanwhile cannot be skipped), unless that whole page shared one second (then the next page of that second).
    for (let i = 1; i < pages.length; i += 1) {
      const previous = pages[i - 1]?.checkpoint;
      const { page, ...rest } = queries[i] ?? {};
      expect(rest).toEqual({ state: 'all', sort: 'updated', direction: 'asc', per_page: '4', since: previous?.since });
      expect(page).toBe(previous?.page === undefined ? undefined : String(previous.page));
    }
    expect(queries.filter((q) => q.page === undefined).length).toBeGreaterThan(pages.length / 2);
  });

  it('resumes from any page checkpoint with neither a loss nor a duplicate', async () => {
    h = await harness(withIssues(40, 4, 5));
    const { pages, ids } = await readAll(null, 5);
    for (let k = 0; k < pages.length - 1; k += 1) {
      const delivered = pages.slice(0, k + 1).flatMap((p) => p.items.map((i) => i.id));
      const rest = await readAll(pages[k]?.checkpoint ?? null, 5);
      expect(sorted([...delivered, ...rest.ids])).toEqual(sorted(ids));
      expect(new Set([...delivered, ...rest.ids]).size).toBe(ids.length);
    }
  });

  it('more issues at one second than a page holds: pages through that second (page=2, 3) before moving on', async () => {
    h = await harness(withIssues(30, 11, 12));
    const { ids } = await readAll(null, 4);
    expect(sorted(ids)).toEqual(allIds());
    expect(new Set(ids).size).toBe(ids.length);
    expect(h.server.requests.some((r) => r.query.get('page') === '3')).toBe(true);
  });

  it('an issue updated during the read is delivered again later, with its change; none is lost', async () => {
    h = await harness(withIssues(30, 3));
    const repo = h.mock.github.repository(O, R);
    const seen: Issue[] = [];
    let touched = false;
    for await (const page of h.github.issues.changedSince(O, R, null, { perPage: 5 }).pages()) {
      seen.push(...page.items);
      if (!touched && repo) {
        touched = true;
        h.clock.advance(400 * 86_400_000);
        const now = new Date(h.clock.now()).toISOString().replace('.000Z', 'Z');
        // One already delivered and one not yet read both change now: they move behind the anchor.
        const [read, unread] = [repo.issues.find((i) => i.id === page.items[0]?.id), repo.issues.at(-1)];
        for (const issue of [read, unread]) if (issue) issue.updatedAt = now;
      }
    }
    expect(sorted([...new Set(seen.map((i) => i.id))])).toEqual(allIds());
    const last = seen.at(-1);
    expect(Date.parse(last?.updated_at ?? '')).toBe(h.clock.now());
  });

  it('a rerun from the last checkpoint reads nothing, then exactly the issues changed since, a same-second one included', async () => {
    h = await harness(withIssues(20, 3));
    const first = await readAll(null, 10);
    const done = first.pages.at(-1)?.checkpoint ?? null;
    expect(done?.since).toBe(first.pages.at(-1)?.items.at(-1)?.updated_at);
    expect((await readAll(done, 10)).ids).toEqual([]);
    const repo = h.mock.github.repository(O, R);
    // Another issue gets the checkpoint's very second (a bulk edit), and one is created later.
    const sameSecond = repo?.issues[0];
    if (sameSecond && done?.since) sameSecond.updatedAt = done.since;
    h.clock.advance(400 * 86_400_000);
    const created = await h.github.issues.create(O, R, { title: 'New' });
    const rerun = await readAll(done, 10);
    expect(rerun.ids).toEqual([sameSecond?.id, created.id]);
    expect((await readAll(rerun.pages.at(-1)?.checkpoint ?? null, 10)).ids).toEqual([]);
  });

  it('a rerun that finds nothing new is answered 304 from the cache and costs no quota', async () => {
    h = await harness(withIssues(8, 2));
    const done = (await readAll(null, 10)).pages.at(-1)?.checkpoint ?? null;
    const counted = h.mock.github.quota.stats.counted;
    await readAll(done, 10);
    await readAll(done, 10);
    expect(h.mock.github.quota.stats.counted).toBe(counted + 1);
    expect(h.mock.github.quota.stats.notModified).toBe(1);
  });

  it('starts from a timestamp, and leaves pull requests out when asked', async () => {
    h = await harness();
    const from = '2024-01-02T00:00:00Z';
    const issues = await h.github.issues.changedSince(O, R, new Date(from), { excludePullRequests: true }).toArray({ limit: 1000 });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.pull_request === undefined && Date.parse(i.updated_at) >= Date.parse(from))).toBe(true);
    expect(h.server.requests[0]?.query.get('since')).toBe(from);
  });

  it('refuses a checkpoint that is not one it made, before the network', async () => {
    h = await harness();
    for (const bad of [{ since: 'yesterday', seen: [] }, { since: null, seen: ['x'] }, { since: null }, { since: null, seen: [], page: 1 }]) {
      expect(await rejection(() => h.github.issues.changedSince(O, R, bad as never).toArray({ limit: 1 }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    expect(h.server.requests).toHaveLength(0);
  });
});
