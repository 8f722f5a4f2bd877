import { defineStreams, type Stream } from '@cf/core';
import * as z from '@cf/core/zod';

/** Options of `fakeConnector`: its name, record count, page size, and which records fail validation. */
export interface FakeConnectorOptions {
  /** Registry name (the table prefix). @default 'fake' */
  name?: string;
  /** Records in the `items` stream. @default 1000 */
  records?: number;
  /** Records per page. @default 50 */
  pageSize?: number;
  /** Every n-th record (1-based) fails the schema (`amount` is a string). @default none */
  invalidEvery?: number;
  /** A record field added from this record index on (`added_field`), to show schema evolution. */
  newFieldFrom?: number;
  /** Wait before each page (real time), so a crash test can kill mid-stream. @default 0 */
  pageDelayMs?: number;
  /** Throw an error when this page index (0-based) is read. */
  failAtPage?: number;
}

const itemSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.string(),
    seq: z.int(),
    name: z.string(),
    amount: z.number(),
    active: z.boolean(),
    updatedAt: z.iso.datetime(),
    address: z.object({ city: z.string(), zip: z.nullable(z.string()) }),
    tags: z.array(z.string()),
    archived: z.boolean(),
  }),
);

/** The record at index `i` (deterministic: the same run after run, so a rerun can be compared to a clean one). */
export function fakeRecord(i: number, options: FakeConnectorOptions = {}): Record<string, unknown> {
  const invalid = options.invalidEvery !== undefined && (i + 1) % options.invalidEvery === 0;
  return {
    id: `r${String(i).padStart(7, '0')}`,
    seq: i,
    name: `Record ${i} "quoted"\ttab`,
    amount: invalid ? 'not a number' : i * 1.25,
    active: i % 2 === 0,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    address: { city: ['Berlin', 'Zürich', 'São Paulo'][i % 3], zip: i % 5 === 0 ? null : String(10000 + i) },
    tags: i % 4 === 0 ? [] : [`t${i % 7}`],
    archived: i % 10 === 9,
    ...(options.newFieldFrom !== undefined && i >= options.newFieldFrom ? { addedField: `new ${i}` } : {}),
  };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    }, { once: true });
  });

/**
 * A connector with one incremental stream, `items`, served from memory: for tests of `sync()` and of destinations
 * (`describeDestinationSuite`, crash tests). Its checkpoint is the index of the next record.
 */
export function fakeConnector(options: FakeConnectorOptions = {}): { name: string; streams(): Stream[] } {
  const total = options.records ?? 1000;
  const pageSize = options.pageSize ?? 50;
  const bind = defineStreams<FakeConnectorOptions>(
    [
      {
        name: 'items',
        description: 'Generated records, oldest first',
        primaryKey: ['id'],
        syncMode: 'incremental',
        cursorField: 'updatedAt',
        deletedField: 'archived',
        operation: 'items.list',
      },
    ],
    {
      items: {
        schema: () => itemSchema,
        async *read(_connector, { checkpoint, signal }) {
          let next = typeof checkpoint === 'number' ? checkpoint : 0;
          let page = 0;
          while (next < total) {
            await sleep(options.pageDelayMs ?? 0, signal);
            if (options.failAtPage === page) throw Object.assign(new Error(`page ${page} failed`), { code: 'SERVER_ERROR' });
            const end = Math.min(next + pageSize, total);
            const items = [];
            for (let i = next; i < end; i++) items.push(fakeRecord(i, options));
            next = end;
            page += 1;
            yield { items, checkpoint: next, hasMore: next < total };
          }
        },
      },
    },
  );
  return { name: options.name ?? 'fake', streams: () => bind(options) };
}
