import { afterEach, describe, expect, it } from 'vitest';
import type { BulkRecord } from '../src/index.js';
import { startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const QUERY = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';
const OTHER = '{ orders { edges { node { id name } } } }';

async function collect(run: AsyncIterable<BulkRecord>): Promise<BulkRecord[]> {
  const rows: BulkRecord[] = [];
  for await (const row of run) rows.push(row);
  return rows;
}

describe('bulk.run when the start mutation’s outcome is unknown', () => {
  it.each(['reset', 502] as const)('a start answered by a %s after Shopify created the operation: adopts it (currentBulkOperation), sends the start once', async (as) => {
    h = await startShopify({ mock: { bulk: { lines: 6 } } });
    h.mock.loseNextAnswers({ as });
    const rows = await collect(h.shopify.bulk.run(QUERY));
    expect(rows).toHaveLength(6);
    expect(h.mock.bulkOperations).toHaveLength(1);
    const queries = h.bodies().map((b) => b.query);
    expect(queries.filter((q) => q.includes('bulkOperationRunQuery'))).toHaveLength(1);
    const current = queries.findIndex((q) => q.includes('currentBulkOperation(type: QUERY)'));
    expect(current).toBe(queries.findIndex((q) => q.includes('bulkOperationRunQuery')) + 1);
    expect(queries[current]).toMatch(/\bquery\b.*\bstatus\b/s);
  });

  it('a start lost before Shopify created anything: no operation is running, so it is started again', async () => {
    h = await startShopify({ mock: { bulk: { lines: 3 } } });
    // The edge fails without running the handler: nothing was created.
    h.server.use(
      (await import('../src/mocks/index.js')).shopifyErrors.serverError(502, { times: 1 }),
    );
    const rows = await collect(h.shopify.bulk.run(QUERY));
    expect(rows).toHaveLength(3);
    expect(h.mock.bulkOperations).toHaveLength(1);
    expect(h.bodies().filter((b) => b.query.includes('bulkOperationRunQuery'))).toHaveLength(2);
  });

  it('running the same query again while it runs (the first call gave up): adopts the running operation', async () => {
    h = await startShopify({ mock: { bulk: { lines: 3, pollsUntilDone: 4 } } });
    const started = await h.shopify.bulk.start(QUERY);
    const rows = await collect(h.shopify.bulk.run(QUERY));
    expect(rows).toHaveLength(3);
    expect(h.mock.bulkOperations.map((op) => op.id)).toEqual([started.id]);
  });

  it('another query in progress is still refused with bulk_operation_in_progress, naming the running operation', async () => {
    h = await startShopify({ mock: { bulk: { lines: 3, pollsUntilDone: 4 } } });
    const started = await h.shopify.bulk.start(OTHER);
    const error = await h.shopify.bulk.run(QUERY).next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { reason: 'bulk_operation_in_progress', bulkOperationId: started.id } });
    expect(h.mock.bulkOperations).toHaveLength(1);
  });
});
