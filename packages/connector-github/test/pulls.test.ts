import { afterEach, describe, expect, it } from 'vitest';
import { harness, rejection, sent, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';

describe('pulls', () => {
  it('list sends state, sort, direction and per_page, and follows /repositories/{id}/pulls links', async () => {
    h = await harness();
    const pulls = await h.github.pulls.list(O, R, { state: 'all', sort: 'created', direction: 'asc', perPage: 5 }).toArray({ limit: 100 });
    expect(pulls.map((p) => p.number)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(pulls[0]).toMatchObject({ id: 1_500_004, state: 'open', head: { ref: 'feature-5' }, base: { ref: 'main' }, merged_at: null });
    expect(sent(h.server).slice(0, 2)).toEqual([
      ['GET', '/repos/octo-org/hello-world/pulls', { state: 'all', sort: 'created', direction: 'asc', per_page: '5' }],
      ['GET', '/repositories/1296269/pulls', { state: 'all', sort: 'created', direction: 'asc', per_page: '5', page: '2' }],
    ]);
    expect(h.server.requests).toHaveLength(3);
  });

  it('list filters by head (user:branch) and base', async () => {
    h = await harness();
    const pulls = await h.github.pulls.list(O, R, { state: 'all', head: 'octo-org:feature-10', base: 'main' }).toArray({ limit: 10 });
    expect(pulls.map((p) => p.number)).toEqual([10]);
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world/pulls', { state: 'all', head: 'octo-org:feature-10', base: 'main', per_page: '100' }]]);
  });

  it('get returns the merge state and counts; an issue number that is no pull request is NOT_FOUND', async () => {
    h = await harness();
    const pull = await h.github.pulls.get(O, R, 15);
    expect(pull).toMatchObject({ number: 15, merged: true, state: 'closed', changed_files: 2, additions: expect.any(Number) as number });
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world/pulls/15', {}]]);
    expect(await rejection(h.github.pulls.get(O, R, 1))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('listFiles and listReviews page through /pulls/{n}/files and /reviews', async () => {
    h = await harness();
    const files = await h.github.pulls.listFiles(O, R, 5, { perPage: 1 }).toArray({ limit: 10 });
    expect(files.map((f) => [f.filename, f.status, f.changes])).toEqual([
      ['src/module-4.ts', 'modified', 18],
      ['test/module-4.test.ts', 'added', 20],
    ]);
    const reviews = await h.github.pulls.listReviews(O, R, 5).toArray({ limit: 10 });
    expect(reviews).toEqual([expect.objectContaining({ state: 'COMMENTED', user: expect.objectContaining({ login: 'monalisa' }) as unknown })]);
    expect(sent(h.server)).toEqual([
      ['GET', '/repos/octo-org/hello-world/pulls/5/files', { per_page: '1' }],
      ['GET', '/repositories/1296269/pulls/5/files', { per_page: '1', page: '2' }],
      ['GET', '/repos/octo-org/hello-world/pulls/5/reviews', { per_page: '100' }],
    ]);
  });

  it('refuses a bad head, sort or number before the network', async () => {
    h = await harness();
    expect(await rejection(() => h.github.pulls.list(O, R, { head: 'no-colon' }))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(() => h.github.pulls.list(O, R, { sort: 'stars' } as never))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await rejection(() => h.github.pulls.listFiles(O, R, 0))).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(h.server.requests).toHaveLength(0);
  });
});
