import { publicOperations } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { metadata, ShopifyConnector } from '../src/index.js';
import { conformanceSubject } from '../src/mocks/index.js';

describe('metadata', () => {
  it('declares exactly the public methods a user can call, with no internals among them', () => {
    const shopify = new ShopifyConnector({ shop: 'acme', accessToken: 'shpat_metadata_test' });
    const declared = (metadata.operations ?? []).map((o) => o.name).sort();
    expect(publicOperations(shopify)).toEqual(declared);
    expect(declared).toContain('bulk.run');
    expect(declared).not.toContain('inventory.changedSince');
  });

  it('gives every declared operation a sample invocation in the conformance subject', () => {
    expect(conformanceSubject.operations?.map((o) => o.name).sort()).toEqual((metadata.operations ?? []).map((o) => o.name).sort());
  });

  it("declares Shopify's THROTTLED answer as the API sends it: HTTP 200, the code in errors[], no Retry-After", () => {
    expect(metadata.limitModel).toMatchObject({
      windows: [{ limit: 1000, intervalMs: 20_000, unit: 'points', algorithm: 'token-bucket' }],
      rateLimitedAnswer: { status: 200, retryAfter: false, body: { errors: [{ extensions: { code: 'THROTTLED' } }] } },
    });
    expect(metadata.credential).toEqual({ in: 'header', name: 'x-shopify-access-token' });
  });
});
