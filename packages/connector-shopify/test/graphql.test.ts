import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { z } from 'zod';
import { shopifyErrors } from '../src/mocks/index.js';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PRODUCT_TITLE = `query ProductTitle($id: ID!) { product(id: $id) { id title } }`;

describe('graphql(): the raw typed call', () => {
  it('sends query, variables and operationName; returns typed data, extensions and meta', async () => {
    h = await startShopify();
    const schema = z.looseObject({ product: z.looseObject({ id: z.string(), title: z.string() }).nullable() });
    const result = await h.shopify.graphql<z.infer<typeof schema>, { id: string }>(PRODUCT_TITLE, { id: 'gid://shopify/Product/7608002183224' }, { schema, operationName: 'ProductTitle' });
    expect(result.data.product).toEqual({ id: 'gid://shopify/Product/7608002183224', title: 'Aera' });
    expect(result.meta).toMatchObject({
      apiVersion: { requested: '2025-07', served: '2025-07' },
      deprecatedReason: undefined,
      cost: { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 999, restoreRate: 50 } },
      expectedCost: 1,
      attempts: 1,
    });
    expect(result.meta.apiRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.extensions).toHaveProperty('cost');
    const body = expectGraphqlRequest(h.requests()[0], { query: PRODUCT_TITLE, variables: { id: 'gid://shopify/Product/7608002183224' } });
    expect(body).toHaveProperty('operationName', 'ProductTitle');
  });

  it('a GraphQL error on HTTP 200 is an error, not data (INVALID_REQUEST with the API message)', async () => {
    h = await startShopify();
    const error = await h.shopify.graphql('{ nope { id } }').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', retryable: false, details: { httpStatus: 200, codes: ['undefinedField'] } });
    expect((error as Error).message).toBe("Shopify rejected the GraphQL request: Field 'nope' doesn't exist on type 'QueryRoot' (at query.nope)");
    expect(h.requests()).toHaveLength(1);
    h.server.use(shopifyErrors.graphqlError("Field 'nope' doesn't exist on type 'Product'", 'undefinedField', { times: 1 }));
    const again = await h.shopify.graphql('{ shop { id } }').catch((e: unknown) => e);
    expect((again as Error).message).toBe("Shopify rejected the GraphQL request: Field 'nope' doesn't exist on type 'Product' (at query.nope)");
  });

  it('userErrors in any mutation payload are thrown as VALIDATION_ERROR', async () => {
    h = await startShopify();
    const error = await h.shopify
      .graphql('mutation { productCreate(product: { title: "" }) { product { id } userErrors { field message } } }')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'title', message: "Title can't be blank" }] });
  });

  it('retries a THROTTLED query and a THROTTLED mutation (Shopify did not run either), waiting (requested − available) / restoreRate', async () => {
    h = await startShopify();
    const retries: number[] = [];
    h.shopify.on('retry', (e) => retries.push(e.delayMs));
    h.server.use(shopifyErrors.throttled({ requested: 202, available: 2, restoreRate: 50, times: 1 }));
    await h.shopify.graphql('{ shop { id } }');
    h.server.use(shopifyErrors.throttled({ requested: 10, available: 5, restoreRate: 100, times: 1 }));
    const { data } = await h.shopify.graphql<{ productCreate: { product: { title: string } } }>(
      'mutation { productCreate(product: { title: "Gloves" }) { product { title } userErrors { field message } } }',
    );
    expect(data.productCreate.product.title).toBe('Gloves');
    expect(retries).toEqual([4000, 50]);
  });

  it('retries a query after a 5xx, but never a mutation that may have run', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.serverError(502, { times: 1 }));
    await h.shopify.graphql('{ shop { id } }');
    expect(h.requests()).toHaveLength(2);
    h.server.use(shopifyErrors.serverError(502, { times: 1 }));
    const error = await h.shopify.graphql('mutation { productCreate(product: { title: "Hat" }) { product { id } userErrors { field message } } }').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502 });
    expect(h.requests()).toHaveLength(3);
  });

  it('validates the document and options before the network', async () => {
    h = await startShopify();
    for (const call of [
      () => h!.shopify.graphql(''),
      () => h!.shopify.graphql('{ shop { id }'),
      () => h!.shopify.graphql('query A { shop { id } } query B { shop { name } }'),
      () => h!.shopify.graphql('query A { shop { id } }', undefined, { operationName: 'B' }),
      () => h!.shopify.graphql('subscription { shop { id } }'),
      () => h!.shopify.graphql('{ shop { id } }', [] as never),
      () => h!.shopify.graphql('{ shop { id } }', undefined, { cost: -5 }),
      () => h!.shopify.graphql('mutation { productDelete(input: {id: "gid://shopify/Product/1"}) { deletedProductId } }', undefined, { idempotencyKey: 'k-1' }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
