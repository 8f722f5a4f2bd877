import { afterEach, describe, expect, it } from 'vitest';
import { isCancelledError, isValidationError } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import type { BulkRecord } from '../src/index.js';
import type { MockBulkOptions } from '../src/mocks/index.js';
import { startShopify, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
let storage: MockServer | undefined;
afterEach(async () => {
  await h?.close();
  await storage?.close();
  h = undefined;
  storage = undefined;
});

/** A shop and, on another origin, its "storage host" serving the result file (like storage.googleapis.com). */
async function withStorage(bulk: MockBulkOptions): Promise<{ h: Harness; storage: MockServer }> {
  const options: MockBulkOptions = { ...bulk };
  h = await startShopify({ mock: { bulk: options } });
  storage = await startMockServer(h.mock.handlers);
  options.resultOrigin = storage.baseUrl;
  return { h, storage };
}

const QUERY = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';

describe('bulk.run', () => {
  it('starts the operation, polls with backoff on the connector clock, and streams the JSONL result', async () => {
    const { h, storage } = await withStorage({ lines: 9, pollsUntilDone: 3 });
    const statuses: string[] = [];
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.run(QUERY, { onStatus: (op) => statuses.push(op.status) })) rows.push(row);

    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({ id: 'gid://shopify/Product/1000000', title: 'Bulk product 0', handle: 'bulk-product-0', updatedAt: '2025-01-15T08:00:00Z' });
    expect(rows[1]).toMatchObject({ sku: 'BULK-0-1', __parentId: 'gid://shopify/Product/1000000' });
    const [start, ...polls] = h.bodies();
    expect(start?.query).toContain('bulkOperationRunQuery(query: $query)');
    expect(start?.variables).toEqual({ query: QUERY });
    expect(polls.every((p) => p.query.includes('node(id: $id) { ... on BulkOperation'))).toBe(true);
    expect(statuses).toEqual(['RUNNING', 'RUNNING', 'COMPLETED']);
    // The start (10 points) first waits 200 ms: a new connector takes the bucket for empty until Shopify says.
    // Then poll waits grow by 1.5× from 1 s, on the injected clock.
    expect(h.clock.sleeps.slice(0, 3)).toEqual([200, 1000, 1500]);
    // The result lives on another host: it was fetched there, without the access token.
    expect(storage.requests).toHaveLength(1);
    expect(storage.requests[0]?.path).toBe('/bulk-results/' + String(h.mock.bulkOperations[0]?.id.split('/').pop()) + '.jsonl');
    expect(storage.requests[0]?.headers['x-shopify-access-token']).toBeUndefined();
    expect(JSON.stringify(storage.requests[0]?.headers)).not.toContain(TOKEN);
  });

  it('streams a 100,000-line result (~100 MB) with flat memory: the file is read as it is consumed', async () => {
    // Roots carry 2 KB of description, children are small: about 1 KB per line on average.
    const { h } = await withStorage({ lines: 100_000, childrenPerRoot: 1, padding: 2_000 });
    let consumed = 0;
    let maxAhead = 0;
    const heap: number[] = [process.memoryUsage().heapUsed];
    for await (const row of h.shopify.bulk.run(QUERY)) {
      consumed += 1;
      if (typeof row.id !== 'string') throw new Error('bad row');
      if (consumed % 5_000 === 0) {
        maxAhead = Math.max(maxAhead, h.mock.stats.linesProduced - consumed);
        heap.push(process.memoryUsage().heapUsed);
      }
    }
    expect(consumed).toBe(100_000);
    expect(h.mock.stats.linesProduced).toBe(100_000);
    const growthMb = (Math.max(...heap) - (heap[0] ?? 0)) / 1e6;
    console.info(`bulk: at most ${maxAhead} lines generated ahead of the consumer; heap grew at most ${growthMb.toFixed(1)} MB for a ~100 MB file`);
    // The mock generates lines only when the socket asks for more: what is ahead of the consumer is what
    // socket buffers hold (a few MB), never the file.
    expect(maxAhead).toBeLessThan(10_000);
    expect(growthMb).toBeLessThan(60);
  });

  it('re-nests children under their parents with nest: true', async () => {
    const { h } = await withStorage({ lines: 9, childrenPerRoot: 2 });
    const roots = [];
    for await (const root of h.shopify.bulk.run(QUERY, { nest: true })) roots.push(root);
    expect(roots).toHaveLength(3);
    expect(roots[1]?.id).toBe('gid://shopify/Product/1000001');
    expect(roots[1]?.__children?.map((c) => c.sku)).toEqual(['BULK-1-1', 'BULK-1-2']);
  });

  it('refuses a second bulk query while one runs, locally and when Shopify says OPERATION_IN_PROGRESS', async () => {
    const { h } = await withStorage({ lines: 3, pollsUntilDone: 3 });
    let local: unknown;
    let remote: Promise<unknown> | undefined;
    const rows = [];
    const run = h.shopify.bulk.run(QUERY, {
      onStatus: () => {
        try {
          h.shopify.bulk.run(QUERY);
        } catch (error) {
          local ??= error;
        }
        // Another process (bulk.start does not know about this client's run) meets Shopify's own refusal.
        remote ??= h.shopify.bulk.start(QUERY).catch((e: unknown) => e);
      },
    });
    for await (const row of run) rows.push(row);
    expect(rows).toHaveLength(3);
    expect(local).toMatchObject({ code: 'INVALID_REQUEST', details: { reason: 'bulk_operation_in_progress' } });
    expect((local as Error).message).toMatch(/already running from this client \(gid:\/\/shopify\/BulkOperation\/\d+\)/);
    expect(await remote).toMatchObject({ code: 'INVALID_REQUEST', details: { reason: 'bulk_operation_in_progress' } });
    // Once the first has completed, a new one may start.
    const again = h.shopify.bulk.run(QUERY);
    expect(await again.next()).toMatchObject({ done: false });
    await again.return();
  });

  it('bulk.cancel() cancels the running operation; the run ends with CANCELLED', async () => {
    const { h } = await withStorage({ lines: 3, pollsUntilDone: 10 });
    const run = h.shopify.bulk.run(QUERY, {
      onStatus: (op) => {
        if (op.status === 'RUNNING') void h.shopify.bulk.cancel();
      },
    });
    const error = await run.next().catch((e: unknown) => e);
    expect(isCancelledError(error)).toBe(true);
    expect(h.bodies().some((b) => b.query.includes('bulkOperationCancel(id: $id)'))).toBe(true);
    expect(h.mock.bulkOperations[0]?.status).toBe('CANCELED');
  });

  it('aborting the signal while the operation runs cancels it on Shopify and ends with CANCELLED', async () => {
    const { h } = await withStorage({ lines: 3, pollsUntilDone: 10 });
    const controller = new AbortController();
    const run = h.shopify.bulk.run(QUERY, { onStatus: () => controller.abort() }, { signal: controller.signal });
    const error = await run.next().catch((e: unknown) => e);
    expect(isCancelledError(error)).toBe(true);
    const cancel = h.bodies().find((b) => b.query.includes('bulkOperationCancel'));
    expect(cancel?.variables).toEqual({ id: h.mock.bulkOperations[0]?.id });
    expect(h.mock.bulkOperations[0]?.status).toBe('CANCELING');
  });

  it.each([
    ['FAILED', 'INTERNAL_SERVER_ERROR', 'SERVER_ERROR'],
    ['FAILED', 'ACCESS_DENIED', 'AUTH_FAILED'],
    ['FAILED', 'TIMEOUT', 'TIMEOUT'],
    ['EXPIRED', undefined, 'INVALID_REQUEST'],
  ] as const)('a %s (%s) operation is a typed %s error, not retried', async (outcome, errorCode, code) => {
    const { h, storage } = await withStorage({ outcome, ...(errorCode ? { errorCode } : {}) });
    const error = await h.shopify.bulk.run(QUERY).next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code, retryable: false, details: { status: outcome } });
    expect(storage.requests).toHaveLength(0);
  });

  it('yields nothing when the operation found nothing (url null)', async () => {
    const { h } = await withStorage({ lines: 0 });
    const rows = [];
    for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);
    expect(rows).toEqual([]);
  });

  it('bulk.download(url) streams a result file by URL; an expired or unknown file is NOT_FOUND from the storage host', async () => {
    const { h, storage } = await withStorage({ lines: 4 });
    await h.shopify.bulk.start(QUERY);
    const [op] = h.mock.bulkOperations;
    const done = await h.shopify.bulk.wait(op!.id);
    const rows = [];
    for await (const row of h.shopify.bulk.download(done.url!, { nest: true })) rows.push(row);
    expect(rows.map((r) => r.__children?.length ?? 0)).toEqual([2, 0]);
    const missing = await h.shopify.bulk.download(`${storage.baseUrl}/bulk-results/404.jsonl`).next().catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((missing as Error).message).not.toMatch(/myshopify/);
  });

  it('bulk.current() reads currentBulkOperation(type: QUERY)', async () => {
    const { h } = await withStorage({});
    expect(await h.shopify.bulk.current()).toBeNull();
    await h.shopify.bulk.start(QUERY);
    const current = await h.shopify.bulk.current();
    expect(current).toMatchObject({ status: 'RUNNING', objectCount: '0' });
    expect(h.bodies().at(-1)?.query).toContain('currentBulkOperation(type: QUERY)');
  });

  it('rejects bad queries and options before the network', async () => {
    const { h } = await withStorage({});
    for (const call of [
      () => h.shopify.bulk.run(''),
      () => h.shopify.bulk.run('{ products { edges { node { id } } }'),
      () => h.shopify.bulk.run('mutation { productCreate(product: {title: "x"}) { product { id } } }'),
      () => h.shopify.bulk.run(QUERY, { pollIntervalMs: 0 }),
      () => h.shopify.bulk.run(QUERY, { nested: true } as never),
      () => h.shopify.bulk.cancel('not-an-id'),
    ]) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
