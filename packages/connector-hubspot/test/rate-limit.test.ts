import { afterEach, describe, expect, it } from 'vitest';
import { nextMidnight, observeHubSpotQuota } from '../src/index.js';
import { generateRecords, hubspotErrors } from '../src/mocks/index.js';
import { harness, rejection, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const contacts = (count: number) => ({ contacts: generateRecords({ count }) });

describe('pacing to the ten-second rolling window', () => {
  it.each([
    ['configured for the plan', 'free'],
    ['configured higher, adapting from the quota headers', 'professional'],
  ] as const)('extracts 3,000 contacts 10 at a time without a single 429 (%s)', async (_label, plan) => {
    h = await harness({ mock: { records: contacts(3_000), rateLimit: { tenSecondly: 100 } }, config: { plan } });
    const started = h.clock.now();
    let count = 0;
    for await (const _ of h.hubspot.contacts.list({ limit: 10 })) count += 1;
    expect(count).toBe(3_000);
    expect(h.server.requests).toHaveLength(300);
    expect(h.mock.account.quota!.rejections).toBe(0);
    // 300 requests at 100 per rolling 10 s: two full waits, on fake time.
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(h.clock.now() - started).toBeLessThan(31_000);
    expect(h.server.requests.at(-1)!.headers['user-agent']).toMatch(/@cf\/connector-hubspot/);
  }, 60_000);

  it('counts what other clients on the same account spent, from X-HubSpot-RateLimit-Remaining', async () => {
    h = await harness({ mock: { records: contacts(2_000), rateLimit: { tenSecondly: 100 } } });
    for (let i = 0; i < 60; i += 1) h.mock.account.quota!.admit(false); // another integration's calls
    let count = 0;
    for await (const _ of h.hubspot.contacts.list({ limit: 10 })) count += 1;
    expect(count).toBe(2_000);
    expect(h.mock.account.quota!.rejections).toBe(0);
  }, 60_000);

  it('a TEN_SECONDLY_ROLLING 429 pauses every call for the window, then retries', async () => {
    let during: Promise<unknown> | undefined;
    h = await harness({
      config: {
        // A second call made while the first waits out its 429: it must wait for the pause too.
        hooks: { onRetry: [() => void (during ??= h!.hubspot.contacts.get('513'))] },
      },
    });
    h.server.use(hubspotErrors.tenSecondlyLimit({ times: 1 }));
    const waits: Array<{ reason: string; waitedMs: number }> = [];
    const retries: number[] = [];
    h.hubspot.on('rateLimitWait', (w) => waits.push({ reason: w.reason, waitedMs: w.waitedMs }));
    h.hubspot.on('retry', (r) => retries.push(r.delayMs));
    const started = h.clock.now();
    expect((await h.hubspot.contacts.get('512')).id).toBe('512');
    expect(((await during) as { id: string }).id).toBe('513');
    expect(retries).toEqual([10_000]);
    expect(waits).toContainEqual({ reason: 'paused', waitedMs: 10_000 });
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(10_000);
    expect(h.server.requests).toHaveLength(3);
  });

  it('a DAILY 429 is not retried, says when the quota resets, and later calls fail without a request', async () => {
    h = await harness();
    h.server.use(hubspotErrors.dailyLimit({ times: 1 }));
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error.code).toBe('RATE_LIMIT');
    expect(error.retryable).toBe(false);
    expect(error.details.policyName).toBe('DAILY');
    expect(error.details.resetsAt).toBe('2026-01-02T00:00:00.000Z');
    expect(error.message).toContain('resets at midnight');
    expect(h.server.requests).toHaveLength(1);
    const next = await rejection(h.hubspot.contacts.get('513'));
    expect(next.code).toBe('RATE_LIMIT');
    expect(h.server.requests).toHaveLength(1);
  });

  it('fails fast once the local daily quota is spent, naming the reset in the account time zone', async () => {
    h = await harness({ config: { limits: { daily: 2, timeZone: 'America/New_York' } } });
    await h.hubspot.contacts.get('512');
    await h.hubspot.contacts.get('513');
    const error = await rejection(h.hubspot.contacts.get('514'));
    expect(error.code).toBe('RATE_LIMIT');
    expect(error.retryable).toBe(false);
    // FakeClock starts at 2026-01-01T00:00Z, 19:00 on Dec 31 in New York: the next midnight there is 05:00Z.
    expect(error.details.resetsAt).toBe('2026-01-01T05:00:00.000Z');
    expect(h.server.requests).toHaveLength(2);
  });

  it('the daily quota errors quote the limit HubSpot reported, not the plan default', async () => {
    h = await harness({ mock: { rateLimit: { tenSecondly: 100, daily: 3 } } });
    for (const id of ['512', '513', '514']) await h.hubspot.contacts.get(id);
    const local = await rejection(h.hubspot.contacts.get('512'));
    expect(local.code).toBe('RATE_LIMIT');
    expect(local.message).toContain('3 per 1 day');
    expect(local.message).not.toContain('250000');
    expect(h.server.requests).toHaveLength(3);
  });

  it('a DAILY 429 quotes the daily limit from X-HubSpot-RateLimit-Daily, and so do the calls refused after it', async () => {
    h = await harness();
    h.server.use(hubspotErrors.dailyLimit({ times: 1, daily: 1_000_000 }));
    const error = await rejection(h.hubspot.contacts.get('512'));
    expect(error.message).toContain('1,000,000 calls per day');
    expect(error.details.dailyLimit).toBe(1_000_000);
    const next = await rejection(h.hubspot.contacts.get('513'));
    expect(next.message).toContain('1000000 per 1 day');
    expect(next.message).not.toContain('250000');
    expect(h.server.requests).toHaveLength(1);
  });

  it('rateLimit: false turns pacing off', async () => {
    h = await harness({ config: { rateLimit: false } });
    const started = h.clock.now();
    await Promise.all(Array.from({ length: 150 }, () => h!.hubspot.contacts.get('512')));
    expect(h.clock.now()).toBe(started);
  });

  it('concurrent batch chunks under a burst limit all complete; a 429 from timing drift is absorbed by pause and retry', async () => {
    h = await harness({ mock: { records: contacts(2_000), rateLimit: { tenSecondly: 5 } }, config: { limits: { tenSecondly: 5 } } });
    const result = await h.hubspot.contacts.batch.read(Array.from({ length: 2_000 }, (_, i) => String(1001 + i)));
    expect(result.results).toHaveLength(2_000);
    expect(result.errors).toEqual([]);
    const quota = h.mock.account.quota!;
    expect(quota.stats.accepted).toBe(20);
  }, 60_000);
});

