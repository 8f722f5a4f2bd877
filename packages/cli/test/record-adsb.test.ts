import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { handlers } from '@cf/connector-adsb/mocks';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOperation } from '../src/commands/record.js';
import { REPO_ROOT, runCli, runPackageTests } from './helpers.js';

const exec = promisify(execFile);
const { FORCE_COLOR: _force, ...plainEnv } = process.env;
const env = { ...plainEnv, NO_COLOR: '1' };

/** A copy of the adsb connector package (source and tests, not node_modules), under the repository so its dependencies resolve. */
const workspace = join(REPO_ROOT, '.tmp', 'record-adsb-test');
const dir = join(workspace, 'packages', 'connector-adsb');
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

const vitest = (...files: string[]) => runPackageTests(dir, ...files);

describe('cf record on a built-in connector package (adsb), against an adsb.lol-shaped loopback API', () => {
  let api: MockServer;
  beforeAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'tsconfig.base.json'), JSON.stringify({ extends: '../../tsconfig.base.json' }));
    const source = join(REPO_ROOT, 'packages', 'connector-adsb');
    for (const entry of ['src', 'test', 'examples', 'package.json', 'tsconfig.json', 'vitest.config.ts']) cpSync(join(source, entry), join(dir, entry), { recursive: true });
    // The package's own mocks play the live API: a real HTTP server on loopback.
    api = await startMockServer(handlers);
  });
  afterAll(async () => {
    await api.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('records two operations (one by the CLI entry, with arguments) whose generated tests replay them, and fail on a changed fixture', async () => {
    const military = await recordOperation({ target: dir, operation: 'military', baseUrl: `${api.baseUrl}/v2`, env: {} });
    expect(military).toMatchObject({ kind: 'value', exchanges: 1 });
    expect(api.requests.map((r) => r.path)).toEqual(['/v2/mil']);
    const fixture = JSON.parse(read('src/mocks/recorded/military.json')) as { exchanges: Array<{ path: string; body: { ac: Array<{ hex: string }> } }>; result: { value: { aircraft: unknown[] } } };
    expect(fixture.exchanges[0]?.path).toBe('/mil');
    expect(fixture.exchanges[0]?.body.ac.length).toBeGreaterThan(0);

    const run = await runCli(['record', dir, 'nearby', '--args', '{"lat":51.47,"lon":-0.45,"radiusNm":25}', '--base-url', `${api.baseUrl}/v2`], { env: {} });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/v2/mil', '/v2/point/51.47/-0.45/25']);
    expect(read('src/mocks/recorded/index.ts')).toContain("  military: militaryRecording,\n  nearby: nearbyRecording,\n");
    expect(read('test/recorded-nearby.test.ts')).toContain('await api.make().nearby({ lat: 51.47, lon: -0.45, radiusNm: 25 });');

    const tsc = await exec('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, timeout: 120_000, env }).then(
      () => '',
      (error: Error & { stdout?: string }) => error.stdout ?? error.message,
    );
    expect(tsc).toBe('');
    const pass = await vitest('test/recorded-military.test.ts', 'test/recorded-nearby.test.ts');
    expect(pass.out).toMatch(/Tests\s+2 passed \(2\)/);
    expect(pass.ok).toBe(true);

    const file = join(dir, 'src/mocks/recorded/military.json');
    const good = readFileSync(file, 'utf8');
    const changed = JSON.parse(good) as typeof fixture;
    const first = changed.exchanges[0]?.body.ac[0];
    if (first === undefined) throw new Error('no aircraft recorded');
    first.hex = 'c0ffee';
    writeFileSync(file, JSON.stringify(changed));
    const broken = await vitest('test/recorded-military.test.ts');
    expect(broken.ok).toBe(false);
    expect(broken.out).toContain('c0ffee');
    writeFileSync(file, good);
  }, 300_000);

  it('a connector the CLI knows, by name, resolves to its source package; one outside the layout is refused before any request', async () => {
    const run = await runCli(['record', 'frankfurter', 'currencies'], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/packages\/connector-frankfurter is not a connector package in the `cf new` layout/);
    expect(existsSync(join(REPO_ROOT, 'packages', 'connector-frankfurter', 'src', 'mocks', 'recorded'))).toBe(false);
  });
});
