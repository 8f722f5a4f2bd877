import { describe, expect, it } from 'vitest';
import { quotaFromHeaders } from './quota-headers.js';

describe('quotaFromHeaders', () => {
  const now = () => 1_700_000_000_000;
  it('reads X-RateLimit-* or RateLimit-* into an observation of the window', () => {
    const read = quotaFromHeaders('minute', { now });
    expect(read({ headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '30' } })).toEqual([
      { window: 'minute', remaining: 12, limit: 60, resetInMs: 30_000, mode: 'min' },
    ]);
    expect(read({ headers: { 'ratelimit-remaining': '3' } })).toEqual([{ window: 'minute', remaining: 3, mode: 'min' }]);
    expect(read({ headers: { 'x-ratelimit-remaining': 'many' } })).toEqual([]);
    expect(read({ headers: {} })).toEqual([]);
  });

  it('takes custom names and the exact mode', () => {
    const read = quotaFromHeaders('ten_secondly', { names: [{ limit: 'X-HubSpot-RateLimit-Max', remaining: 'X-HubSpot-RateLimit-Remaining' }], mode: 'exact' });
    expect(read({ headers: { 'x-hubspot-ratelimit-max': '100', 'x-hubspot-ratelimit-remaining': '42' } })).toEqual([{ window: 'ten_secondly', remaining: 42, limit: 100, mode: 'exact' }]);
  });
});
