import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { clickhouse } from '../src/clickhouse/index.js';
import { BOOKKEEPING_COLUMNS, type Batch, type Column, type TableSpec } from '../src/destination.js';
import { CLICKHOUSE_URL, chQuery, clickhouseUp, dropDatabase, skipReason, uniqueDatabase } from './fixtures/clickhouse.js';

const database = uniqueDatabase('cf_kill');
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const destinationModule = fileURLToPath(new URL('../src/clickhouse/clickhouse-destination.ts', import.meta.url));

const COLUMNS: Column[] = [{ name: 'id', type: 'text' }, { name: 'n', type: 'bigint' }, ...BOOKKEEPING_COLUMNS];
const AT = new Date('2026-12-01T00:00:00.000Z');

function batchOf(table: TableSpec, key: Batch['key'], ids: string[], n: number, checkpoint: string, rejects: string[]): Batch {
  return {
    key,
    table,
    rows: ids.map((id) => [id, n, JSON.stringify({ id, n }), AT, false]),
    rejects: rejects.map((id) => ({ record: JSON.stringify({ id }), error: 'bad', extractedAt: AT })),
    state: { checkpoint, complete: false, records: ids.length, updatedAt: AT },
  };
}

/** Commits `batch` in a child process that SIGKILLs itself right before `step` (rows and rejects already written). */
function commitAndDie(batch: Batch, step: 'rejects' | 'state'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const script = `
    const { ClickHouseDestination } = await import(${JSON.stringify(destinationModule)});
    const batch = JSON.parse(process.env.CF_BATCH, (k, v) => (v && typeof v === 'object' && '$date' in v ? new Date(v.$date) : v));
    const d = new ClickHouseDestination({ url: ${JSON.stringify(CLICKHOUSE_URL)}, database: ${JSON.stringify(database)} }, {
      beforeCommitStep: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); },
    });
    await d.open();
    await d.ensureTable({ name: batch.table.name, primaryKey: batch.table.primaryKey, columns: batch.table.columns });
    await d.commit(batch);
    console.error('not killed');
  `;
  const encoded = JSON.stringify(batch, function (this: Record<string, unknown>, k, v: unknown) {
    const raw = this[k];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@cf/source', '--input-type=module', '-e', script], {
      cwd: packageDir,
      env: { ...process.env, CF_BATCH: encoded },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe.skipIf(!clickhouseUp)(`clickhouse: SIGKILL mid-commit, then a rerun${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  afterAll(async () => {
    if (clickhouseUp) await dropDatabase(database);
  });

  it('a process killed between the rows and the state, then the same batch again: every record once', async () => {
    const table = `t_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const key = { connector: `kill_${table}`, stream: 'items' };
    const setup = clickhouse({ url: CLICKHOUSE_URL, database });
    await setup.open();
    const s: TableSpec = { name: table, primaryKey: ['id'], columns: await setup.ensureTable({ name: table, primaryKey: ['id'], columns: COLUMNS }) };
    // No background merge during the test: the raw row count below is exact.
    await chQuery(`SYSTEM STOP MERGES \`${database}\`.\`${table}\``);
    await setup.commit(batchOf(s, key, ['a'], 1, 'p1', ['r0']));
    await setup.close();

    const batch = batchOf(s, key, ['a', 'b', 'c'], 2, 'p2', ['r1', 'r2']);
    const killed = await commitAndDie(batch, 'state');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    // What a reader sees between the crash and the rerun: the old checkpoint, and the rows ahead of it.
    const rerun = clickhouse({ url: CLICKHOUSE_URL, database });
    await rerun.open();
    try {
      expect((await rerun.readState(key))?.checkpoint).toBe('p1');
      expect((await rerun.readRows(table)).map((r) => [r.id, r.n])).toEqual([
        ['a', 2],
        ['b', 2],
        ['c', 2],
      ]);
      // The rerun resumes from p1 and commits the same batch.
      await rerun.ensureTable(s);
      await rerun.commit(batch);
      expect((await rerun.readRows(table)).map((r) => [r.id, r.n])).toEqual([
        ['a', 2],
        ['b', 2],
        ['c', 2],
      ]);
      expect((await rerun.readRejects(key)).map((r) => JSON.parse(r.record).id)).toEqual(['r0', 'r1', 'r2']);
      expect(await rerun.readState(key)).toMatchObject({ checkpoint: 'p2', records: 3 });
      // Both attempts are stored until a merge; FINAL shows one.
      expect(Number(await chQuery(`SELECT count() FROM \`${database}\`.\`${table}\``))).toBe(7);
      expect(Number(await chQuery(`SELECT count() FROM \`${database}\`.\`${table}\` FINAL`))).toBe(3);
    } finally {
      await rerun.close();
    }
  }, 60_000);
});
