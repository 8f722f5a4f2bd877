import { describe, expect, it } from 'vitest';
import { paginate, type PageResult } from './paginated.js';

const pagesOf = (n: number) => async (cursor: number | undefined): Promise<PageResult<string, number>> => {
  const page = cursor ?? 0;
  return { items: [`a${page}`, `b${page}`], next: page + 1 < n ? page + 1 : undefined };
};

describe('Paginated', () => {
  it('iterates items lazily across pages and exposes pages with checkpoints', async () => {
    let fetched = 0;
    const list = paginate<string, number>({ fetchPage: async (c) => (fetched++, pagesOf(3)(c)) });
    expect(fetched).toBe(0);
    const items: string[] = [];
    for await (const item of list) items.push(item);
    expect(items).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    const pages = [];
    for await (const page of list.pages()) pages.push({ index: page.index, checkpoint: page.checkpoint, hasMore: page.hasMore });
    expect(pages).toEqual([
      { index: 0, checkpoint: 1, hasMore: true },
      { index: 1, checkpoint: 2, hasMore: true },
      { index: 2, checkpoint: null, hasMore: false },
    ]);
  });

  it('resumes exactly after a saved checkpoint', async () => {
    const first = paginate<string, number>({ fetchPage: pagesOf(4) });
    let saved: number | null = null;
    for await (const page of first.pages()) {
      saved = page.checkpoint;
      if (page.index === 1) break; // the job "crashes" after page 1
    }
    const resumed = await paginate<string, number>({ fetchPage: pagesOf(4), start: saved ?? undefined }).toArray({ limit: 100 });
    expect(resumed).toEqual(['a2', 'b2', 'a3', 'b3']);
  });

  it('stops with a clear error on a repeated cursor, and at the page cap', async () => {
    const cycle = paginate<string, string>({ fetchPage: async () => ({ items: ['x'], next: 'same' }) });
    await expect(cycle.toArray({ limit: 100 })).rejects.toMatchObject({ code: 'SERVER_ERROR', details: { reason: 'pagination_cycle' } });
    const endless = paginate<string, number>({ fetchPage: async (c) => ({ items: ['x'], next: (c ?? 0) + 1 }), maxPages: 5 });
    await expect(endless.toArray({ limit: 1000 })).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { reason: 'page_cap', maxPages: 5 } });
  });

  it('toArray needs a limit and stops fetching once it is reached; first() fetches one page', async () => {
    let fetched = 0;
    const list = paginate<string, number>({ fetchPage: async (c) => (fetched++, pagesOf(100)(c)) });
    expect(await list.toArray({ limit: 3 })).toEqual(['a0', 'b0', 'a1']);
    expect(fetched).toBe(2);
    expect(await list.toArray({ limit: 0 })).toEqual([]);
    await expect(list.toArray({ limit: -1 })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(list.toArray(undefined as unknown as { limit: number })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await list.first()).toBe('a0');
    const custom = paginate<string, { since: number }>({ fetchPage: async () => ({ items: [], next: undefined, checkpoint: { since: 5 } }) });
    for await (const page of custom.pages()) expect(page.checkpoint).toEqual({ since: 5 });
  });

  it('detects a short cycle at its first repeat (a cycle of length 3)', async () => {
    const ring = ['a', 'b', 'c'];
    let fetched = 0;
    const list = paginate<string, string>({
      fetchPage: async (cursor) => {
        fetched += 1;
        const at = cursor === undefined ? -1 : ring.indexOf(cursor);
        return { items: [], next: ring[(at + 1) % ring.length] };
      },
    });
    await expect(list.toArray({ limit: 100 })).rejects.toMatchObject({ code: 'SERVER_ERROR', retryable: false, details: { reason: 'pagination_cycle' } });
    expect(fetched).toBe(4); // a, b, c, then a again
  });

  it('detects a cycle longer than the recent-cursor window (length 5,000) before 4x its length', async () => {
    for (const leadIn of [0, 2_500]) {
      let fetched = 0;
      // Cursors 1..leadIn lead into a ring of 5,000 cursors that repeats forever.
      const nextOf = (c: number): number => (c + 1 < leadIn + 5_000 ? c + 1 : leadIn);
      const list = paginate<never, number>({
        fetchPage: async (cursor) => {
          fetched += 1;
          return { items: [], next: cursor === undefined ? 0 : nextOf(cursor) };
        },
      });
      await expect(list.toArray({ limit: 1 })).rejects.toMatchObject({ code: 'SERVER_ERROR', details: { reason: 'pagination_cycle' } });
      expect(fetched).toBeGreaterThan(leadIn + 5_000);
      expect(fetched).toBeLessThan(4 * 5_000 + leadIn);
    }
  });

  it('walks 100,000 pages in bounded memory and stops with page_cap on page 100,001 (the default maxPages)', async () => {
    let fetched = 0;
    const list = paginate<never, number>({
      fetchPage: (cursor) => {
        fetched += 1;
        return Promise.resolve({ items: [], next: (cursor ?? 0) + 1 });
      },
    });
    // The cycle guard must not keep every cursor: watch the largest Set that grows during the walk.
    const add = Set.prototype.add; // eslint-disable-line @typescript-eslint/unbound-method
    let largest = 0;
    Set.prototype.add = function <T>(this: Set<T>, value: T): Set<T> {
      const out = add.call(this, value) as Set<T>;
      if (this.size > largest) largest = this.size;
      return out;
    };
    let pages = 0;
    let error: unknown;
    try {
      for await (const page of list.pages()) pages = page.index + 1;
    } catch (caught) {
      error = caught;
    } finally {
      Set.prototype.add = add;
    }
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { reason: 'page_cap', maxPages: 100_000 } });
    expect(pages).toBe(100_000);
    expect(fetched).toBe(100_000); // page 100,001 is never requested
    expect(largest).toBeLessThanOrEqual(1_000);
  });
});
