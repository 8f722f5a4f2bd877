import { afterEach, describe, expect, it } from 'vitest';
import { shopifyErrors } from '../src/mocks/index.js';
import { startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a mutation whose answer was lost is never reported as safe to retry', () => {
  it.each([
    [502, 'SERVER_ERROR'],
    ['reset', 'NETWORK_ERROR'],
  ] as const)('productCreate ran, then a %s: writeOutcome may-have-applied, retryable false, sent once', async (as, code) => {
    h = await startShopify();
    const before = h.mock.store.products.length;
    h.mock.loseNextAnswers({ as });
    const error = await h.shopify.products.create({ title: 'Ridge Gloves' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, writeOutcome: 'may-have-applied', retryable: false });
    expect(h.bodies()).toHaveLength(1);
    expect(h.bodies()[0]?.query).toContain('productCreate(product: $product)');
    // It did apply: a blind retry would have created a second product.
    expect(h.mock.store.products).toHaveLength(before + 1);
  });

  it('a query meeting the same failure is retried (queries are idempotent) and carries no write outcome', async () => {
    h = await startShopify();
    h.mock.loseNextAnswers({ as: 502, times: 3 });
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', retryable: true, writeOutcome: undefined });
    expect(h.bodies()).toHaveLength(3);
  });

  it('refusals prove the mutation did not apply: userErrors, MAX_COST_EXCEEDED and a validation error are not-applied', async () => {
    h = await startShopify();
    const invalid = await h.shopify.products.create({ title: 'Aera', handle: 'aera-helmet' }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'VALIDATION_ERROR', writeOutcome: 'not-applied' });
    h.server.use(shopifyErrors.maxCostExceeded(2003, { times: 1 }));
    const tooCostly = await h.shopify.products.create({ title: 'Hat' }).catch((e: unknown) => e);
    expect(tooCostly).toMatchObject({ code: 'VALIDATION_ERROR', writeOutcome: 'not-applied' });
    h.server.use(shopifyErrors.graphqlError("Field 'nope' doesn't exist on type 'Mutation'", 'undefinedField', { times: 1 }));
    const unknownField = await h.shopify.products.create({ title: 'Cap' }).catch((e: unknown) => e);
    expect(unknownField).toMatchObject({ code: 'INVALID_REQUEST', writeOutcome: 'not-applied' });
  });
});
