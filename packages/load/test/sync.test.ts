import { describe, expect, it } from 'vitest';
import { DestinationError, discover, sync, type SyncEvent } from '../src/index.js';
import { fakeConnector, MemoryDestination, memoryDestination } from '../src/testing/index.js';

describe('sync()', () => {
  it('answers bad input with typed errors', async () => {
    const dest = memoryDestination();
    const connector = fakeConnector({ records: 10 });
    await expect(sync({} as never, undefined, dest)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sync(connector, undefined, {} as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sync(connector, ['nope'], dest)).rejects.toMatchObject({ code: 'UNKNOWN_STREAM', message: expect.stringMatching(/Streams: items/) });
    await expect(sync(connector, 'items' as never, dest)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sync(connector, undefined, dest, { batchRows: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/batchRows/) });
    await expect(sync(connector, undefined, dest, { bogus: 1 } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/bogus/) });
    await expect(sync(connector, undefined, dest, { tablePrefix: 'Bad-' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(sync(connector, undefined, dest, { params: { a: 1 } as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('commits in batches of batchRows, each with its checkpoint', async () => {
    const dest = memoryDestination();
    const events: SyncEvent[] = [];
    const summary = await sync(fakeConnector({ records: 250, pageSize: 20 }), undefined, dest, { batchRows: 100, onEvent: (e) => events.push(e) });
    expect(summary.records).toBe(250);
    // 100 rows → commit after page 5 (100), page 10 (200), then the last page.
    expect(events.filter((e) => e.type === 'batch').map((e) => (e as { totalRecords: number }).totalRecords)).toEqual([100, 200, 250]);
    expect(dest.commits).toBe(3);
  });

  it('failFast stops at the first invalid record without committing its batch', async () => {
    const dest = memoryDestination();
    const error = await sync(fakeConnector({ records: 100, pageSize: 10, invalidEvery: 35 }), undefined, dest, { failFast: true, batchRows: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SYNC_FAILED', summary: { streams: [{ error: { code: 'RECORD_REJECTED' } }] } });
    await dest.open();
    // Batches of 20 committed before the 35th record: 0-19, 20-39 is the failing one.
    expect(await dest.readRows('fake_items')).toHaveLength(20);
    expect(await dest.readRejects({ connector: 'fake', stream: 'items' })).toHaveLength(0);
  });

  it('a failing commit leaves the previous state, and a rerun resumes from it', async () => {
    const dest = memoryDestination();
    const connector = fakeConnector({ records: 100, pageSize: 10 });
    let batches = 0;
    const failing = sync(connector, undefined, dest, {
      batchRows: 30,
      onEvent: (e) => {
        if (e.type === 'batch' && ++batches === 1) dest.failNextCommit();
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'SYNC_FAILED' });
    await dest.open();
    expect((await dest.readState({ connector: 'fake', stream: 'items' }))?.checkpoint).toBe(30);
    const resumed = await sync(connector, undefined, dest);
    expect(resumed.streams[0]?.resumedFrom).toBe(30);
    await dest.open();
    expect(await dest.readRows('fake_items')).toHaveLength(100);
    expect((await dest.readState({ connector: 'fake', stream: 'items' }))?.records).toBe(100);
  });

  it('stops on abort after committing the pages already read; a rerun completes', async () => {
    const dest = memoryDestination();
    const controller = new AbortController();
    const connector = fakeConnector({ records: 500, pageSize: 10, pageDelayMs: 1 });
    const summary = await sync(connector, undefined, dest, {
      signal: controller.signal,
      batchRows: 20,
      onEvent: (e) => e.type === 'batch' && e.totalRecords >= 40 && controller.abort(),
    });
    expect(summary.interrupted).toBe(true);
    expect(summary.records).toBeGreaterThanOrEqual(40);
    expect(summary.records).toBeLessThan(500);
    const rest = await sync(connector, undefined, dest);
    expect(summary.records + rest.records).toBe(500);
  });

  it('full refresh starts over; an incremental rerun reads nothing new', async () => {
    const dest = memoryDestination();
    const connector = fakeConnector({ records: 40, pageSize: 10 });
    await sync(connector, undefined, dest);
    expect((await sync(connector, undefined, dest)).records).toBe(0);
    const refreshed = await sync(connector, undefined, dest, { fullRefresh: true });
    expect(refreshed.records).toBe(40);
    expect(refreshed.streams[0]?.resumedFrom).toBeNull();
  });

  it('a stream that fails is reported and the sync throws SyncFailedError with the summary', async () => {
    const dest = memoryDestination();
    const error = (await sync(fakeConnector({ records: 100, pageSize: 10, failAtPage: 3 }), undefined, dest, { batchRows: 10 }).catch((e: unknown) => e)) as {
      code: string;
      summary: { streams: Array<{ records: number; error?: { code: string } }> };
    };
    expect(error.code).toBe('SYNC_FAILED');
    expect(error.summary.streams[0]).toMatchObject({ records: 30, error: { code: 'SERVER_ERROR' } });
  });
});

describe('discover()', () => {
  it('lists each stream with its declaration and JSON Schema', () => {
    const [entry] = discover(fakeConnector());
    expect(entry).toMatchObject({ name: 'items', primaryKey: ['id'], cursorField: 'updatedAt', syncMode: 'incremental', deletedField: 'archived' });
    expect(entry?.jsonSchema).toMatchObject({ type: 'object', properties: { id: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } } });
    expect(entry).not.toHaveProperty('read');
  });
});

describe('sync() pipelining', () => {
  /** A memory destination whose commits wait until released, recording what the stream read meanwhile. */
  class GatedDestination extends MemoryDestination {
    gates: Array<() => void> = [];
    order: string[] = [];
    failAt: number | undefined;
    private n = 0;
    override async commit(batch: Parameters<MemoryDestination['commit']>[0]): Promise<void> {
      const n = ++this.n;
      this.order.push(`commit ${n} start`);
      await new Promise<void>((resolve) => this.gates.push(resolve));
      if (n === this.failAt) {
        this.order.push(`commit ${n} failed`);
        throw new DestinationError('gated', `commit ${n} failed`);
      }
      await super.commit(batch);
      this.order.push(`commit ${n} done`);
    }
  }

  const releaseAll = (dest: GatedDestination) => {
    const timer = setInterval(() => dest.gates.shift()?.(), 5);
    return () => clearInterval(timer);
  };

  it('reads the next pages while a commit is in flight, and commits in order', { timeout: 10_000 }, async () => {
    const dest = new GatedDestination();
    const base = fakeConnector({ records: 100, pageSize: 10 });
    let pagesRead = 0;
    const connector = {
      name: base.name,
      streams: () =>
        base.streams().map((s) => ({
          ...s,
          read: async function* (args: Parameters<typeof s.read>[0]) {
            for await (const page of s.read(args)) {
              pagesRead += 1;
              yield page;
            }
          },
        })),
    };
    // The first commit (pages 1-2) finishes only once page 4 was read: an engine that waited for its commit before
    // reading on would never get there (and this test would time out).
    const timer = setInterval(() => {
      if (dest.gates.length > 0 && (dest.order.includes('commit 1 done') || pagesRead >= 4)) dest.gates.shift()?.();
    }, 1);
    const summary = await sync(connector, undefined, dest, { batchRows: 20 }).finally(() => clearInterval(timer));
    expect(summary.records).toBe(100);
    expect(dest.order.filter((o) => o.endsWith('done'))).toEqual(['commit 1 done', 'commit 2 done', 'commit 3 done', 'commit 4 done', 'commit 5 done']);
    // Never two in flight: each commit starts after the previous one is done.
    for (let i = 2; i <= 5; i++) expect(dest.order.indexOf(`commit ${i} start`)).toBeGreaterThan(dest.order.indexOf(`commit ${i - 1} done`));
  });

  it('after a failed commit, no later batch is committed: the state stays before the failed one', async () => {
    const dest = new GatedDestination();
    dest.failAt = 2;
    const stop = releaseAll(dest);
    const error = await sync(fakeConnector({ records: 100, pageSize: 10, pageDelayMs: 1 }), undefined, dest, { batchRows: 20 })
      .catch((e: unknown) => e)
      .finally(stop);
    expect(error).toMatchObject({ code: 'SYNC_FAILED', summary: { streams: [{ records: 20, error: { message: 'gated: commit 2 failed' } }] } });
    expect(dest.order).not.toContain('commit 3 start');
    await dest.open();
    expect((await dest.readState({ connector: 'fake', stream: 'items' }))?.checkpoint).toBe(20);
    expect(await dest.readRows('fake_items')).toHaveLength(20);
  });
});
