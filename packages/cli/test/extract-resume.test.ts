import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readState } from '../src/index.js';
import { spawnCli, tempDir } from './helpers.js';

interface Finished {
  code: number | null;
  stderr: string;
}

/** Runs the real binary; with `interruptAfterPages`, sends it SIGINT once it has logged that many pages. */
function run(args: string[], interruptAfterPages?: number): Promise<Finished> {
  const child = spawnCli(args);
  let stderr = '';
  let interrupted = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    const pages = stderr.split('\n').filter((line) => /^hubspot contacts: \d+ records, \d+ pages?,/.test(line)).length;
    if (interruptAfterPages !== undefined && !interrupted && pages >= interruptAfterPages) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  child.stdout.resume();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('cf extract hubspot contacts --sandbox, interrupted with Ctrl-C and rerun with --state', () => {
  it('writes every record exactly once', async () => {
    const dir = tempDir();
    const out = join(dir, 'c.jsonl');
    const state = join(dir, 'c.state.json');
    const args = ['extract', 'hubspot', 'contacts', '--sandbox', '--out', out, '--state', state, '--progress', 'plain'];

    const first = await run(args, 3);
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/hubspot contacts: interrupted after \d+ records, \d+ pages.*state saved to .*c\.state\.json: rerun the same command to resume/);
    const saved = readState(state, 'hubspot', 'contacts');
    const partial = readFileSync(out, 'utf8').trim().split('\n');
    expect(saved?.complete).toBe(false);
    expect(saved?.records).toBe(partial.length);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(2_500);

    const second = await run(args);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/hubspot contacts: done, \d+ records/);

    // The sandbox account holds 2,500 generated contacts, ids 1001..3500.
    const ids = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 2_500 }, (_, i) => String(1_001 + i))));
    expect(readState(state, 'hubspot', 'contacts')).toMatchObject({ complete: true, records: 2_500 });
  });
});
