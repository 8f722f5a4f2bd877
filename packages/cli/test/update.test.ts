import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addConnector, BASE_FILE, diffConnector, loadRegistry, updateConnector } from '../src/index.js';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

const HUBSPOT_SRC = join(REPO_ROOT, 'packages', 'connector-hubspot', 'src');
const VERSION = loadRegistry().connectors.find((c) => c.name === 'hubspot')?.version ?? '';
const lines = (...l: string[]) => l.map((s) => `${s}\n`).join('');
const TEN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A project with a small "upstream" tree installed by cf add, and helpers to change either side. */
function setup(files: Record<string, string> = { 'client.ts': lines(...TEN), 'retired.ts': 'export const retired = 1;\n', 'util/keep.ts': 'export {};\n' }) {
  const project = tempDir('cf-project-');
  const upstream = tempDir('cf-upstream-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(upstream, path, '..'), { recursive: true });
    writeFileSync(join(upstream, path), content);
  }
  addConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream });
  const installed = join(project, 'src', 'connectors', 'hubspot');
  const file = (path: string) => join(installed, ...path.split('/'));
  return {
    project,
    upstream,
    installed,
    file,
    read: (path: string) => readFileSync(file(path), 'utf8'),
    edit: (path: string, f: (s: string) => string) => writeFileSync(file(path), f(readFileSync(file(path), 'utf8'))),
    editUpstream: (path: string, f: (s: string) => string) => writeFileSync(join(upstream, path), f(existsSync(join(upstream, path)) ? readFileSync(join(upstream, path), 'utf8') : '')),
    update: (opts: { dryRun?: boolean } = {}) => updateConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream, ...opts }),
  };
}

