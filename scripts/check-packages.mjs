// Builds and packs every publishable package with pnpm (which applies publishConfig and rewrites workspace:
// ranges), then runs publint --strict and @arethetypeswrong/cli on each tarball. Tarballs stay in .tmp/packs
// for the end-to-end install test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

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
  for (const [label, cmd, args] of [
    ['publint --strict', 'npx', ['publint', 'run', file, '--strict']],
    ['attw --profile node16', 'npx', ['attw', file, '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      run(cmd, args);
      console.log(`ok   ${pkg.manifest.name}: ${label}`);
    } catch (error) {
      failures += 1;
      console.log(`FAIL ${pkg.manifest.name}: ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
if (failures > 0) process.exit(1);
