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
});
