// Builds and packs every publishable package with pnpm (which applies publishConfig and rewrites workspace:
// ranges), then runs publint --strict and @arethetypeswrong/cli on each tarball. Tarballs stay in .tmp/packs
// for the end-to-end install test.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.tmp', 'packs');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const skipBuild = process.argv.includes('--no-build');

export function publishablePackages() {
  return readdirSync(join(root, 'packages'))
    .map((dir) => ({ dir: join(root, 'packages', dir), manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
    .filter((p) => !p.manifest.private);
}

const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const packages = publishablePackages().filter((p) => only.length === 0 || only.includes(p.manifest.name));
if (!skipBuild) {
  const filters = packages.flatMap((p) => ['--filter', p.manifest.name]);
  process.stdout.write(run('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only']));
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let failures = 0;
for (const pkg of packages) {
  const before = new Set(readdirSync(out));
  run('pnpm', ['pack', '--pack-destination', out], pkg.dir);
  const tarball = readdirSync(out).find((f) => !before.has(f));
  const file = join(out, tarball);
  for (const [label, check] of [
    ['publint --strict', () => run('npx', ['publint', 'run', file, '--strict'])],
    ['attw --profile node16', () => attw(file)],
  ]) {
    try {
      check();
      console.log(`ok   ${pkg.manifest.name}: ${label}`);
    } catch (error) {
      failures += 1;
      console.log(`FAIL ${pkg.manifest.name}: ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}

/**
 * attw --profile node16, judged on its JSON report: attw 0.18's exit code drops the profile's ignored resolution
 * (node10) only from problems that name a `resolutionKind`, and an InternalResolutionError names a
 * `resolutionOption` instead, so @cf/core's `#node-transport` import (package.json "imports", which node10 does not
 * know) failed the check although attw's own table lists it as ignored. Any other problem fails, with the table.
 */
function attw(file) {
  // Into a file, not a pipe: attw exits (code 1 when it found problems) before a pipe has taken a report this size.
  const json = `${file}.attw.json`;
  const fd = openSync(json, 'w');
  let result;
  try {
    result = spawnSync('npx', ['attw', file, '--profile', 'node16', '--format', 'json'], { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
  let report;
  try {
    report = JSON.parse(readFileSync(json, 'utf8'));
  } catch {
    throw Object.assign(new Error('attw'), { stdout: `attw wrote no report (exit ${result.status}): ${result.error?.message ?? ''}\n`, stderr: result.stderr });
  } finally {
    rmSync(json, { force: true });
  }
  const problems = (report.analysis?.problems ?? []).filter((p) => (p.resolutionKind ?? p.resolutionOption) !== 'node10');
  if (problems.length === 0) return;
  let table = '';
  try {
    table = run('npx', ['attw', file, '--profile', 'node16', '--format', 'table-flipped']);
  } catch (error) {
    table = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
  throw Object.assign(new Error('attw'), { stdout: `${table}\n${problems.map((p) => JSON.stringify(p).slice(0, 300)).join('\n')}\n` });
}
if (failures > 0) process.exit(1);
