import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';
import { main } from '../src/index.js';

export const CLI_DIR = resolve(import.meta.dirname, '..');
export const REPO_ROOT = resolve(CLI_DIR, '../..');

function capture(): PassThrough & { text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return Object.assign(stream, { text: () => text });
}

/** Runs `cf` in-process: exit code, stdout and stderr. */
export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(args, { stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? process.cwd(), signal: options.signal });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Spawns the real `cf` binary (src/bin.ts through tsx, one process, so signals reach it directly). */
export function spawnCli(args: string[], options: { cwd?: string } = {}): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@cf/source', join(CLI_DIR, 'src', 'bin.ts'), ...args], {
    cwd: options.cwd ?? CLI_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** A temporary directory, removed when the calling test finishes. */
export function tempDir(prefix = 'cf-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What a user fills in after `cf new`: the API's limit model and where the credential travels (the TODO in src/metadata.ts). */
export const LIMIT_DECLARATIONS = `  limitModel: {
    windows: [{ name: 'requests', limit: 10, intervalMs: 1_000, algorithm: 'token-bucket', unit: 'requests' }],
    rateLimitedAnswer: { status: 429, retryAfter: true },
    source: 'https://api.example.com/docs/rate-limits',
  },
  credential: { in: 'header', name: 'authorization' },`;

/** Replaces the scaffold's TODO comment block with real declarations. */
export function declareLimits(pkgDir: string): void {
  const file = join(pkgDir, 'src', 'metadata.ts');
  const source = readFileSync(file, 'utf8');
  const todo = / {2}\/\/ TODO\(cf check\)[\s\S]*?credential: \{ in: 'header', name: 'authorization' \},\n/;
  if (!todo.test(source)) throw new Error(`no TODO(cf check) block in ${file}`);
  writeFileSync(file, source.replace(todo, `${LIMIT_DECLARATIONS}\n`));
}

/**
 * Runs a package's own vitest on `files` (a child process, no colours): whether it passed, and what it printed.
 * For suites that generate tests into a package and then run them.
 */
export async function runPackageTests(dir: string, ...files: string[]): Promise<{ ok: boolean; out: string }> {
  const { FORCE_COLOR: _force, ...plain } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['vitest', 'run', ...files], { cwd: dir, timeout: 120_000, env: { ...plain, NO_COLOR: '1' } });
    return { ok: true, out: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}
