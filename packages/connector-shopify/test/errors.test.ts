import { afterEach, describe, expect, it } from 'vitest';
import { shopifyErrors } from '../src/mocks/index.js';
import { startShopify, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('HTTP errors in core codes, with messages that say what to do', () => {
  it('401 is AUTH_FAILED (not retried); the token never appears in the error', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.unauthorized());
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect((error as Error).message).toContain('Shopify rejected the access token for acme-outdoor.myshopify.com (401)');
    expect((error as Error).message).toContain('[API] Invalid API key or access token');
    expect((error as { details: { apiRequestId?: string } }).details.apiRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(h.requests()).toHaveLength(1);
  });

  it('402 (frozen shop) and 423 (locked) are INVALID_REQUEST with the reason', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.frozenShop({ times: 1 }), shopifyErrors.locked({ times: 1 }));
    const frozen = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(frozen).toMatchObject({ code: 'INVALID_REQUEST', status: 402, details: { reason: 'shop_frozen' } });
    expect((frozen as Error).message).toMatch(/unavailable \(402 Payment Required\).*bill is unpaid/);
    const locked = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'INVALID_REQUEST', status: 423, details: { reason: 'shop_locked' } });
  });

  it('404 is NOT_FOUND naming the shop and the API version', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.notFound({ times: 1 }));
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((error as Error).message).toMatch(/shop "acme-outdoor.myshopify.com" does not exist.*API version 2025-07 is not served/);
  });

  it('an API version the server does not know is a 404 from the mock, as from Shopify', async () => {
    h = await startShopify({ connector: { apiVersion: '2099-01' } });
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(h.requests()[0]?.path).toBe('/admin/api/2099-01/graphql.json');
  });

  it('403 is AUTH_FAILED pointing at scopes', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.forbidden({ times: 1 }));
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 403 });
    expect((error as Error).message).toMatch(/lacks an access scope/);
  });

  it('5xx is retried with backoff and then SERVER_ERROR', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.serverError(503));
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 503, retryable: true, details: { attempt: 3 } });
    expect(h.requests()).toHaveLength(3);
  });

  it('MAX_COST_EXCEEDED from the server is VALIDATION_ERROR and not retried', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.maxCostExceeded(2003, { times: 1 }));
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'query' }], details: { codes: ['MAX_COST_EXCEEDED'] } });
    expect(h.requests()).toHaveLength(1);
  });

  it('a THROTTLED that persists gives up as RATE_LIMIT after the retry budget of attempts', async () => {
    h = await startShopify();
    h.server.use(shopifyErrors.throttled({ requested: 100, available: 0 }));
    const error = await h.shopify.shop.get().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 2000, details: { codes: ['THROTTLED'], requestedQueryCost: 100 } });
    expect(h.requests()).toHaveLength(3);
  });
});
