import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the probes' packages come from:
 * - `packs` (default): `pnpm pack` of the builds (publishConfig applied, as npm receives them), installed with
 *   `npm install` into a fresh project outside the workspace — what a user's project holds;
 * - `dist`: the workspace's own builds, linked into the project (no registry, quicker; not what users get).
 */
export type PackageSource = 'packs' | 'dist';

export interface ConsumerProject {
  dir: string;
  source: PackageSource;
  /** Wall time of each preparation step, for the report. */
  steps: Array<{ step: string; ms: number }>;
  remove(): Promise<void>;
}

const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

async function run(cmd: string, args: string[], cwd: string): Promise<void> {
  try {
    await exec(cmd, args, { cwd, env, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, { cause: error });
  }
}

/** `@cf/connector-hubspot` → `packages/connector-hubspot`. */
const packageDir = (name: string): string => join(ROOT, 'packages', name.replace(/^@cf\//, ''));

/** Builds `packages` (turbo, cached), then installs them into a new project from their tarballs or dist. */
export async function prepareConsumer(packages: string[], source: PackageSource): Promise<ConsumerProject> {
  const steps: ConsumerProject['steps'] = [];
  const step = async (name: string, work: () => Promise<void>): Promise<void> => {
    const started = performance.now();
    await work();
    steps.push({ step: name, ms: Math.round(performance.now() - started) });
  };
  const filters = packages.flatMap((p) => ['--filter', p]);
  // Through pnpm, so turbo finds the package manager it needs even when vitest was not started by pnpm.
  await step('build (turbo)', () => run('npx', ['-y', 'pnpm@10', 'exec', 'turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], ROOT));

  const dir = await mkdtemp(join(tmpdir(), 'cf-runtimes-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'cf-runtimes-consumer', private: true, type: 'module' }, null, 2));
  if (source === 'packs') {
    const packs = join(dir, 'packs');
    await step('pnpm pack', () => run('npx', ['-y', 'pnpm@10', '-r', ...filters, 'pack', '--pack-destination', packs], ROOT));
    const tarballs = (await readdir(packs)).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
    if (tarballs.length !== packages.length) throw new Error(`expected ${packages.length} tarballs, got ${tarballs.join(', ')}`);
    await step('npm install (tarballs)', () => run('npm', ['install', '--no-package-lock', '--prefer-offline', ...tarballs], dir));
  } else {
    await step('link dist', async () => {
      await mkdir(join(dir, 'node_modules', '@cf'), { recursive: true });
      for (const name of packages) await symlink(packageDir(name), join(dir, 'node_modules', name), 'dir');
    });
  }
  return { dir, source, steps, remove: () => rm(dir, { recursive: true, force: true }) };
}
