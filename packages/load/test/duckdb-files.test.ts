import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING_COLUMNS } from '../src/destination.js';
import { duckdb } from '../src/duckdb/index.js';
import { DestinationUnavailableError, type LoadError } from '../src/errors.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'cf-duckdb-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process that opens `file` with the driver and holds it until killed; resolves once it has the lock. */
function holder(file: string): Promise<ChildProcess> {
  const code = `
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(process.argv[1]);
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, file], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => data.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

/** Another process that opens `file`, counts the rows of `table` and exits: the file was released. */
function countInOtherProcess(file: string, table: string): Promise<string> {
  const code = `
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(process.argv[1]);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM ' + process.argv[2]);
    process.stdout.write(String(reader.getRows()[0][0]));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, file, table], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err)))));
}

async function openError(path: string): Promise<LoadError> {
  const destination = duckdb(path);
  const error = await destination.open().then(
    () => undefined,
    (e: unknown) => e,
  );
  await destination.close();
  expect(error).toBeInstanceOf(DestinationUnavailableError);
  return error as LoadError;
}

describe('duckdb: files', () => {
  it('a file another process holds: DestinationUnavailableError naming the path, the process and the rule', async () => {
    const file = join(dir, 'held.duckdb');
    const child = await holder(file);
    try {
      const error = await openError(file);
      expect(error.code).toBe('DESTINATION_UNAVAILABLE');
      expect(error.message).toContain(`DuckDB ${file} is unavailable: another process (PID ${child.pid}`);
      expect(error.message).toMatch(/DuckDB allows one writer process per file/);
    } finally {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Once the other process is gone, the file opens.
    const destination = duckdb(file);
    await destination.open();
    await destination.close();
  }, 20_000);

  it('destinations opening one new file at once in one process do not conflict (schema changes are serialized)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cf-duckdb-race-')), 'race.duckdb');
    for (let round = 0; round < 5; round++) {
      const file = `${path}.${round}`;
      const destinations = Array.from({ length: 6 }, () => duckdb(file));
      await Promise.all(destinations.map((d) => d.open()));
      const spec = { name: 't', primaryKey: ['id'], columns: [{ name: 'id', type: 'text' as const }, ...BOOKKEEPING_COLUMNS] };
      await Promise.all(destinations.map((d, i) => d.ensureTable({ ...spec, columns: [...spec.columns, { name: `c${i}`, type: 'bigint' as const }] })));
      const columns = await destinations[0]!.ensureTable(spec);
      expect(columns.map((c) => c.name).filter((n) => /^c\d$/.test(n)).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
      await Promise.all(destinations.map((d) => d.close()));
    }
  });

  it('close() releases the file to other processes', async () => {
    const file = join(dir, 'released.duckdb');
    const destination = duckdb(file);
    await destination.open();
    const columns = [{ name: 'id', type: 'text' as const }, ...BOOKKEEPING_COLUMNS];
    const table = { name: 'items', primaryKey: ['id'], columns: await destination.ensureTable({ name: 'items', primaryKey: ['id'], columns }) };
    await destination.commit({
      key: { connector: 'c', stream: 's' },
      table,
      rows: [['a', '{}', new Date(), false]],
      rejects: [],
      state: { checkpoint: null, complete: true, records: 1, updatedAt: new Date() },
    });
    await destination.close();
    expect(await countInOtherProcess(file, 'items')).toBe('1');
  }, 20_000);

  it('a directory: DestinationUnavailableError', async () => {
    const error = await openError(dir);
    expect(error.message).toBe(`DuckDB ${dir} is unavailable: the path is a directory; give a database file inside it.`);
  });

  it('a file in a directory that does not exist', async () => {
    const error = await openError(join(dir, 'nope', 'x.duckdb'));
    expect(error.message).toMatch(/its directory does not exist/);
  });

  it('a file that is not a DuckDB database', async () => {
    const file = join(dir, 'notes.duckdb');
    writeFileSync(file, 'these are notes, not a database\n'.repeat(200));
    const error = await openError(file);
    expect(error.message).toMatch(/not a DuckDB database/);
  });

  it('a failed open leaves nothing behind: the next open of a good path works', async () => {
    mkdirSync(join(dir, 'later'));
    await openError(join(dir, 'later'));
    const destination = duckdb(join(dir, 'later', 'ok.duckdb'));
    await destination.open();
    await destination.close();
  });
});
