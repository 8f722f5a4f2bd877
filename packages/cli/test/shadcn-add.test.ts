import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../src/copy-in/source-files.js';
import { loadRegistry } from '../src/registry/registry.js';
import { SHADCN_REGISTRY_DIR, shadcnTargetDir } from '../src/registry/shadcn-registry.js';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

const exec = promisify(execFile);

/**
 * The shadcn CLI this test installs with, pinned (the registry format is shadcn's, and its CLI moves fast). Bump it
 * deliberately: `npm view shadcn version`.
 */
export const SHADCN_VERSION = '4.23.1';

/**
 * What pnpm sets for the scripts it runs (its user agent makes shadcn install with pnpm) and forced colours stay out
 * of the child processes; npm's own configuration (`npm_config_registry`, a mirror) goes through.
 */
const baseEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(npm_config_user_agent|npm_execpath|npm_node_execpath|npm_lifecycle_\w+|npm_package_\w+|pnpm_\w+|FORCE_COLOR)$/i.test(key),
  ),
);

/** Fetches the pinned shadcn CLI from npm (once; npx caches it), or says why it cannot. */
async function shadcnAvailable(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const { stdout } = await exec('npx', ['-y', `shadcn@${SHADCN_VERSION}`, '--version'], { env: baseEnv, timeout: 300_000, cwd: tmpdir() });
    return { ok: true, version: stdout.trim() };
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n');
    const reason = (lines.filter((line) => line.startsWith('npm error')).slice(0, 2).join('; ') || lines[0]) ?? '';
    return { ok: false, reason: `\`npx -y shadcn@${SHADCN_VERSION}\` could not be fetched from the npm registry (${reason})` };
  }
}

