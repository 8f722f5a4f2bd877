import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';

let h: Harness;
afterEach(async () => h.close());

const O = 'octo-org';
const R = 'hello-world';

describe('conditional requests (ETag / If-None-Match), on by default for every GET', () => {
  it('a repeated GET sends If-None-Match; the 304 is answered from the cache and costs no quota', async () => {
    h = await harness();
    const first = await h.github.repositories.get(O, R);
    const second = await h.github.repositories.get(O, R);
    expect(second).toEqual(first);
    const [a, b] = h.server.requests;
    expect(a?.headers['if-none-match']).toBeUndefined();
    expect(b?.headers['if-none-match']).toMatch(/^W\/"[0-9a-f]{8}"$/);
    expect(h.mock.github.quota.stats).toMatchObject({ counted: 1, notModified: 1 });
  });

  it('every page of a list is revalidated: an unchanged list costs one request per page and no quota', async () => {
    h = await harness();
    const read = () => h.github.releases.list(O, R, { perPage: 2 }).toArray({ limit: 100 });
    const before = await read();
    const counted = h.mock.github.quota.stats.counted;
    expect(await read()).toEqual(before);
    expect(h.mock.github.quota.stats.counted).toBe(counted);
    expect(h.mock.github.quota.stats.notModified).toBe(3);
  });

  it('never serves a stale answer: a read after a write asks GitHub and gets the change (max-age=60 is not trusted)', async () => {
    h = await harness();
    expect((await h.github.issues.get(O, R, 1)).title).not.toBe('Renamed');
    await h.github.issues.update(O, R, 1, { title: 'Renamed' });
    expect((await h.github.issues.get(O, R, 1)).title).toBe('Renamed');
    expect(h.server.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
  });

  it('304s keep the local limiter in step with GitHub: 30 revalidations under a quota of 5 neither wait nor get refused', async () => {
    h = await harness({ mock: { rateLimit: { core: 5 } } });
    for (let i = 0; i < 30; i += 1) await h.github.repositories.get(O, R);
    expect(h.server.requests).toHaveLength(30);
    expect(h.mock.github.quota.stats).toMatchObject({ counted: 1, notModified: 29, rejected: { primary: 0 } });
    expect(h.clock.sleeps).toEqual([]);
  });

  it('cache: false turns them off', async () => {
    h = await harness({ config: { cache: false } });
    await h.github.repositories.get(O, R);
    await h.github.repositories.get(O, R);
    expect(h.server.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
    expect(h.mock.github.quota.stats.counted).toBe(2);
  });
});
