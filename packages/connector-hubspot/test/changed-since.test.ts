import { afterEach, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../src/index.js';
import { generateRecords } from '../src/mocks/index.js';
import { harness, invalid, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const START = Date.UTC(2024, 0, 1);
const COUNT = 3_000;
/** Records 1,000–1,599 share one millisecond (six pages' worth); the rest come in threes. */
const modifiedAt = (i: number) => (i >= 1_000 && i < 1_600 ? START + 1_000_000_000 : START + Math.floor(i / 3) * 1_000 + (i >= 1_600 ? 2_000_000_000 : 0));

describe('contacts.changedSince', () => {
  it('POSTs a search bounded by the checkpoint and by now minus the settle time, oldest first', async () => {
    h = await harness();
    const since = new Date('2024-03-09T00:00:00.000Z');
    const pages = [];
    for await (const page of h.hubspot.contacts.changedSince(since, { properties: ['email'] }).pages()) pages.push(page);
    expect(h.server.requests).toHaveLength(1);
    expect(h.server.requests[0]!.path).toBe('/crm/v3/objects/contacts/search');
    expect(h.server.requests[0]!.json).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since.getTime()) },
            { propertyName: 'lastmodifieddate', operator: 'LT', value: String(h.clock.now() - 30_000) },
          ],
        },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['email', 'lastmodifieddate'],
      limit: 100,
    });
    expect(pages[0]!.items.map((c) => c.id)).toEqual(['513', '514']);
    // The last page still carries a checkpoint: just after the newest record delivered.
    expect(pages[0]!.checkpoint).toEqual({ since: Date.parse('2024-04-02T16:45:10.900Z') + 1, until: h.clock.now() - 30_000 });
    expect(pages[0]!.hasMore).toBe(false);
  });

  it('uses hs_lastmodifieddate for other object types and ANDs extra filters', async () => {
    h = await harness();
    const deals = await h.hubspot.deals.changedSince(null, { filters: [{ propertyName: 'pipeline', operator: 'EQ', value: 'default' }] }).toArray({ limit: 10 });
    expect((h.server.requests[0]!.json as { filterGroups: unknown }).filterGroups).toEqual([
      {
        filters: [
          { propertyName: 'pipeline', operator: 'EQ', value: 'default' },
          { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: '0' },
          { propertyName: 'hs_lastmodifieddate', operator: 'LT', value: String(h.clock.now() - 30_000) },
        ],
      },
    ]);
    expect(deals.map((d) => d.id)).toEqual(['7001', '7002']);
  });

  it('resumes after crashes from saved checkpoints with no record lost or repeated, many sharing one millisecond', async () => {
    h = await harness({ mock: { records: { contacts: generateRecords({ count: COUNT, modifiedAt }) } } });
    const delivered: string[] = [];
    const saved: Checkpoint[] = [];
    let checkpoint: Checkpoint | null = null;
    let runs = 0;
    for (;;) {
      runs += 1;
      let pagesThisRun = 0;
      let finished = true;
      // A job that dies after every 7th page: what it processed and saved survives, nothing else.
      for await (const page of h.hubspot.contacts.changedSince(checkpoint, { pageSize: 100 }).pages()) {
        delivered.push(...page.items.map((c) => c.id));
        checkpoint = JSON.parse(JSON.stringify(page.checkpoint)) as Checkpoint;
        saved.push(checkpoint);
        pagesThisRun += 1;
        if (page.hasMore && pagesThisRun === 7) {
          finished = false;
          break;
        }
      }
      if (finished) break;
    }
    expect(runs).toBeGreaterThan(3);
    expect(delivered).toHaveLength(COUNT);
    expect(new Set(delivered).size).toBe(COUNT);
    // Oldest first: (modification date, id) never goes backwards.
    const keys = delivered.map((id) => [modifiedAt(Number(id) - 1001), Number(id)] as const);
    for (let i = 1; i < keys.length; i += 1) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(b[0] > a[0] || (b[0] === a[0] && b[1] > a[1])).toBe(true);
    }
    // Some crash happened inside the shared millisecond, resumed by id.
    expect(saved.some((c) => c.afterId !== undefined && c.afterId !== '0')).toBe(true);
    // Nothing new since the last checkpoint.
    expect(await h.hubspot.contacts.changedSince(checkpoint).toArray({ limit: 10 })).toEqual([]);
  }, 60_000);

  it('picks up a later change once it has settled, exactly once', async () => {
    h = await harness();
    const first = [];
    let checkpoint: Checkpoint | null = null;
    for await (const page of h.hubspot.contacts.changedSince(null).pages()) {
      first.push(...page.items);
      checkpoint = page.checkpoint;
    }
    expect(first).toHaveLength(3);
    await h.hubspot.contacts.update('513', { properties: { firstname: 'Augusta' } });
    // Written just now: left for a later run while the search index catches up.
    expect(await h.hubspot.contacts.changedSince(checkpoint).toArray({ limit: 10 })).toEqual([]);
    h.clock.advance(31_000);
    const later = await h.hubspot.contacts.changedSince(checkpoint, { properties: ['firstname'] }).toArray({ limit: 10 });
    expect(later.map((c) => [c.id, c.properties.firstname])).toEqual([['513', 'Augusta']]);
  });

  it('says what it held back: the scan and every checkpoint carry the settle bound', async () => {
    h = await harness();
    await h.hubspot.contacts.update('513', { properties: { firstname: 'Augusta' } });
    const scan = h.hubspot.contacts.changedSince(Date.parse('2024-05-01T00:00:00.000Z'));
    expect(scan.settleMs).toBe(30_000);
    expect(scan.until).toBeUndefined();
    const pages = [];
    for await (const page of scan.pages()) pages.push(page);
    const until = h.clock.now() - 30_000;
    // The change made just now is newer than the bound: nothing this run, and the run says where it stopped.
    expect(pages.map((p) => p.items.length)).toEqual([0]);
    expect(scan.until).toBe(until);
    expect(pages[0]!.checkpoint).toEqual({ since: Date.parse('2024-05-01T00:00:00.000Z'), until });
    // A checkpoint passed back is accepted as it is; its bound is informational (each run sets its own).
    h.clock.advance(31_000);
    const later = await h.hubspot.contacts.changedSince(pages[0]!.checkpoint).toArray({ limit: 10 });
    expect(later.map((c) => c.id)).toEqual(['513']);
    const bound = h.server.requests.at(-1)!.json as { filterGroups: Array<{ filters: Array<{ operator: string; value: string }> }> };
    expect(bound.filterGroups[0]!.filters.find((f) => f.operator === 'LT')?.value).toBe(String(h.clock.now() - 30_000));
  });

  it('rejects bad checkpoints and options before the network', async () => {
    h = await harness();
    const c = h.hubspot.contacts;
    await invalid(() => c.changedSince({ since: -1 }));
    await invalid(() => c.changedSince({ since: 1, afterId: 'x' }));
    await invalid(() => c.changedSince('yesterday'));
    await invalid(() => c.changedSince(null, { pageSize: 201 }), 'pageSize');
    await invalid(() => c.changedSince(null, { filters: Array.from({ length: 8 }, () => ({ propertyName: 'email', operator: 'HAS_PROPERTY' as const })) }), 'filters');
    await invalid(() => c.changedSince(null, { settleMs: -1 }), 'settleMs');
    await invalid(() => c.changedSince(null, { since: 1 } as never));
    expect(h.server.requests).toHaveLength(0);
  });
});
