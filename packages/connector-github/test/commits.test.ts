import { afterEach, describe, expect, it } from 'vitest';
import type { CommitsCheckpoint } from '../src/index.js';
import { committedAt } from '../src/index.js';
import { generateCommits, repository, shaOf } from '../src/mocks/index.js';
import { harness, rejection, sent, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';

describe('commits.list', () => {
  it('sends sha, path, author, since and until; newest first through /repositories/{id}/commits links', async () => {
    h = await harness();
    const commits = await h.github.commits.list(O, R, { sha: 'main', since: '2024-01-01T10:00:00Z', until: new Date('2024-01-02T00:00:00Z'), perPage: 10 }).toArray({ limit: 100 });
    const dates = commits.map((c) => Date.parse(committedAt(c) ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(dates.every((t) => t >= Date.parse('2024-01-01T10:00:00Z') && t <= Date.parse('2024-01-02T00:00:00Z'))).toBe(true);
    expect(commits).toHaveLength(29);
    expect(sent(h.server)[0]).toEqual(['GET', '/repos/octo-org/hello-world/commits', { sha: 'main', since: '2024-01-01T10:00:00Z', until: '2024-01-02T00:00:00Z', per_page: '10' }]);
    expect(sent(h.server)[1]?.[1]).toBe('/repositories/1296269/commits');
    expect(commits[0]).toMatchObject({ sha: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown, commit: { message: expect.any(String) as string }, parents: [expect.any(Object)] });
  });

  it('filters by path', async () => {
    h = await harness();
    const commits = await h.github.commits.list(O, R, { path: 'README.md' }).toArray({ limit: 100 });
    expect(commits).toHaveLength(20);
    expect(h.server.requests[0]?.query.get('path')).toBe('README.md');
  });

  it('refuses a bad ref or timestamp before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.commits.list(O, R, { sha: 'a b' }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(() => h.github.commits.list(O, R, { since: '2024-13-45' }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('commits.changedSince: exact checkpoints', () => {
  const setup = () => harness({ mock: { repositories: [repository({ id: 1_296_269, owner: O, name: R, commits: generateCommits({ count: 47, tieEvery: 3 }) })] } });
  const all = () => (h.mock.github.repository(O, R)?.commits ?? []).map((c) => c.sha).sort();

  async function read(start: CommitsCheckpoint | null, perPage = 10) {
    const pages: Array<{ shas: string[]; checkpoint: CommitsCheckpoint | null }> = [];
    for await (const page of h.github.commits.changedSince(O, R, start, { perPage }).pages()) pages.push({ shas: page.items.map((c) => c.sha), checkpoint: page.checkpoint });
    return pages;
  }

  it('walks down from a fixed until, then moves the checkpoint to the newest commit; a rerun reads nothing', async () => {
    h = await setup();
    const pages = await read(null);
    expect(pages.flatMap((p) => p.shas).sort()).toEqual(all());
    const until = h.server.requests[0]?.query.get('until');
    expect(until).toBe('2026-01-01T00:00:00Z');
    // Mid-walk checkpoints resume the walk; the last one is the newest commit's date and the SHAs at it.
    expect(pages[0]?.checkpoint).toMatchObject({ since: null, walk: { until, next: expect.stringContaining('/repositories/1296269/commits') as unknown } });
    const done = pages.at(-1)?.checkpoint;
    // #45 and #46 share the newest second (a rebase does that): both are remembered.
    expect({ ...done, seen: [...(done?.seen ?? [])].sort() }).toEqual({ since: '2024-01-01T22:30:00Z', seen: [shaOf(45), shaOf(46)].sort() });
    expect((await read(done ?? null)).flatMap((p) => p.shas)).toEqual([]);
  });

  it('resumes mid-walk from any page with neither loss nor duplicate', async () => {
    h = await setup();
    const pages = await read(null, 7);
    for (let k = 0; k < pages.length - 1; k += 1) {
      const before = pages.slice(0, k + 1).flatMap((p) => p.shas);
      const after = (await read(pages[k]?.checkpoint ?? null, 7)).flatMap((p) => p.shas);
      expect([...before, ...after].sort()).toEqual(all());
    }
  });

  it('commits sharing the checkpoint second are remembered; a later one at that second and newer ones are read once', async () => {
    h = await setup();
    const done = (await read(null)).at(-1)?.checkpoint ?? null;
    const repo = h.mock.github.repository(O, R);
    const base = repo?.commits.at(-1);
    if (!repo || !base || !done?.since) throw new Error('no data');
    // A commit at the very second of the checkpoint (a rebase pushed late), and a newer one.
    const person = { name: 'x', email: 'x@example.com', login: null };
    repo.commits.push({ ...base, sha: shaOf(900), author: { ...person, date: done.since }, committer: { ...person, date: done.since }, parents: [base.sha] });
    repo.commits.push({ ...base, sha: shaOf(901), author: { ...person, date: '2025-06-01T00:00:00Z' }, committer: { ...person, date: '2025-06-01T00:00:00Z' }, parents: [shaOf(900)] });
    const rerun = await read(done);
    expect(rerun.flatMap((p) => p.shas).sort()).toEqual([shaOf(900), shaOf(901)].sort());
    expect(rerun.at(-1)?.checkpoint).toEqual({ since: '2025-06-01T00:00:00Z', seen: [shaOf(901)] });
  });
});