/** Every file under a directory with its content, to show a dry run wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('cf update: a three-way merge of upstream into your copy', () => {
  it('cf add keeps the base copy next to the manifest; cf diff does not list it', () => {
    const { installed, project, upstream } = setup();
    const base = JSON.parse(readFileSync(join(installed, BASE_FILE), 'utf8')) as { files: Record<string, string> };
    expect(base.files['client.ts']).toBe(lines(...TEN));
    expect(diffConnector({ connector: 'hubspot', cwd: project, sourceDir: upstream }).files).toEqual([]);
  });

  it('merges a local edit with a non-overlapping upstream change in the same file (both present afterwards)', () => {
    const s = setup();
    s.edit('client.ts', (t) => t.replace('two\n', 'two (ours)\n'));
    s.editUpstream('client.ts', (t) => t.replace('nine\n', 'nine (upstream fix)\n'));
    s.editUpstream('added.ts', () => 'export const added = true;\n');
    s.editUpstream('util/keep.ts', () => 'export const kept = 1;\n');
    const result = s.update();
    expect(result.files.map((f) => [f.path, f.action])).toEqual([
      ['added.ts', 'added'],
      ['client.ts', 'merged'],
      ['util/keep.ts', 'updated'],
    ]);
    expect(result.needsAttention).toBe(0);
    expect(s.read('client.ts')).toBe(lines('one', 'two (ours)', ...TEN.slice(2, 8), 'nine (upstream fix)', 'ten'));
    expect(s.read('added.ts')).toBe('export const added = true;\n');
    expect(s.read('util/keep.ts')).toBe('export const kept = 1;\n');

    // Manifest and base moved to upstream: cf diff now shows only the user's edit, against the new upstream.
    const diff = diffConnector({ connector: 'hubspot', cwd: s.project, sourceDir: s.upstream });
    expect(diff.files.map((f) => [f.path, f.local, f.upstream])).toEqual([['client.ts', 'modified', 'unchanged']]);
    const base = JSON.parse(readFileSync(join(s.installed, BASE_FILE), 'utf8')) as { files: Record<string, string> };
    expect(base.files['client.ts']).toContain('nine (upstream fix)');
    expect(base.files['client.ts']).not.toContain('ours');

    // A second upstream change merges against the new base: the user's edit is not seen as a conflict again.
    s.editUpstream('client.ts', (t) => t.replace('five\n', 'five (again)\n'));
    expect(s.update().files.map((f) => [f.path, f.action])).toEqual([['client.ts', 'merged']]);
    expect(s.read('client.ts')).toBe(lines('one', 'two (ours)', 'three', 'four', 'five (again)', 'six', 'seven', 'eight', 'nine (upstream fix)', 'ten'));
  });

  it('keeps a file only you changed, and does nothing when upstream has not moved', () => {
    const s = setup();
    s.edit('client.ts', (t) => `${t}// ours\n`);
    const result = s.update();
    expect(result.files.map((f) => [f.path, f.action])).toEqual([['client.ts', 'kept']]);
    expect(s.read('client.ts')).toBe(`${lines(...TEN)}// ours\n`);
  });

  it('writes git conflict markers for an overlapping edit, reports it, and exits 1 from the CLI', async () => {
    const s = setup();
    s.edit('client.ts', (t) => t.replace('five\n', 'five (ours)\n'));
    s.editUpstream('client.ts', (t) => t.replace('five\n', 'five (theirs)\n').replace('ten\n', 'ten (theirs)\n'));
    const result = s.update();
    expect(result.files).toMatchObject([{ path: 'client.ts', action: 'conflict', conflicts: 1 }]);
    expect(result.needsAttention).toBe(1);
    expect(s.read('client.ts')).toBe(
      lines('one', 'two', 'three', 'four', '<<<<<<< local', 'five (ours)', `||||||| base ${VERSION}`, 'five', '=======', 'five (theirs)', `>>>>>>> upstream ${VERSION}`, 'six', 'seven', 'eight', 'nine', 'ten (theirs)'),
    );
  });

  it('the CLI: exit 1 and the file named on a conflict, 0 on a clean merge; --conflict-style merge leaves the base out', async () => {
    // The CLI updates to its own copy of the source: install an altered copy, so the real source is "upstream".
    const project = tempDir('cf-project-');
    const older = join(tempDir('cf-older-'), 'src');
    cpSync(HUBSPOT_SRC, older, { recursive: true });
    const metadata = readFileSync(join(HUBSPOT_SRC, 'metadata.ts'), 'utf8');
    const target = "const CHANGELOG = 'https://developers.hubspot.com/changelog/increasing-our-api-limits';\n";
    expect(metadata).toContain(target);
    writeFileSync(join(older, 'metadata.ts'), metadata.replace(target, "const CHANGELOG = 'https://example.com/old';\n"));
    addConnector({ connector: 'hubspot', cwd: project, sourceDir: older });
    const file = join(project, 'src', 'connectors', 'hubspot', 'metadata.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'https://example.com/old'", "'https://example.com/ours'"));

    const dry = await runCli(['update', 'hubspot', '--dry-run', '--conflict-style', 'merge'], { cwd: project });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('metadata.ts: CONFLICT');
    expect(dry.stdout).toContain('+<<<<<<< local');

    const run = await runCli(['update', 'hubspot', '--conflict-style', 'merge'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/metadata\.ts: CONFLICT: both changed the same lines/);
    expect(run.stdout).toContain('1 file(s) need your attention');
    const merged = readFileSync(file, 'utf8');
    expect(merged).toContain(`<<<<<<< local\nconst CHANGELOG = 'https://example.com/ours';\n=======\n${target}>>>>>>> upstream ${VERSION}\n`);
    expect(merged).not.toContain('|||||||');

    // Resolved by taking upstream's line: the next update is clean and changes nothing.
    writeFileSync(file, metadata);
    const clean = await runCli(['update', 'hubspot'], { cwd: project });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('nothing to change.');
  });

  it('--dry-run writes nothing and prints the unified diff of what would change', async () => {
    const s = setup();
    s.edit('client.ts', (t) => t.replace('two\n', 'two (ours)\n'));
    s.editUpstream('client.ts', (t) => t.replace('nine\n', 'nine (upstream fix)\n'));
    s.editUpstream('added.ts', () => 'export const added = true;\n');
    rmSync(join(s.upstream, 'retired.ts'));
    const before = snapshot(s.project);
    const result = s.update({ dryRun: true });
    expect(snapshot(s.project)).toEqual(before);
    expect(result.files.map((f) => [f.path, f.action])).toEqual([
      ['added.ts', 'added'],
      ['client.ts', 'merged'],
      ['retired.ts', 'removed'],
    ]);
    const patch = result.files.find((f) => f.path === 'client.ts')?.patch ?? '';
    expect(patch).toContain('--- a/client.ts');
    expect(patch).toContain('+nine (upstream fix)');
    expect(patch).not.toContain('+two (ours)');
    expect(result.files.find((f) => f.path === 'retired.ts')?.patch).toContain('-export const retired = 1;');
    expect(result.files.find((f) => f.path === 'added.ts')?.patch).toContain('+export const added = true;');
  });

  it('removes a file dropped upstream only when untouched; an edited one is kept and reported', () => {
    const s = setup();
    s.edit('retired.ts', (t) => `${t}export const ours = 2;\n`);
    rmSync(join(s.upstream, 'retired.ts'));
    rmSync(join(s.upstream, 'util', 'keep.ts'));
    const result = s.update();
    expect(result.files.map((f) => [f.path, f.action])).toEqual([
      ['retired.ts', 'kept-removed-upstream'],
      ['util/keep.ts', 'removed'],
    ]);
    expect(result.needsAttention).toBe(1);
    expect(s.read('retired.ts')).toBe('export const retired = 1;\nexport const ours = 2;\n');
    expect(existsSync(s.file('util/keep.ts'))).toBe(false);
    // It is no longer part of the copy: from now on cf diff calls it yours.
    expect(diffConnector({ connector: 'hubspot', cwd: s.project, sourceDir: s.upstream }).files.map((f) => [f.path, f.local])).toEqual([['retired.ts', 'added']]);
  });

  it('leaves a file you deleted deleted when upstream changed it, and reports it', () => {
    const s = setup();
    rmSync(s.file('retired.ts'));
    s.editUpstream('retired.ts', (t) => `${t}// changed\n`);
    const result = s.update();
    expect(result.files.map((f) => [f.path, f.action])).toEqual([['retired.ts', 'not-restored']]);
    expect(existsSync(s.file('retired.ts'))).toBe(false);
  });

  it('merges a file of yours where upstream adds one of the same name against an empty base', () => {
    const s = setup();
    writeFileSync(s.file('mine.ts'), 'export const mine = 1;\n');
    s.editUpstream('mine.ts', () => 'export const theirs = 2;\n');
    expect(s.update().files).toMatchObject([{ path: 'mine.ts', action: 'conflict' }]);
    expect(s.read('mine.ts')).toContain('<<<<<<< local\nexport const mine = 1;\n');
  });

  it('an old install without a base copy: files changed on one side update, both sides → refused with a clear message, nothing written', async () => {
    const s = setup();
    rmSync(join(s.installed, BASE_FILE));
    s.edit('client.ts', (t) => t.replace('two\n', 'two (ours)\n'));
    s.editUpstream('client.ts', (t) => t.replace('nine\n', 'nine (upstream fix)\n'));
    s.editUpstream('util/keep.ts', () => 'export const kept = 1;\n');
    const before = snapshot(s.project);
    expect(() => s.update()).toThrow(/has no base copy \(cf-base\.json; installed by an older cf add or by the shadcn CLI\)[\s\S]*\n {2}client\.ts\n[\s\S]*Nothing was written/);
    expect(snapshot(s.project)).toEqual(before);

    // Once the user's change is moved aside, the update goes through and writes the base: the next one merges.
    s.edit('client.ts', (t) => t.replace('two (ours)\n', 'two\n'));
    expect(s.update().files.map((f) => [f.path, f.action])).toEqual([
      ['client.ts', 'updated'],
      ['util/keep.ts', 'updated'],
    ]);
    expect(existsSync(join(s.installed, BASE_FILE))).toBe(true);
  });

  it('a base copy that does not match the manifest is not trusted', () => {
    const s = setup();
    const baseFile = join(s.installed, BASE_FILE);
    writeFileSync(baseFile, readFileSync(baseFile, 'utf8').replace('three', 'tampered'));
    s.edit('client.ts', (t) => t.replace('two\n', 'two (ours)\n'));
    s.editUpstream('client.ts', (t) => t.replace('nine\n', 'nine (upstream fix)\n'));
    expect(() => s.update()).toThrow(/has no base copy/);
  });

  it('without a manifest it is a usage error', async () => {
    const { code, stderr } = await runCli(['update', 'hubspot'], { cwd: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('was not installed with `cf add hubspot`');
  });
});
