import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAdmin, dropSchemas, POSTGRES_URL, postgresUp, uniqueSchema } from './fixtures/postgres.js';

// Exactly once under SIGKILL: a child process commits batches (resuming from the committed checkpoint, as the engine
// does) and is killed in the middle of a COPY, then in the middle of the upsert. Whatever the moment, the committed
// rows match the committed checkpoint; a rerun then lands every row exactly once.

const BATCHES = 12;
const BATCH_ROWS = 20_000;
const schema = uniqueSchema('cf_kill');
const table = 'items';
const source = pathToFileURL(fileURLToPath(new URL('../src/postgres/index.ts', import.meta.url))).href;
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/esm/index.mjs', import.meta.url));

const CHILD = `
import { postgres } from ${JSON.stringify(source)};
const [url, schema, table, batches, size] = process.argv.slice(2);
const columns = [
  { name: 'id', type: 'text' }, { name: 'batch', type: 'bigint' }, { name: 'label', type: 'text' },
  { name: '_raw', type: 'json' }, { name: '_extracted_at', type: 'timestamp' }, { name: '_deleted', type: 'boolean' },
];
const d = postgres({ connectionString: url, schema });
await d.open();
const spec = { name: table, primaryKey: ['id'], columns: await d.ensureTable({ name: table, primaryKey: ['id'], columns }) };
const key = { connector: 'kill', stream: table };
const state = await d.readState(key);
const at = new Date();
for (let k = (state?.checkpoint ?? 0) + 1; k <= Number(batches); k++) {
  const rows = [];
  for (let i = 0; i < Number(size); i++) {
    const id = 'b' + String(k).padStart(3, '0') + '_' + String(i).padStart(6, '0');
    rows.push(spec.columns.map((c) => c.name === 'id' ? id : c.name === 'batch' ? k : c.name === 'label' ? 'tab\\there ' + i : c.name === '_raw' ? JSON.stringify({ id }) : c.name === '_extracted_at' ? at : c.name === '_deleted' ? false : null));
  }
  await d.commit({ key, table: spec, rows, rejects: [{ record: JSON.stringify({ batch: k }), error: 'one reject per batch', extractedAt: at }], state: { checkpoint: k, complete: k === Number(batches), records: k * Number(size), updatedAt: new Date() } });
  process.stdout.write('committed ' + k + '\\n');
}
await d.close();
`;

describe.skipIf(!postgresUp)('postgres destination: SIGKILL at any point, then a rerun, gives every row exactly once', () => {
  let admin: pg.Client;
  let dir: string;
  let script: string;

  beforeAll(async () => {
    admin = await connectAdmin();
    dir = mkdtempSync(join(tmpdir(), 'cf-load-kill-'));
    script = join(dir, 'child.mjs');
    writeFileSync(script, CHILD);
  });
  afterAll(async () => {
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
    await dropSchemas(schema);
  });

  const run = (app: string): ChildProcess => {
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('application_name', app);
    return spawn(process.execPath, ['--import', pathToFileURL(tsx).href, script, url.toString(), schema, table, String(BATCHES), String(BATCH_ROWS)], { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  const rowsOf = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await admin.query<T>(text, values)).rows;

  /**
   * Waits until the child has committed `after` batches, then kills it (SIGKILL) the first time `probe` finds its
   * backend in the wanted phase of the next one; false if that never happened before the child finished.
   */
  async function killWhen(child: ChildProcess, app: string, after: number, probe: string): Promise<boolean> {
    const done = exited(child);
    let finished = false;
    void done.then(() => (finished = true));
    let committed = 0;
    child.stdout!.on('data', (b: Buffer) => (committed += (b.toString().match(/committed/g) ?? []).length));
    while (!finished) {
      const hit = committed >= after ? await rowsOf(probe, [app]) : [];
      if (hit.length > 0) {
        child.kill('SIGKILL');
        await done;
        // The server notices the closed socket and rolls the open transaction back.
        for (let i = 0; i < 500 && (await rowsOf('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [app])).length > 0; i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        return true;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return false;
  }

  /** The invariant: the rows, rejects and checkpoint all describe the same committed batches. */
  async function consistent(): Promise<number> {
    const [state] = await rowsOf<{ checkpoint: number | null }>(`SELECT checkpoint FROM "${schema}"."_cf_state" WHERE connector = 'kill' AND stream = $1`, [table]);
    const committed = state?.checkpoint ?? 0;
    const [counts] = await rowsOf<{ n: number; batches: number; top: number | null }>(`SELECT count(*)::int AS n, count(DISTINCT batch)::int AS batches, max(batch)::int AS top FROM "${schema}"."${table}"`);
    expect(counts).toEqual({ n: committed * BATCH_ROWS, batches: committed, top: committed === 0 ? null : committed });
    const [rejects] = await rowsOf<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."_cf_rejects" WHERE connector = 'kill'`);
    expect(rejects!.n).toBe(committed);
    return committed;
  }

  it('killed during COPY, killed during the upsert, then run to the end', { timeout: 180_000 }, async () => {
    const copying = `SELECT 1 FROM pg_stat_progress_copy p JOIN pg_stat_activity a USING (pid) WHERE a.application_name = $1 AND p.tuples_processed > 1000`;
    const upserting = `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query LIKE 'INSERT INTO "${schema}"."${table}"%'`;

    // Two batches in, during the third's COPY: batches 1 and 2 are there, nothing of the third.
    const first = run(`cf_kill_copy_${process.pid}`);
    expect(await killWhen(first, `cf_kill_copy_${process.pid}`, 2, copying)).toBe(true);
    expect(await consistent()).toBe(2);

    // Resumed from 2: two more batches, then during the next one's upsert (after its COPY completed).
    const second = run(`cf_kill_upsert_${process.pid}`);
    const caught = await killWhen(second, `cf_kill_upsert_${process.pid}`, 2, upserting);
    const afterUpsertKill = await consistent();
    // The signal lands a moment after the probe saw the upsert running: usually still in it (4 committed), possibly
    // just after the COMMIT (5). Either way the rows match the checkpoint (checked by consistent()).
    if (caught) expect([4, 5]).toContain(afterUpsertKill);
    else console.warn('[postgres sigkill] the upsert phase was never observed; only the COPY kill was exercised');

    const last = run(`cf_kill_rerun_${process.pid}`);
    const stderr: string[] = [];
    last.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
    const result = await exited(last);
    expect(result, stderr.join('')).toEqual({ code: 0, signal: null });
    expect(await consistent()).toBe(BATCHES);
    const [distinct] = await rowsOf<{ n: number }>(`SELECT count(DISTINCT id)::int AS n FROM "${schema}"."${table}"`);
    expect(distinct!.n).toBe(BATCHES * BATCH_ROWS);
  });
});
