import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecords } from '../src/mocks/index.js';
import { harness, type Harness } from './helpers.js';

const COUNT = 25_000;

/** A real GC when the runtime allows one, so heap readings measure what is retained, not garbage. */
function collector(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('contacts.list over 25,000 records', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT }) } } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('streams every record in order, 100 per request, holding at most one page, with flat heap', async () => {
    const gc = collector();
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    let count = 0;
    let maxHeld = 0;
    let baseline = 0;
    let peak = 0;
    for await (const contact of h.hubspot.contacts.list({ properties: ['email', 'firstname'] })) {
      if (contact.id !== String(1001 + count)) throw new Error(`record ${count} has id ${contact.id}`);
      count += 1;
      // Records the mock has served minus records consumed: what the iterator is holding right now.
      maxHeld = Math.max(maxHeld, h.mock.account.stats.listRecordsServed - count);
      if (count === 2_500) baseline = heap();
      else if (count === 12_500 || count === COUNT) peak = Math.max(peak, heap());
    }
    expect(count).toBe(COUNT);
    expect(h.mock.account.stats.listPages).toBe(COUNT / 100);
    expect(h.server.requests.every((r) => r.query.get('limit') === '100')).toBe(true);
    expect(maxHeld).toBeLessThan(100);
    const growthMb = (peak - baseline) / 1024 / 1024;
    console.info(`heap growth over ${COUNT - 2_500} records: ${growthMb.toFixed(2)} MB (gc: ${gc ? 'yes' : 'no'})`);
    // 22,500 retained records would be well over 10 MB; without a GC to call, allow for uncollected garbage.
    expect(growthMb).toBeLessThan(gc ? 4 : 48);
  }, 120_000);
});