/** Serves `registry/shadcn/` (the committed files, what users would install from) on loopback. */
function serveRegistry(): Promise<{ server: Server; url: string }> {
  const dir = join(REPO_ROOT, ...SHADCN_REGISTRY_DIR.split('/'));
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice(1);
    const file = join(dir, name);
    if (!/^[\w-]+\.json$/.test(name) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

/**
 * `npm`, `pnpm`, `yarn` and `bun` on the PATH that record the dependencies shadcn asks to install instead of
 * installing them (`@cf/core` is not on npm yet; the project links the workspace's instead); anything else goes to
 * the real npm.
 */
function packageManagerShims(dir: string, log: string): void {
  const npm = realpathSync(join(dirname(process.execPath), 'npm'));
  const record = `printf '%s\\n' "$0 $*" >> '${log}'`;
  for (const name of ['npm', 'pnpm', 'yarn', 'bun']) {
    const passThrough = name === 'npm' ? `exec '${process.execPath}' '${npm}' "$@"` : 'exit 0';
    const script = `#!/bin/sh\ncase "$1" in install|add|i) ${record}; exit 0 ;; esac\n${passThrough}\n`;
    writeFileSync(join(dir, name), script);
    chmodSync(join(dir, name), 0o755);
  }
}

/** Links a package into the project's node_modules (the workspace's copy, as a file: dependency would). */
function link(project: string, name: string, target: string): void {
  const at = join(project, 'node_modules', ...name.split('/'));
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(realpathSync(target), at, 'dir');
}

// The real shadcn CLI from npm against the static registry `pnpm registry` writes, over loopback, into a fresh
// project: in `pnpm test:e2e` (it needs the npm registry, and tsc over every connector takes a while). Skipped, with
// the reason, when npx cannot fetch shadcn.
describe(`npx shadcn@${SHADCN_VERSION} add <registry/shadcn/<connector>.json>`, () => {
  let shadcn: Awaited<ReturnType<typeof shadcnAvailable>>;
  let registry: { server: Server; url: string };
  beforeAll(async () => {
    shadcn = await shadcnAvailable();
    registry = await serveRegistry();
  }, 360_000);
  afterAll(() => new Promise<void>((resolve) => (registry ? registry.server.close(() => resolve()) : resolve())));

  it('installs every connector where cf add puts it, byte for byte, with its npm dependencies; the copy compiles against @cf/core and cf add takes it over', async (ctx) => {
    if (!shadcn.ok) ctx.skip(shadcn.reason);
    const connectors = loadRegistry().connectors;
    const project = tempDir('cf-shadcn-add-');
    // The minimum shadcn needs for a universal item (every file `registry:file` with a target): a package.json. With
    // a src/ directory it keeps the items' `src/` prefix (without one it drops it, as it does for its components).
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'shadcn-add-test', private: true, type: 'module' }, null, 2)}\n`);
    mkdirSync(join(project, 'src'));
    const shims = tempDir('cf-shadcn-bin-');
    const log = join(shims, 'installs.log');
    packageManagerShims(shims, log);

    const urls = connectors.map((c) => `${registry.url}/${c.name}.json`);
    const { stdout, stderr } = await exec('npx', ['-y', `shadcn@${SHADCN_VERSION}`, 'add', ...urls, '--yes'], {
      cwd: project,
      env: { ...baseEnv, NO_COLOR: '1', PATH: `${shims}${delimiter}${baseEnv.PATH ?? ''}` },
      timeout: 300_000,
    });
    console.log(`shadcn ${shadcn.ok ? shadcn.version : ''} add:\n${stdout}${stderr}`);

    // Every connector's source, tests excluded, exactly as `cf add` copies it, plus the manifest cf add writes.
    for (const entry of connectors) {
      const upstream = readTree(join(REPO_ROOT, ...entry.copyIn.source.split('/')));
      const installed = readTree(join(project, ...shadcnTargetDir(entry.name).split('/')));
      expect([...installed.keys()].sort(), entry.name).toEqual([...upstream.keys(), 'cf-manifest.json'].sort());
      for (const [path, content] of upstream) expect(installed.get(path)?.equals(content), `${entry.name}/${path}`).toBe(true);
      expect(JSON.parse(installed.get('cf-manifest.json')?.toString('utf8') ?? '{}')).toMatchObject({ connector: entry.name, package: entry.package, version: entry.version });
    }

    // shadcn asked the package manager for @cf/core (and zod) as dependencies and msw (the mocks) as a dev dependency.
    const core = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'core', 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    const installs = readFileSync(log, 'utf8').trim().split('\n');
    const runtime = installs.find((line) => !/\s-D\s/.test(line)) ?? '';
    const dev = installs.find((line) => /\s-D\s/.test(line)) ?? '';
    expect(runtime).toContain(`@cf/core@^${core.version}`);
    expect(runtime).toContain(`zod@${core.dependencies.zod ?? ''}`);
    expect(runtime).not.toContain('msw');
    expect(dev).toMatch(/msw@\^\d/);

    // What those installs would have brought, from the workspace: @cf/core (its source, through the @cf/source
    // condition), and zod and msw in the versions core resolves. The compiler settings are a plain strict NodeNext
    // project's (no exactOptionalPropertyTypes, which this repository sets): core's source needs
    // noUncheckedIndexedAccess (its published .d.ts would not).
    link(project, '@cf/core', join(REPO_ROOT, 'packages', 'core'));
    link(project, 'zod', join(REPO_ROOT, 'packages', 'core', 'node_modules', 'zod'));
    link(project, 'msw', join(REPO_ROOT, 'packages', 'core', 'node_modules', 'msw'));
    link(project, '@types/node', join(REPO_ROOT, 'node_modules', '@types', 'node'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          customConditions: ['@cf/source'],
          types: ['node'],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src'],
      }),
    );
    await expect(
      exec(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: project, env: baseEnv, timeout: 240_000 }).catch(
        (error: { stdout?: string; message: string }) => Promise.reject(new Error(`tsc failed:\n${error.stdout ?? error.message}`)),
      ),
    ).resolves.toBeDefined();

    // cf add recognises the copy shadcn installed (the manifest matches): nothing to write, nothing refused.
    const first = connectors[0];
    const { code, stdout: added } = await runCli(['add', first?.name ?? ''], { cwd: project });
    expect(code, added).toBe(0);
    const files = readTree(join(REPO_ROOT, ...(first?.copyIn.source ?? '').split('/'))).size;
    expect(added).toContain(`updated from ${first?.version ?? ''} in ${join(project, 'src', 'connectors', first?.name ?? '')}: 0 written, ${files} unchanged, 0 removed.`);
  }, 600_000);
});
