import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldConnector } from '../src/index.js';
import { outputPath, renderTemplate } from '../src/scaffold/render-template.js';
import { SCAFFOLD_DEV_RANGES } from '../src/scaffold/dev-dependencies.js';
import { REPO_ROOT, runCli, tempDir } from './helpers.js';

interface Manifest {
  name: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  repository?: { type: string; url: string; directory?: string };
}
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Every file under `dir`, relative, with `/`. */
const filesUnder = (dir: string, at = ''): string[] =>
  readdirSync(join(dir, at), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(at, e.name)) : [join(at, e.name).split('\\').join('/')]));

// `cf new` without running anything it writes (fast, in `pnpm test`). The scaffolded package's own tests, tsc
// and `cf check` are in scaffold.test.ts (`pnpm test:e2e`).
describe('cf new: input', () => {
  it('rejects names that are not lower-case words joined by "-" (exit 2)', async () => {
    for (const name of ['Demo', 'demo_api', 'demo-', '9lives', 'connector-demo']) {
      const { code } = await runCli(['new', name], { cwd: tempDir() });
      expect({ name, code }).toEqual({ name, code: 2 });
    }
  });

  it('writes a standalone layout outside a repository, with @cf/core as a version range', () => {
    const dir = tempDir();
    const result = scaffoldConnector({ name: 'acme-crm', dir: join(dir, 'acme'), displayName: 'ACME CRM', baseUrl: 'https://api.acme.test/crm/v2' });
    expect(result.layout).toBe('standalone');
    const manifest = JSON.parse(readFileSync(join(dir, 'acme', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@cf/core']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(JSON.parse(readFileSync(join(dir, 'acme', 'tsconfig.json'), 'utf8'))).toHaveProperty('compilerOptions.strict', true);
    expect(readFileSync(join(dir, 'acme', 'src', 'config.ts'), 'utf8')).toContain("DEFAULT_BASE_URL = 'https://api.acme.test/crm/v2'");
    // The class keeps the display name's casing.
    expect(readFileSync(join(dir, 'acme', 'src', 'acme-crm-connector.ts'), 'utf8')).toContain('export class ACMECRMConnector extends BaseConnector');
    expect(readFileSync(join(dir, 'acme', 'src', 'metadata.ts'), 'utf8')).toContain("displayName: 'ACME CRM'");
  });

  it('fails on a template placeholder it does not define, and picks a template variant by layout', () => {
    expect(() => renderTemplate('{{nope}}', {}, 'x.tpl')).toThrow(/x\.tpl uses \{\{nope\}\}/);
    expect(outputPath('tsconfig.json@repo.tpl', 'repo')).toBe('tsconfig.json');
    expect(outputPath('tsconfig.json@repo.tpl', 'standalone')).toBeUndefined();
    expect(outputPath('src/client.ts.tpl', 'standalone')).toBe('src/client.ts');
  });

  it('--display-name GitHub gives GitHubConnector in src/github-connector.ts, exported from the entry', async () => {
    const dir = join(tempDir(), 'gh');
    const { code } = await runCli(['new', 'github', '--dir', dir, '--display-name', 'GitHub']);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'src', 'github-connector.ts'), 'utf8')).toContain('export class GitHubConnector extends BaseConnector<GitHubConfigParsed>');
    expect(readFileSync(join(dir, 'src', 'index.ts'), 'utf8')).toContain("export { GitHubConnector } from './github-connector.js';");
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('new GitHubConnector(');
  });

  it('--scope and --name choose the package name; @cf/ is only the default', async () => {
    const cases: Array<[string[], string]> = [
      [[], '@cf/connector-acme'],
      [['--scope', '@acme'], '@acme/connector-acme'],
      [['--scope', 'acme'], '@acme/connector-acme'],
      [['--name', '@acme/acme-client'], '@acme/acme-client'],
      [['--name', 'acme-client'], 'acme-client'],
      [['--scope', '@acme', '--name', 'acme-client'], '@acme/acme-client'],
    ];
    for (const [flags, expected] of cases) {
      const dir = join(tempDir(), 'pkg');
      const { code, stderr } = await runCli(['new', 'acme', '--dir', dir, ...flags]);
      expect({ flags, code, stderr }).toEqual({ flags, code: 0, stderr: '' });
      expect(manifestOf(dir).name).toBe(expected);
      expect(readFileSync(join(dir, 'src', 'metadata.ts'), 'utf8')).toContain(`packageName: '${expected}'`);
      expect(readFileSync(join(dir, 'src', 'version.ts'), 'utf8')).toContain(`USER_AGENT = \`${expected}/\${VERSION}\``);
    }
    for (const flags of [['--scope', 'Not A Scope'], ['--name', 'Bad Name'], ['--scope', '@acme', '--name', '@other/acme']]) {
      const { code, stderr } = await runCli(['new', 'acme', '--dir', join(tempDir(), 'pkg'), ...flags]);
      expect({ flags, code }).toEqual({ flags, code: 2 });
      expect(stderr).toMatch(/--(scope|name)/);
    }
  });

  it('declares as devDependencies every tool its scripts and tests run (one npm install, then build, typecheck, test)', () => {
    const dir = join(tempDir(), 'pkg');
    scaffoldConnector({ name: 'acme', dir });
    const manifest = manifestOf(dir);
    // The binary each script calls, and the package providing it.
    const providers: Record<string, string> = { tsup: 'tsup', tsc: 'typescript', vitest: 'vitest', tsx: 'tsx' };
    const called = Object.values(manifest.scripts).flatMap((script) => script.split(/&&|\|\||;/).map((part) => part.trim().split(/\s+/)[0] ?? ''));
    expect(called.length).toBeGreaterThan(0);
    for (const bin of called) {
      const provider = providers[bin];
      expect(provider, `a script runs ${bin}`).toBeDefined();
      expect(manifest.devDependencies[provider!], `${bin} comes from ${provider}`).toBeDefined();
    }
    // tsup's declarations need typescript; the standalone tsconfig names Node's types; test/lazy-import runs tsx.
    for (const name of ['typescript', '@types/node', 'tsx', 'msw']) expect(manifest.devDependencies[name], name).toBeDefined();
    // In the repository's own ranges.
    const root = manifestOf(REPO_ROOT);
    for (const [name, range] of Object.entries(SCAFFOLD_DEV_RANGES)) expect(range, name).toBe(root.devDependencies[name]);
    // zod in core's range (at least the other connectors' ^4.1.0): the schemas' types come from it.
    const core = manifestOf(join(REPO_ROOT, 'packages', 'core'));
    expect(manifest.dependencies.zod).toBe(core.dependencies.zod);
  });

  it('has a repository field: the monorepo URL with the package directory inside it, --repository elsewhere', async () => {
    const dir = join(tempDir(), 'pkg');
    const { code } = await runCli(['new', 'acme', '--dir', dir, '--scope', '@acme', '--repository', 'git+https://github.com/acme/connectors.git']);
    expect(code).toBe(0);
    expect(manifestOf(dir).repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/connectors.git' });
    const guessed = join(tempDir(), 'pkg');
    scaffoldConnector({ name: 'acme', dir: guessed, scope: '@acme' });
    expect(manifestOf(guessed).repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/connector-acme.git' });
    // Inside a monorepo (a tsconfig.base.json two levels up): its root's URL, with the package's directory.
    const repo = tempDir();
    writeFileSync(join(repo, 'tsconfig.base.json'), '{}');
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', repository: { type: 'git', url: 'git+https://github.com/acme/mono.git' } }));
    const inRepo = scaffoldConnector({ name: 'acme', cwd: repo });
    expect(inRepo.layout).toBe('repo');
    expect(manifestOf(inRepo.dir).repository).toEqual({ type: 'git', url: 'git+https://github.com/acme/mono.git', directory: 'packages/connector-acme' });
    const bad = await runCli(['new', 'acme', '--dir', join(tempDir(), 'pkg'), '--repository', 'not a url']);
    expect(bad.code).toBe(2);
  });

  it("has the connectors' folder shape: entry, config, errors, validation, limits, schemas, streams, resources, mocks", () => {
    const dir = join(tempDir(), 'pkg');
    scaffoldConnector({ name: 'acme', dir });
    const files = filesUnder(dir);
    // The files every connector built on the shape has (connector-github is the newest).
    const shape = ['config.ts', 'errors.ts', 'validation.ts', 'limits.ts', 'schemas.ts', 'streams.ts', 'metadata.ts', 'version.ts', 'index.ts', 'mocks/index.ts'];
    for (const file of shape) {
      expect(existsSync(join(REPO_ROOT, 'packages', 'connector-github', 'src', file)), `connector-github has src/${file}`).toBe(true);
      expect(files, `the scaffold has src/${file}`).toContain(`src/${file}`);
    }
    expect(files).toContain('src/acme-connector.ts');
    expect(files).toContain('src/resources/items.ts');
    for (const file of ['test/lazy-import.test.ts', 'test/quickstart.test.ts', 'test/live.test.ts', 'test/streams.test.ts', 'test/conformance.test.ts', 'examples/quickstart.ts']) {
      expect(files, file).toContain(file);
    }
    // Module-level schemas are lazy, as the connectors' are (the scaffold's own lazy-import test proves it when run).
    for (const file of files.filter((f) => f.startsWith('src/') && !f.startsWith('src/mocks/'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/^(export )?const \w+ = z\.(?!lazySchema)/m);
      expect(source, file).not.toMatch(/from 'zod/);
    }
    expect(readFileSync(join(dir, 'src', 'streams.ts'), 'utf8')).toContain('defineStreams<AcmeConnector>(metadata.streams, {');
    expect(readFileSync(join(dir, 'test', 'lazy-import.test.ts'), 'utf8')).toContain("import { schemasBuiltOnImport } from '@cf/core/testing';");
    expect(readFileSync(join(dir, 'test', 'live.test.ts'), 'utf8')).toContain('describe.skipIf(!token)');
  });

  it("gives each test its own FakeClock and keeps the tests off the connector's protected http", () => {
    const dir = join(tempDir(), 'pkg');
    scaffoldConnector({ name: 'acme', dir });
    const helpers = readFileSync(join(dir, 'test', 'helpers.ts'), 'utf8');
    expect(helpers).toMatch(/beforeEach\(\(\) => \{\n\s+ctx\.clock = new FakeClock\(\);/);
    for (const file of filesUnder(dir).filter((f) => f.startsWith('test/') || f.startsWith('examples/'))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/\.http\b/);
    }
  });
});
