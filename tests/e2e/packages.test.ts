import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyArrows } from '../../scripts/build/lazy-arrows';
import { consumers } from './consumers.js';

/**
 * Packs every publishable package as npm would receive it, installs the tarballs into a fresh npm project
 * outside the workspace, and uses them like a user: ESM import, CJS require, type-check (node16 and bundler),
 * and a call against the package's own mocks on loopback — on Node 20, 22 and 24.
 * Opt out locally with CF_SKIP_PACK_E2E=1 (CI always runs it).
 */
const root = resolve(import.meta.dirname, '../..');
const packs = join(root, '.tmp', 'packs');
const skip = process.env.CF_SKIP_PACK_E2E === '1';
const nodeVersions = (process.env.CF_E2E_NODE_VERSIONS ?? '22,24').split(',').filter(Boolean);
let project: string;

const sh = (cmd: string, args: string[], cwd: string, timeout = 300_000): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe.skipIf(skip)('published packages, installed from their tarballs', () => {
  beforeAll(() => {
    sh('node', ['scripts/check-packages.mjs', ...consumers.map((c) => c.name)], root, 600_000);
    project = mkdtempSync(join(tmpdir(), 'cf-e2e-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cf-e2e-consumer', private: true, type: 'module' }));
    const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
    sh('npm', ['install', '--no-package-lock', ...tarballs, 'msw@^2.10.0', 'zod@^4.1.0', 'typescript@~5.9.3', '@types/node@^20.19.0'], project, 600_000);
  }, 900_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('every publishable package with source has a consumer spec, and each was packed', () => {
    const withSource = readdirSync(join(root, 'packages'))
      .filter((dir) => existsSync(join(root, 'packages', dir, 'src', 'index.ts')))
      .map((dir) => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { name: string; private?: boolean })
      .filter((m) => !m.private)
      .map((m) => m.name);
    expect(consumers.map((c) => c.name).sort()).toEqual(withSource.sort());
    expect(readdirSync(packs).filter((f) => f.endsWith('.tgz'))).toHaveLength(consumers.length);
  });

  it('no built file Node loads has a top-level arrow function left (V8 compiles those eagerly; scripts/build/lazy-arrows.ts)', () => {
    const checked: string[] = [];
    for (const { name } of consumers) {
      const dist = join(project, 'node_modules', ...name.split('/'), 'dist');
      for (const file of listFiles(dist)) {
        // dist/browser/ is what bundlers read: left as esbuild writes it.
        if (!/\.c?js$/.test(file) || file.startsWith(join(dist, 'browser'))) continue;
        const { rewritten } = lazyArrows(readFileSync(file, 'utf8'), { sourceType: file.endsWith('.cjs') ? 'script' : 'module' });
        expect({ file, rewritten }).toEqual({ file, rewritten: 0 });
        checked.push(file);
      }
    }
    expect(checked.length).toBeGreaterThan(consumers.length);
  });

  it('every exported function and class keeps its name in the built files (stack traces, `error.name`; scripts/build/short-locals.ts)', () => {
    writeFileSync(
      join(project, 'export-names.mjs'),
      `const renamed = [];
      for (const name of ${JSON.stringify(consumers.map((c) => c.name))}) {
        const ns = await import(name);
        for (const [key, value] of Object.entries(ns)) if (typeof value === 'function' && value.name !== key) renamed.push(name + ': ' + key + ' is named ' + value.name);
      }
      console.log(JSON.stringify(renamed));`,
    );
    expect(JSON.parse(sh('node', ['export-names.mjs'], project))).toEqual([]);
  });

  it('a connector\'s ESM build imports core as one module, the very module `@cf/core` and its kits re-export', () => {
    const dist = (name: string, file: string): string => readFileSync(join(project, 'node_modules', ...name.split('/'), 'dist', file), 'utf8');
    // Node's ESM loader pays per module and per bare specifier (docs/benchmarks.md, import cost).
    expect(staticImports(dist('@cf/core', 'runtime.js'))).toEqual([]);
    const connectors = consumers.filter((c) => c.name.startsWith('@cf/connector-'));
    expect(connectors.length).toBeGreaterThan(0);
    for (const { name } of connectors) {
      expect({ name, imports: [...new Set(staticImports(dist(name, 'index.js')))] }).toEqual({ name, imports: ['@cf/core/runtime'] });
    }
    writeFileSync(
      join(project, 'core-identity.mjs'),
      `import * as runtime from '@cf/core/runtime';
      import * as core from '@cf/core';
      import * as z from '@cf/core/zod';
      import * as internal from '@cf/core/internal';
      import { FakeClock } from '@cf/core/testing';
      import { FrankfurterConnector } from '@cf/connector-frankfurter';
      const same = [core.HttpClient === runtime.HttpClient, core.ConnectorError === runtime.ConnectorError, z.object === runtime.object, internal.errorForStatus === runtime.errorForStatus, FakeClock === core.FakeClock];
      let thrown;
      try { new FrankfurterConnector({ baseUrl: 'not a url' }); } catch (error) { thrown = error; }
      same.push(thrown instanceof core.ValidationError);
      console.log(JSON.stringify(same));`,
    );
    expect(JSON.parse(sh('node', ['core-identity.mjs'], project))).toEqual([true, true, true, true, true, true]);
  });

  for (const consumer of consumers) {
    const slug = consumer.name.replace(/[@/]/g, '_');

    it(`${consumer.name}: ESM import and CJS require expose the same exports`, () => {
      writeFileSync(join(project, `${slug}.esm.mjs`), `import * as m from '${consumer.name}';\nconsole.log(JSON.stringify(Object.keys(m)));`);
      writeFileSync(join(project, `${slug}.cjs.cjs`), `const m = require('${consumer.name}');\nconsole.log(JSON.stringify(Object.keys(m)));`);
      const esm = JSON.parse(sh('node', [`${slug}.esm.mjs`], project)) as string[];
      const cjs = JSON.parse(sh('node', [`${slug}.cjs.cjs`], project)) as string[];
      for (const name of consumer.exports) {
        expect(esm).toContain(name);
        expect(cjs).toContain(name);
      }
      expect(new Set(cjs.filter((k) => k !== 'default'))).toEqual(new Set(esm.filter((k) => k !== 'default')));
    });

    it(`${consumer.name}: type-checks under strict with node16 and bundler resolution`, () => {
      const dir = join(project, `types-${slug}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'usage.mts'), consumer.types);
      for (const [moduleKind, resolution] of [['node16', 'node16'], ['esnext', 'bundler']] as const) {
        writeFileSync(
          join(dir, `tsconfig.${resolution}.json`),
          JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: moduleKind, moduleResolution: resolution, target: 'es2022', skipLibCheck: false, types: ['node'] }, files: ['usage.mts'] }),
        );
        sh(join(project, 'node_modules', '.bin', 'tsc'), ['-p', `tsconfig.${resolution}.json`], dir);
      }
    });

    it(`${consumer.name}: a call against its mocks works on Node ${['20', ...nodeVersions].join(', ')}`, () => {
      writeFileSync(join(project, `${slug}.call.mjs`), consumer.call);
      expect(sh('node', [`${slug}.call.mjs`], project)).toMatch(/^OK /m);
      for (const version of nodeVersions) {
        expect(sh('npx', ['-y', `node@${version}`, `${slug}.call.mjs`], project, 600_000)).toMatch(/^OK /m);
      }
    }, 900_000);
  }
});

/** The modules a built ESM file imports statically: the import statements esbuild writes at its top. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(?:\/\/[^\n]*\n|import\s*(?:[^'";]*?\s*from\s*)?['"]([^'"]+)['"];?)/;
  let rest = code.replace(/^#![^\n]*\n/, '');
  for (let match = statement.exec(rest); match; match = statement.exec(rest)) {
    if (match[1]) found.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return found;
}

/** Every file under `dir`, at any depth. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]));
}