describe('the search bucket', () => {
  it('paces searches to 5 per second, without a 429', async () => {
    h = await harness({ mock: { rateLimit: { tenSecondly: 100, searchPerSecond: 5 } } });
    const started = h.clock.now();
    for (let i = 0; i < 12; i += 1) await h.hubspot.contacts.search({ limit: 10 }).first();
    expect(h.mock.account.quota!.rejections).toBe(0);
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('counts searches toward the ten-second window too', async () => {
    h = await harness({ mock: { rateLimit: { tenSecondly: 10, searchPerSecond: 5 } }, config: { limits: { tenSecondly: 10 } } });
    for (let i = 0; i < 6; i += 1) await h.hubspot.contacts.get('512');
    for (let i = 0; i < 6; i += 1) await h.hubspot.contacts.search({ limit: 10 }).first();
    expect(h.mock.account.quota!.rejections).toBe(0);
    expect(h.mock.account.quota!.stats.accepted).toBe(12);
  });

  it('retries a search "secondly limit" 429 after a second', async () => {
    h = await harness();
    h.server.use(hubspotErrors.secondlyLimit({ times: 1, path: '*/crm/v3/objects/contacts/search' }));
    const retries: number[] = [];
    h.hubspot.on('retry', (r) => retries.push(r.delayMs));
    expect((await h.hubspot.contacts.search({}).first())?.id).toBe('512');
    expect(retries).toEqual([1_000]);
  });
});

describe('limits helpers', () => {
  it('nextMidnight follows the account time zone, across DST', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(new Date(nextMidnight(at('2026-01-01T00:00:00Z'), 'UTC')).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(new Date(nextMidnight(at('2026-01-01T12:00:00Z'), 'Europe/Berlin')).toISOString()).toBe('2026-01-01T23:00:00.000Z');
    // New York switches to EDT on 2026-03-08: that midnight is 05:00Z, the next one 04:00Z.
    expect(new Date(nextMidnight(at('2026-03-07T12:00:00Z'), 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(nextMidnight(at('2026-03-08T12:00:00Z'), 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('observeHubSpotQuota reads the rolling and daily headers, and a DAILY 429 body', () => {
    expect(
      observeHubSpotQuota({
        status: 200,
        data: {},
        headers: { 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-remaining': '185', 'x-hubspot-ratelimit-daily': '650000', 'x-hubspot-ratelimit-daily-remaining': '649000' },
      }),
    ).toEqual([
      { window: 'ten_secondly', limit: 190, remaining: 185 },
      { window: 'daily', limit: 650_000, remaining: 649_000 },
    ]);
    expect(observeHubSpotQuota({ status: 429, data: { policyName: 'DAILY' }, headers: {} })).toEqual([{ window: 'daily', remaining: 0 }]);
    expect(observeHubSpotQuota({ status: 200, data: {}, headers: { 'x-hubspot-ratelimit-max': 'lots' } })).toEqual([]);
  });
});
