import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectorMetadataSchema } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { connectorPackageDirs, staleRegistryFiles } from '../src/registry/build-registry.js';
import { buildShadcnRegistry, shadcnItem, type ShadcnItem } from '../src/registry/shadcn-registry.js';
import { adapters, copyInManifestSchema, listConnectors, loadRegistry, registrySchema } from '../src/index.js';
import { REPO_ROOT, runCli } from './helpers.js';

// Whether registry.json is up to date (every connector's conformance suite again): registry-up-to-date.test.ts, in
// `pnpm test:e2e`.
describe('registry.json', () => {
  it('lists every connector package, each with a metadata record core validates', async () => {
    const registry = registrySchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'registry.json'), 'utf8')));
    const names = connectorPackageDirs(REPO_ROOT).map((dir) => `@cf/${dir.split(/[\\/]/).at(-1) ?? ''}`);
    expect(registry.connectors.map((c) => c.package).sort()).toEqual(names.sort());
    for (const entry of registry.connectors) {
      const module = (await import(join(REPO_ROOT, entry.copyIn.source, 'index.ts'))) as { metadata: unknown };
      expect(connectorMetadataSchema.parse(module.metadata).name).toBe(entry.name);
      expect(entry.copyIn).toEqual({ source: `packages/connector-${entry.name}/src`, command: `cf add ${entry.name}` });
    }
  });

  it('gives a compliance for every connector the CLI has an adapter for, and lists its extractable resources', () => {
    for (const entry of loadRegistry().connectors) {
      const adapter = adapters[entry.name];
      expect(entry.extract).toEqual(adapter ? Object.keys(adapter.resources) : []);
      expect(entry.conformance === null).toBe(adapter === undefined);
    }
  });
});

describe('cf list', () => {
  it('prints the registry as a table: connector, package version, API version, auth, resources, compliance', async () => {
    const { code, stdout } = await runCli(['list']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['CONNECTOR', 'VERSION', 'API VERSION', 'AUTH', 'RESOURCES', 'COMPLIANCE']);
    expect(rows).toHaveLength(listConnectors().length);
    const hubspot = loadRegistry().connectors.find((c) => c.name === 'hubspot');
    const row = rows.find((r) => r.startsWith('hubspot '));
    expect(row).toContain(hubspot?.version);
    expect(row).toContain(hubspot?.apiVersion);
    expect(row).toContain('bearer, oauth2');
    expect(row).toContain('contacts, companies');
    expect(row).toMatch(/\d+% \(\d+\/\d+\)$/);
  });

  it('--json prints the entries, with the npm package and the copy-in path', async () => {
    const { stdout } = await runCli(['list', '--json']);
    const entries = JSON.parse(stdout) as Array<{ name: string; package: string; copyIn: { source: string } }>;
    expect(entries.find((e) => e.name === 'frankfurter')).toMatchObject({ package: '@cf/connector-frankfurter', copyIn: { source: 'packages/connector-frankfurter/src' } });
  });
});

describe('the shadcn-format registry (registry/shadcn/)', () => {
  it('is what registry.json and the connectors\' sources make, byte for byte (the fast half of `pnpm registry:check`)', () => {
    const files = buildShadcnRegistry(REPO_ROOT, loadRegistry());
    expect(staleRegistryFiles(REPO_ROOT, new Map([...files, ['registry.json', readFileSync(join(REPO_ROOT, 'registry.json'), 'utf8')]]))).toEqual([]);
  });

  it('has an item per connector: its source without tests under src/connectors/<name>/ (where cf add puts it) and cf add\'s manifest, @cf/core as a dependency, msw (the mocks) as a dev dependency', () => {
    const core = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'core', 'package.json'), 'utf8')) as { version: string };
    const index = JSON.parse(readFileSync(join(REPO_ROOT, 'registry', 'shadcn', 'registry.json'), 'utf8')) as { name: string; homepage: string; items: ShadcnItem[] };
    expect(index.items.map((i) => i.name)).toEqual(loadRegistry().connectors.map((c) => c.name));
    for (const entry of loadRegistry().connectors) {
      const item = shadcnItem(REPO_ROOT, entry);
      expect(item).toMatchObject({ $schema: 'https://ui.shadcn.com/schema/registry-item.json', name: entry.name, type: 'registry:item', title: entry.displayName });
      expect(item.dependencies).toContain(`@cf/core@^${core.version}`);
      expect(item.dependencies.some((d) => d.startsWith('msw'))).toBe(false);
      expect(item.devDependencies).toEqual([expect.stringMatching(/^msw@\^\d/)]);
      const targets = item.files.map((f) => f.target);
      expect(targets).toContain(`src/connectors/${entry.name}/index.ts`);
      expect(targets).toContain(`src/connectors/${entry.name}/cf-manifest.json`);
      for (const file of item.files) {
        expect(file.type).toBe('registry:file');
        expect(file.target.startsWith(`src/connectors/${entry.name}/`)).toBe(true);
        expect(file.target.endsWith('.test.ts')).toBe(false);
      }
      const manifest = copyInManifestSchema.parse(JSON.parse(item.files.find((f) => f.target.endsWith('cf-manifest.json'))?.content ?? '{}'));
      expect(Object.keys(manifest.files).length).toBe(item.files.length - 1);
      const listed = index.items.find((i) => i.name === entry.name);
      expect(listed?.files.map((f) => f.target)).toEqual(targets);
      expect(listed?.files.every((f) => f.content === undefined)).toBe(true);
    }
  });
});
