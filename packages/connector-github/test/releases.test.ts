import { afterEach, describe, expect, it } from 'vitest';
import { harness, rejection, sent, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

describe('releases', () => {
  it('list pages newest first through /repositories/{id}/releases, drafts included', async () => {
    h = await harness();
    const releases = await h.github.releases.list('octo-org', 'hello-world', { perPage: 2 }).toArray({ limit: 10 });
    expect(releases.map((r) => [r.tag_name, r.draft, r.prerelease])).toEqual([
      ['v1.4.0', true, false],
      ['v1.3.0-rc.1', false, true],
      ['v1.2.0', false, false],
      ['v1.1.0', false, false],
      ['v1.0.0', false, false],
    ]);
    expect(releases[0]?.published_at).toBeNull();
    expect(sent(h.server)).toEqual([
      ['GET', '/repos/octo-org/hello-world/releases', { per_page: '2' }],
      ['GET', '/repositories/1296269/releases', { per_page: '2', page: '2' }],
      ['GET', '/repositories/1296269/releases', { per_page: '2', page: '3' }],
    ]);
  });

  it('getLatest is the newest published release that is neither a draft nor a prerelease; NOT_FOUND without one', async () => {
    h = await harness();
    const latest = await h.github.releases.getLatest('octo-org', 'hello-world');
    expect(latest).toMatchObject({ tag_name: 'v1.2.0', draft: false, prerelease: false, assets: [expect.objectContaining({ name: 'app.zip' }) as unknown] });
    expect(sent(h.server)).toEqual([['GET', '/repos/octo-org/hello-world/releases/latest', {}]]);
    expect(await rejection(h.github.releases.getLatest('octo-org', 'api-client'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
