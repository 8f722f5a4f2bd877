import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnector } from '../src/index.js';
import { declareLimits, REPO_ROOT, runCli } from './helpers.js';

const exec = promisify(execFile);
const { FORCE_COLOR: _force, ...plainEnv } = process.env;
const env = { ...plainEnv, NO_COLOR: '1' };

/**
 * A throwaway workspace under the repository (so `@cf/core`, zod, msw and vitest resolve from its node_modules)
 * shaped like the repository: `packages/<pkg>` two levels below a `tsconfig.base.json` and `tsup.config.base.ts`.
 */
const workspace = join(REPO_ROOT, '.tmp', 'scaffold-test');
const pkg = join(workspace, 'packages', 'connector-demo-api');

/** Where `name` resolves from `dir`, the way Node and TypeScript look it up: the nearest node_modules upward. */
function resolvesFrom(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', name, 'package.json'))) return join(at, 'node_modules', name);
    if (dirname(at) === at) return undefined;
  }
}

describe('cf new demo-api, untouched', () => {
  beforeAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'tsconfig.base.json'), JSON.stringify({ extends: '../../tsconfig.base.json' }));
    writeFileSync(join(workspace, 'tsup.config.base.ts'), "export { packageBuild } from '../../tsup.config.base';\n");
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('creates the standard layout', async () => {
    const { code, stdout } = await runCli(['new', 'demo-api'], { cwd: workspace });
    expect(code).toBe(0);
    expect(stdout).toContain(`created ${pkg} (repo layout)`);
    for (const file of [
      'package.json',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
      'README.md',
      'AGENTS.md',
      'src/index.ts',
      'src/demo-api-connector.ts',
      'src/config.ts',
      'src/errors.ts',
      'src/validation.ts',
      'src/limits.ts',
      'src/schemas.ts',
      'src/streams.ts',
      'src/resources/items.ts',
      'src/mocks/index.ts',
      'src/metadata.ts',
      'examples/quickstart.ts',
      'test/items.test.ts',
      'test/streams.test.ts',
      'test/quickstart.test.ts',
      'test/lazy-import.test.ts',
      'test/live.test.ts',
      'test/conformance.test.ts',
    ]) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
    const frankfurter = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'connector-frankfurter', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.name).toBe('@cf/connector-demo-api');
    // The exports map (with its @cf/source condition) and publishConfig are the existing connectors'.
    expect(manifest.exports).toEqual(frankfurter.exports);
    expect(manifest.publishConfig).toEqual(frankfurter.publishConfig);
    expect(JSON.parse(readFileSync(join(pkg, 'tsconfig.json'), 'utf8'))).toMatchObject({ extends: '../../tsconfig.base.json' });
    expect(readFileSync(join(pkg, 'src', 'demo-api-connector.ts'), 'utf8')).toContain('export class DemoApiConnector extends BaseConnector');
    expect(readFileSync(join(pkg, 'AGENTS.md'), 'utf8')).toMatch(/cf check.*100 %/);
    expect(readFileSync(join(pkg, 'src', 'metadata.ts'), 'utf8')).toContain('TODO(cf check)');
    expect(readFileSync(join(pkg, 'README.md'), 'utf8')).toContain('DEMO_API_TOKEN');
    // Schemas use zod's mini API from core (`zod` itself costs a cold start ~50 ms); zod stays a dependency for
    // the schemas' types, in core's range.
    for (const file of ['src/config.ts', 'src/errors.ts', 'src/validation.ts', 'src/schemas.ts', 'src/resources/items.ts', 'src/streams.ts']) {
      const source = readFileSync(join(pkg, file), 'utf8');
      expect(source, file).toContain("import * as z from '@cf/core/zod';");
      expect(source, file).not.toMatch(/from 'zod/);
    }
    expect(readFileSync(join(pkg, 'src', 'config.ts'), 'utf8')).toContain('export const configSchema = z.lazySchema(() =>\n  z.extend(coreOptionsSchema, {');
    const core = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'core', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect((manifest.dependencies as Record<string, string>).zod).toBe(core.dependencies.zod);
  });

  it('resolves @cf/core, zod, msw and vitest from the repository', () => {
    for (const name of ['@cf/core', 'zod', 'msw', 'vitest']) expect(resolvesFrom(pkg, name), name).toBe(join(REPO_ROOT, 'node_modules', name));
  });

  it('passes its own unit tests (the live ones skipped without DEMO_API_TOKEN) and type-checks', async () => {
    const offline: NodeJS.ProcessEnv = { ...env };
    delete offline.DEMO_API_TOKEN;
    const tests = await exec('npx', ['vitest', 'run', '--exclude', 'test/conformance.test.ts'], { cwd: pkg, timeout: 120_000, env: offline });
    const [, passed, skipped, total] = /Tests\s+(\d+) passed \| (\d+) skipped \((\d+)\)/.exec(tests.stdout) ?? [];
    expect(Number(passed)).toBeGreaterThan(10);
    expect(Number(skipped)).toBe(2);
    expect(Number(passed) + Number(skipped)).toBe(Number(total));
    for (const file of ['items', 'streams', 'quickstart', 'lazy-import', 'package', 'live']) expect(tests.stdout).toContain(`test/${file}.test.ts`);
    await expect(exec('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: pkg, timeout: 120_000, env })).resolves.toBeDefined();
  }, 240_000);

  it('gives each test its own FakeClock: sleeps recorded in one test are not in the next', async () => {
    const file = join(pkg, 'test', 'clock-isolation.test.ts');
    writeFileSync(
      file,
      [
        "import { describe, expect, it } from 'vitest';",
        "import { useMockApi } from './helpers.js';",
        'const api = useMockApi();',
        "describe('clock', () => {",
        "  it('records a sleep', async () => {",
        '    await api.clock.sleep(1_000);',
        '    expect(api.clock.sleeps).toEqual([1_000]);',
        '  });',
        "  it('starts the next test with none', () => {",
        '    expect(api.clock.sleeps).toEqual([]);',
        '  });',
        '});',
        '',
      ].join('\n'),
    );
    try {
      const run = await exec('npx', ['vitest', 'run', 'test/clock-isolation.test.ts'], { cwd: pkg, timeout: 120_000, env });
      expect(run.stdout).toMatch(/Tests\s+2 passed \(2\)/);
    } finally {
      rmSync(file);
    }
  }, 240_000);

  it('builds with npm run build, in the repository and as a standalone package', async () => {
    await exec('npm', ['run', 'build'], { cwd: pkg, timeout: 180_000, env });
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/mocks/index.js']) expect(existsSync(join(pkg, file)), file).toBe(true);
    // Outside a tsconfig.base.json monorepo (its own tsup config and tsconfig); tools resolve from the repository's
    // node_modules here, as they would from the package's own after `npm install` (its devDependencies, see scaffold-input).
    const standalone = join(REPO_ROOT, '.tmp', 'scaffold-standalone', 'acme');
    rmSync(dirname(standalone), { recursive: true, force: true });
    try {
      const { code } = await runCli(['new', 'acme', '--dir', standalone, '--display-name', 'ACME', '--scope', '@acme']);
      expect(code).toBe(0);
      await exec('npm', ['run', 'build'], { cwd: standalone, timeout: 180_000, env });
      for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/mocks/index.d.cts']) expect(existsSync(join(standalone, file)), file).toBe(true);
      await exec('npm', ['run', 'typecheck'], { cwd: standalone, timeout: 180_000, env });
    } finally {
      rmSync(dirname(standalone), { recursive: true, force: true });
    }
  }, 400_000);

  it('is below 100 % by cf check until the API\'s limit model and credential are declared, and says so', async () => {
    const result = await checkConnector({ target: pkg });
    expect(result.via).toBe('vitest');
    expect(result.compliance).toBeLessThan(100);
    const failed = result.reports[0]?.results.filter((r) => r.status === 'failed') ?? [];
    expect(failed.map((r) => `${r.id}${r.operation ? `:${r.operation}` : ''}`).sort()).toEqual([
      'declares-credential',
      'declares-limit-model',
      'limit-burst',
      'op-rate-limits:items.get',
      'op-rate-limits:items.list',
    ]);
    // The kit's reasons whole, as core words them (chai would cut them at 40 characters).
    expect(failed.find((r) => r.id === 'declares-limit-model')?.reason).toBe(
      "declare metadata.limitModel: the API's windows, how it answers when rate limited (status, headers, body), and the documentation link",
    );
    expect(failed.find((r) => r.id === 'declares-credential')?.reason).toBe("declare metadata.credential: { in: 'header' | 'query' | 'none', name }");
    expect(failed.find((r) => r.id === 'limit-burst')?.reason).toBe('declare metadata.limitModel so the kit can enforce it');
    const { stdout: report } = await runCli(['check', pkg]);
    expect(report).toContain('declare metadata.limitModel.rateLimitedAnswer so the kit can answer like the API');
    // Every declared operation ran under the fault layer: the matrix has a row per operation.
    const operations = new Set(result.reports[0]?.results.map((r) => r.operation).filter(Boolean));
    expect([...operations].sort()).toEqual(['items.get', 'items.list']);
  }, 240_000);

  it('after declaring them with real values, is at 100 % by cf check', async () => {
    declareLimits(pkg);
    const result = await checkConnector({ target: pkg });
    expect(result.reports[0]?.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(result.compliance).toBe(100);
    const { stdout } = await runCli(['check', pkg]);
    expect(stdout).toMatch(/^OPERATION\s+op-typed-errors\s+op-write-safety/m);
    expect(stdout).toMatch(/^items\.get\s+pass\s+n\/a\s+pass/m);
    expect(stdout).toMatch(/^conformance demo-api: (\d+)\/\1 cases \(100%\)$/m);
  }, 240_000);

  it('refuses a directory that is not empty', async () => {
    const { code, stderr } = await runCli(['new', 'demo-api'], { cwd: workspace });
    expect(code).toBe(2);
    expect(stderr).toContain('exists and is not empty');
  });
});
