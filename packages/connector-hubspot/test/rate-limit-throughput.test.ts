import { afterEach, describe, expect, it } from 'vitest';
import { generateRecords, type MockLatency } from '../src/mocks/index.js';
import { harness, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const WINDOW_MS = 10_000;
const PAGE = 10;
/** Loopback-like latency with jitter, both ways: each quota header is a few ms stale when the client reads it. */
const jitter = (i: number): MockLatency => ({ toServer: 1 + ((i * 7) % 5), toClient: 1 + ((i * 11) % 6) });

describe('throughput at the rolling ten-second limit', () => {
  it.each([50, 100, 190])(
    'at %i per 10 s every full window carries exactly the limit, with no 429, at ≥ 0.97 of the burst floor',
    async (limit) => {
      // Four full windows and part of a fifth, at the connector's default plan: the limit comes from the headers.
      const requests = limit * 4 + limit / 2;
      h = await harness({ mock: { records: { contacts: generateRecords({ count: requests * PAGE }) }, rateLimit: { tenSecondly: limit, daily: false }, latency: jitter } });
      const start = h.clock.now();
      const sends: number[] = [];
      h.hubspot.on('request', () => sends.push(h!.clock.now() - start));
      let records = 0;
      for await (const _ of h.hubspot.contacts.list({ limit: PAGE })) records += 1;
      const elapsed = h.clock.now() - start;

      expect(records).toBe(requests * PAGE);
      expect(sends).toHaveLength(requests);
      expect(h.mock.account.quota!.rejections).toBe(0);
      const perWindow: number[] = [];
      for (const at of sends) perWindow[Math.floor(at / WINDOW_MS)] = (perWindow[Math.floor(at / WINDOW_MS)] ?? 0) + 1;
      expect(perWindow).toEqual([limit, limit, limit, limit, limit / 2]);
      // The floor: the last window cannot start before four full windows have passed.
      const floor = 4 * WINDOW_MS;
      expect(floor / elapsed).toBeGreaterThanOrEqual(0.97);
    },
    60_000,
  );
});
