import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { destinationFromUrl } from '../src/index.js';
import { fakeRecord } from '../src/testing/fake-connector.js';
import { CRASH_REJECTS, CRASH_STREAM } from './fixtures/crash-stream.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(PACKAGE_DIR, 'test', 'fixtures', 'crash-child.ts');

interface RunResult {
  killed: boolean;
  exitCode: number | null;
}

/** Runs the child sync; with `killAfterMs`, SIGKILLs it that long after it started syncing (if still running). */
function runChild(url: string, name: string, killAfterMs?: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [url, name], { cwd: PACKAGE_DIR, execArgv: ['--conditions=@cf/source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    child.on('message', (m: { type: string }) => {
      if (m.type === 'syncing' && killAfterMs !== undefined) {
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: killed && signal === 'SIGKILL', exitCode: code });
    });
  });
}

/**
 * SIGKILL at random points of a sync, then a rerun to the end: every record lands exactly once (one row per key with
 * its content, each reject once, the state's count right). `url()` gives the destination (undefined: skip, reason).
 */
export function describeCrashResume(name: string, target: { url: () => string; skip?: string | false | undefined }, kills = Number(process.env.CF_CRASH_KILLS ?? 6)): void {
  if (target.skip) console.warn(`[crash-resume ${name}] skipped: ${target.skip}`);
  describe.skipIf(Boolean(target.skip))(`crash and resume: ${name}`, () => {
    it(`SIGKILLed ${kills} times at random points, a rerun lands every record exactly once`, async () => {
      const url = target.url();
      const connector = `crash_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      let killedMidway = 0;
      for (let i = 0; i < kills; i++) {
        const result = await runChild(url, connector, 50 + Math.floor(Math.random() * 650));
        if (result.killed) killedMidway += 1;
        else expect(result.exitCode).toBe(0);
      }
      // Kills must land mid-sync, or the test proves nothing (a sync lasts over 2.4 s; each kill is at most 700 ms in).
      expect(killedMidway).toBeGreaterThanOrEqual(Math.min(kills, 3));
      const final = await runChild(url, connector);
      expect(final.exitCode).toBe(0);

      const destination = await destinationFromUrl(url);
      await destination.open();
      try {
        const rows = await destination.readRows(`${connector}_items`);
        const expected = CRASH_STREAM.records - CRASH_REJECTS;
        expect(rows).toHaveLength(expected);
        expect(new Set(rows.map((r) => r.id)).size).toBe(expected);
        for (const row of rows.filter((_, i) => i % 97 === 0)) {
          const seq = row.seq as number;
          expect(row._raw).toEqual(fakeRecord(seq, CRASH_STREAM));
        }
        const rejects = await destination.readRejects({ connector, stream: 'items' });
        expect(rejects).toHaveLength(CRASH_REJECTS);
        expect(new Set(rejects.map((r) => r.record)).size).toBe(CRASH_REJECTS);
        const state = await destination.readState({ connector, stream: 'items' });
        expect(state).toMatchObject({ complete: true, checkpoint: CRASH_STREAM.records, records: expected });
      } finally {
        await destination.close();
      }
    }, 180_000);
  });
}
