import { describe, expect, it } from 'vitest';
import { apiKeyAuth, basicAuth, bearerAuth } from './static-auth.js';

const target = () => ({ headers: {} as Record<string, string>, query: new URLSearchParams() });

describe('static auth', () => {
  it('puts API keys in a header or the query and declares them secret', async () => {
    const header = apiKeyAuth({ in: 'header', name: 'X-Shopify-Access-Token', value: 'shpat_123456' });
    const t = target();
    await header.apply(t);
    expect(t.headers['x-shopify-access-token']).toBe('shpat_123456');
    expect(header.secretHeaders).toEqual(['X-Shopify-Access-Token']);
    const query = apiKeyAuth({ in: 'query', name: 'appid', value: 'owm-key-123' });
    const q = target();
    await query.apply(q);
    expect(q.query.get('appid')).toBe('owm-key-123');
    expect(query.secretParams).toEqual(['appid']);
    expect(query.secrets()).toEqual(['owm-key-123']);
  });

  it('bearer and basic', async () => {
    const t = target();
    await bearerAuth('pat-na1-abc').apply(t);
    expect(t.headers.authorization).toBe('Bearer pat-na1-abc');
    const b = basicAuth('user', 'password1');
    await b.apply(t);
    expect(t.headers.authorization).toBe(`Basic ${Buffer.from('user:password1').toString('base64')}`);
    expect(b.secrets()).toContain('password1');
  });

  it('refuses empty credentials with VALIDATION_ERROR', () => {
    expect(() => bearerAuth('  ')).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => apiKeyAuth({ in: 'query', name: 'appid', value: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => basicAuth('', 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
