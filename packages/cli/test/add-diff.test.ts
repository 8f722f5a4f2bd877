import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addConnector, CLI_VERSION, copyInManifestSchema, diffConnector, loadRegistry } from '../src/index.js';
import { sha256 } from '../src/copy-in/source-files.js';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

const HUBSPOT_SRC = join(REPO_ROOT, 'packages', 'connector-hubspot', 'src');

/** A project, and an "upstream" copy of the HubSpot source we can change as a new CLI version would. */
function setup() {
  const project = tempDir('cf-project-');
  const upstream = join(tempDir('cf-upstream-'), 'src');
  cpSync(HUBSPOT_SRC, upstream, { recursive: true });
  const installed = join(project, 'src', 'connectors', 'hubspot');
  return { project, upstream, installed, file: (path: string) => join(installed, ...path.split('/')) };
}

describe('cf add / cf diff: the copy-in install', () => {
  it("copies the connector's source with a manifest of its version and file hashes", async () => {
    const { project, installed } = setup();
    const { code, stdout } = await runCli(['add', 'hubspot'], { cwd: project });
    expect(code).toBe(0);
    const entry = loadRegistry().connectors.find((c) => c.name === 'hubspot');
    expect(stdout).toContain(`hubspot ${entry?.version} added in`);
    expect(stdout).toMatch(/it needs @cf\/core \^\d+\.\d+\.\d+, .*msw \(for its mocks\).* in your dependencies/);
    const manifest = copyInManifestSchema.parse(JSON.parse(readFileSync(join(installed, 'cf-manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ connector: 'hubspot', package: '@cf/connector-hubspot', version: entry?.version, cli: CLI_VERSION });
    expect(manifest.files['index.ts']).toBe(sha256(readFileSync(join(HUBSPOT_SRC, 'index.ts'))));
    expect(manifest.files['mocks/index.ts']).toBeDefined();
    for (const [path, hash] of Object.entries(manifest.files)) expect(sha256(readFileSync(join(installed, ...path.split('/'))))).toBe(hash);
    expect(Object.keys(manifest.files).some((p) => p.endsWith('.test.ts'))).toBe(false);
  });

  it('honours --dir', async () => {
    const { project } = setup();
    expect((await runCli(['add', 'hubspot', '--dir', 'lib/vendor'], { cwd: project })).code).toBe(0);
    expect(existsSync(join(project, 'lib', 'vendor', 'hubspot', 'cf-manifest.json'))).toBe(true);
  });

  it('add → modify → diff → refuse to overwrite → revert → update', () => {
    const { project, upstream, file } = setup();
    addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
    expect(diffConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream }).files).toEqual([]);

    // The user changes one file and adds one; upstream changes another and adds a file.
    const original = readFileSync(file('metadata.ts'), 'utf8');
    writeFileSync(file('metadata.ts'), `${original}\n// tuned for our account\n`);
    writeFileSync(file('our-extension.ts'), 'export const ours = 1;\n');
    writeFileSync(join(upstream, 'index.ts'), `${readFileSync(join(upstream, 'index.ts'), 'utf8')}// upstream fix\n`);
    writeFileSync(join(upstream, 'new-resource.ts'), 'export const added = true;\n');

    const diff = diffConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
    expect(diff.files.map((f) => [f.path, f.local, f.upstream])).toEqual([
      ['index.ts', 'unchanged', 'changed'],
      ['metadata.ts', 'modified', 'unchanged'],
      ['new-resource.ts', 'unchanged', 'added'],
      ['our-extension.ts', 'added', 'unchanged'],
    ]);
    const mine = diff.files.find((f) => f.path === 'metadata.ts');
    expect(mine?.patch).toContain('+// tuned for our account');
    expect(mine?.patch).toContain('--- installed/metadata.ts');
    expect(diff.files.find((f) => f.path === 'index.ts')?.patch).toContain('+// upstream fix');

    // Updating would overwrite the user's metadata.ts: refused, naming it, and nothing is written.
    const before = readFileSync(file('index.ts'), 'utf8');
    expect(() => addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream })).toThrow(/Refusing to overwrite[\s\S]*metadata\.ts \(modified by you\)/);
    expect(readFileSync(file('index.ts'), 'utf8')).toBe(before);
    expect(existsSync(file('new-resource.ts'))).toBe(false);

    // Once the user's change is moved aside, the update goes through and keeps the user's own new file.
    writeFileSync(file('metadata.ts'), original);
    const update = addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
    expect(update.previousVersion).toBeDefined();
    expect(update.written.sort()).toEqual(['index.ts', 'new-resource.ts']);
    expect(readFileSync(file('index.ts'), 'utf8')).toContain('// upstream fix');
    expect(existsSync(file('our-extension.ts'))).toBe(true);
    expect(diffConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream }).files.map((f) => [f.path, f.local])).toEqual([['our-extension.ts', 'added']]);
  });

  it('refuses to overwrite a file it did not install, and removes files upstream dropped only when untouched', () => {
    const { project, upstream, file } = setup();
    writeFileSync(join(upstream, 'retired.ts'), 'export const retired = true;\n');
    addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
    rmSync(join(upstream, 'retired.ts'));
    const update = addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
    expect(update.removed).toEqual(['retired.ts']);
    expect(existsSync(file('retired.ts'))).toBe(false);

    // A file of the user's where upstream now adds one of the same name.
    writeFileSync(file('mine.ts'), 'export const mine = 1;\n');
    writeFileSync(join(upstream, 'mine.ts'), 'export const theirs = 2;\n');
    expect(() => addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream })).toThrow(/mine\.ts \(not installed by cf add\)/);
  });

  it('cf diff prints what changed on each side; without a manifest it is a usage error', async () => {
    const { project, file } = setup();
    expect((await runCli(['diff', 'hubspot'], { cwd: project })).code).toBe(2);
    await runCli(['add', 'hubspot'], { cwd: project });
    writeFileSync(file('metadata.ts'), 'export {};\n');
    const { code, stdout } = await runCli(['diff', 'hubspot', '--stat'], { cwd: project });
    expect(code).toBe(0);
    expect(stdout).toContain('metadata.ts: modified by you');
    expect(stdout).not.toContain('@@');
    const refused = await runCli(['add', 'hubspot'], { cwd: project });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('metadata.ts (modified by you)');
  });

  it('warns about relative imports that leave the copied source', async () => {
    const { project, upstream } = setup();
    writeFileSync(join(upstream, 'uses-manifest.ts'), "import pkg from '../package.json' with { type: 'json' };\nexport const v = pkg.version;\n");
    expect(addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream }).warnings).toEqual(['uses-manifest.ts imports ../package.json']);
    expect(addConnector({ connector: 'hubspot', cwd: tempDir(), sourceDir: HUBSPOT_SRC }).warnings).toEqual([]);
  });

  it('names the packages the copy imports: @cf/core (for @cf/core/zod too), zod for its types, msw for the mocks', () => {
    const upstream = tempDir('cf-upstream-');
    mkdirSync(join(upstream, 'mocks'));
    writeFileSync(join(upstream, 'index.ts'), "import { validateInput } from '@cf/core';\nimport * as z from '@cf/core/zod';\nexport const s = z.string();\n");
    writeFileSync(join(upstream, 'types.ts'), "import type { $ZodType } from 'zod/v4/core';\nimport { createHash } from 'node:crypto';\nexport type S = $ZodType;\n");
    writeFileSync(join(upstream, 'mocks', 'index.ts'), "import { http } from 'msw';\nimport { s } from '../index.js';\n/** Serve it: `import { handlers } from '@cf/connector-x/mocks'`. */\n");
    const core = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'core', 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    expect(addConnector({ connector: 'hubspot', cwd: tempDir(), sourceDir: upstream }).dependencies).toEqual([
      { name: '@cf/core', range: `^${core.version}`, mocksOnly: false },
      { name: 'msw', range: undefined, mocksOnly: true },
      { name: 'zod', range: core.dependencies.zod, mocksOnly: false },
    ]);
  });
});
