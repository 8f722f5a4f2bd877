import { describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { DEFAULT_API_VERSION, metadata, ShopifyConnector } from '../src/index.js';

const make = (options: Record<string, unknown>) => () => new ShopifyConnector({ shop: 'acme', accessToken: 'shpat_abc123456', ...options });

describe('configuration', () => {
  it('accepts a shop name or name.myshopify.com and pins the default version', async () => {
    const a = make({})();
    const b = make({ shop: 'Acme.myshopify.com', apiVersion: '2025-10' })();
    expect(a.shopDomain).toBe('acme.myshopify.com');
    expect(a.apiVersion).toBe(DEFAULT_API_VERSION);
    expect(DEFAULT_API_VERSION).toBe('2025-07');
    expect(b.shopDomain).toBe('acme.myshopify.com');
    expect(b.client.baseUrl.href).toBe('https://acme.myshopify.com/admin/api/2025-10');
    await a.disconnect();
    await b.disconnect();
  });

  it.each([
    [{ shop: 'https://acme.myshopify.com' }, 'shop'],
    [{ shop: 'shop.acme.com' }, 'shop'],
    [{ shop: '' }, 'shop'],
    [{ shop: 'acme/admin' }, 'shop'],
    [{ accessToken: '' }, 'accessToken'],
    [{ accessToken: 'shpat abc' }, 'accessToken'],
    [{ apiVersion: '2025-02' }, 'apiVersion'],
    [{ apiVersion: 'latest' }, 'apiVersion'],
    [{ baseUrl: 'ftp://proxy' }, 'baseUrl'],
    [{ baseUrl: 'http://127.0.0.1:9/admin/api/2025-07' }, 'baseUrl'],
    [{ timeoutMs: -1 }, 'timeoutMs'],
  ])('rejects %j naming %s', (options, field) => {
    const error = (() => {
      try {
        make(options)();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toContain(field);
  });

  it('ships a valid registry record', () => {
    expect(metadata).toMatchObject({ name: 'shopify', packageName: '@cf/connector-shopify', apiVersion: '2025-07', envVars: ['SHOPIFY_SHOP', 'SHOPIFY_ACCESS_TOKEN'] });
  });
});
