import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION } from '../src/index.js';
import { CLI_DIR } from './helpers.js';

interface Manifest {
  bin: Record<string, string>;
  files: string[];
  publishConfig: { bin?: Record<string, string> };
}
const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as Manifest;

// pnpm links a workspace dependency's bin at install time (packages/mcp depends on @cf/cli), before anything is
// built: a bin pointing into dist/ makes a fresh `pnpm install` warn "Failed to create bin".
describe('the cf binary', () => {
  it('points, in the workspace, at a committed file, so a fresh install can link it before any build', () => {
    const bin = manifest.bin.cf ?? '';
    expect(bin).not.toMatch(/^(\.\/)?dist\//);
    expect(existsSync(join(CLI_DIR, bin))).toBe(true);
    expect(readFileSync(join(CLI_DIR, bin), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('is the built dist/bin.js in the published package (publishConfig.bin, the tsup bin entry)', () => {
    expect(manifest.publishConfig.bin).toEqual({ cf: './dist/bin.js' });
    expect(manifest.files).toContain('dist');
    expect(readFileSync(join(CLI_DIR, 'tsup.config.ts'), 'utf8')).toContain("bin: 'src/bin.ts'");
  });

  it('runs the CLI from source before a build', () => {
    const bin = join(CLI_DIR, manifest.bin.cf ?? '');
    // Without dist/ the launcher runs src/bin.ts through tsx; with it, the built file. Either way: the CLI answers.
    const run = spawnSync(process.execPath, [bin, '--version'], { cwd: CLI_DIR, encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: `${CLI_VERSION}\n`, stderr: '' });
  }, 90_000);
});
