import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { clickhouse } from '../src/clickhouse/index.js';
import { BOOKKEEPING_COLUMNS, type Cell, type Column } from '../src/destination.js';
import { CLICKHOUSE_URL, chQuery, clickhouseUp, dropDatabase, skipReason, uniqueDatabase } from './fixtures/clickhouse.js';

const database = uniqueDatabase('cf_large');
const ROWS = 100_000;

describe.skipIf(!clickhouseUp)(`clickhouse: a large commit${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  afterAll(async () => {
    if (clickhouseUp) await dropDatabase(database);
  });

  it(`commits ${ROWS.toLocaleString('en')} rows in one batch (one INSERT) and reads them all back`, async () => {
    const dest = clickhouse({ url: CLICKHOUSE_URL, database });
    await dest.open();
    try {
      const table = `t_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      const columns: Column[] = [
        { name: 'id', type: 'text' },
        { name: 'n', type: 'bigint' },
        { name: 'x', type: 'double' },
        { name: 'flag', type: 'boolean' },
        { name: 'at', type: 'timestamp' },
        { name: 'doc', type: 'json' },
        { name: 'label', type: 'text' },
        ...BOOKKEEPING_COLUMNS,
      ];
      const actual = await dest.ensureTable({ name: table, primaryKey: ['id'], columns });
      const base = Date.UTC(2026, 0, 1);
      const extractedAt = new Date();
      const rows: Cell[][] = Array.from({ length: ROWS }, (_, i) => {
        const record = { id: `k${String(i).padStart(7, '0')}`, n: i, x: i / 4, flag: i % 2 === 0, at: new Date(base + i).toISOString(), doc: { i, tags: ['a', 'b'] }, label: `row ${i} ✓` };
        const values: Record<string, Cell> = { ...record, at: new Date(base + i), doc: JSON.stringify(record.doc), _raw: JSON.stringify(record), _extracted_at: extractedAt, _deleted: false };
        return actual.map((c) => values[c.name] ?? null);
      });
      const started = performance.now();
      await dest.commit({
        key: { connector: `large_${table}`, stream: 'items' },
        table: { name: table, primaryKey: ['id'], columns: actual },
        rows,
        rejects: [],
        state: { checkpoint: { after: ROWS }, complete: true, records: ROWS, updatedAt: new Date() },
      });
      const commitMs = performance.now() - started;
      console.log(`[clickhouse large commit] ${ROWS} rows committed in ${Math.round(commitMs)} ms`);

      expect(Number(await chQuery(`SELECT count() FROM \`${database}\`.\`${table}\` FINAL`))).toBe(ROWS);
      const read = await dest.readRows(table);
      expect(read).toHaveLength(ROWS);
      expect(read[ROWS - 1]).toMatchObject({ id: `k${String(ROWS - 1).padStart(7, '0')}`, n: ROWS - 1, x: (ROWS - 1) / 4, flag: false, doc: { i: ROWS - 1, tags: ['a', 'b'] } });
      expect((read[12_345]!.at as Date).getTime()).toBe(base + 12_345);
      expect((await dest.readState({ connector: `large_${table}`, stream: 'items' }))?.records).toBe(ROWS);
    } finally {
      await dest.close();
    }
  }, 300_000);
});
