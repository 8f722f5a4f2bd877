import { afterEach, describe, expect, it } from 'vitest';
import type { ShopifyEvents } from '../src/index.js';
import { startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('API version and deprecation notices', () => {
  it('surfaces a version fall-forward in an event (once) and in response meta', async () => {
    h = await startShopify({ connector: { apiVersion: '2024-07' } });
    const mismatches: Array<ShopifyEvents['apiVersionMismatch']> = [];
    const dispose = h.shopify.on('apiVersionMismatch', (e) => mismatches.push(e));
    const { meta } = await h.shopify.graphql('{ shop { id } }');
    await h.shopify.shop.get();
    expect(meta.apiVersion).toEqual({ requested: '2024-07', served: '2025-01' });
    expect(h.requests()[0]?.path).toBe('/admin/api/2024-07/graphql.json');
    expect(mismatches).toEqual([{ requested: '2024-07', served: '2025-01', requestId: meta.requestId, operation: 'query' }]);
    dispose();
  });

  it('surfaces X-Shopify-API-Deprecated-Reason in an event, the logger and response meta', async () => {
    const logged: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (_o: object, msg?: string) => void logged.push(msg ?? ''), error: () => undefined };
    h = await startShopify({ connector: { logger } });
    const notices: Array<ShopifyEvents['deprecation']> = [];
    h.shopify.on('deprecation', (e) => notices.push(e));
    const { meta } = await h.shopify.graphql('query Emails { customers(first: 5) { nodes { id email } } }');
    expect(meta.deprecatedReason).toBe('https://shopify.dev/api/usage/versioning#deprecation-practices');
    expect(notices).toEqual([{ reason: meta.deprecatedReason, requestId: meta.requestId, operation: 'Emails', apiVersion: '2025-07' }]);
    expect(logged).toContain('Emails uses a deprecated API');
    // The default customer selection avoids the deprecated field.
    await h.shopify.customers.list().toArray({ limit: 1 });
    expect(notices).toHaveLength(1);
  });

  it('keeps core events: request, response, rateLimitWait', async () => {
    h = await startShopify();
    const seen: string[] = [];
    h.shopify.on('request', () => seen.push('request'));
    h.shopify.on('response', (e) => seen.push(`response ${e.status} ${e.headers['x-shopify-api-version']}`));
    await h.shopify.shop.get();
    expect(seen).toEqual(['request', 'response 200 2025-07']);
  });
});
