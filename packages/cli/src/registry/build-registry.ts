import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectorMetadataSchema } from '@cf/core';
import { runConformance } from '@cf/core/testing';
import { adapters } from '../adapters/index.js';
import type { Registry, RegistryEntry } from './registry-schema.js';
import { buildShadcnRegistry, SHADCN_REGISTRY_DIR } from './shadcn-registry.js';

export const REGISTRY_GENERATED_BY = 'pnpm --filter @cf/cli registry (packages/cli/src/registry/build-registry.ts); do not edit by hand';

/** The connector packages in a checkout: `packages/connector-<name>` with a `src/index.ts`. */
export function connectorPackageDirs(repoRoot: string): string[] {
  const packages = join(repoRoot, 'packages');
  return readdirSync(packages)
    .filter((dir) => dir.startsWith('connector-') && existsSync(join(packages, dir, 'src', 'index.ts')))
    .sort()
    .map((dir) => join(packages, dir));
}

/** One connector's entry: its metadata record (validated by core's schema), its package, and its compliance. */
export async function registryEntry(repoRoot: string, dir: string): Promise<RegistryEntry> {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  const module = (await import(pathToFileURL(join(dir, 'src', 'index.ts')).href)) as { metadata?: unknown };
  const parsed = connectorMetadataSchema.safeParse(module.metadata);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${manifest.name}: src/index.ts must export a valid \`metadata\` (defineMetadata from @cf/core): ${issues}`);
  }
  const metadata = parsed.data;
  if (metadata.packageName !== manifest.name) throw new Error(`${manifest.name}: metadata.packageName is "${metadata.packageName}"`);
  const adapter = adapters[metadata.name];
  const report = adapter ? await runConformance(adapter.conformance) : undefined;
  const source = join(dir, 'src').slice(repoRoot.length + 1).split('\\').join('/');
  return {
    name: metadata.name,
    displayName: metadata.displayName,
    description: metadata.description,
    package: manifest.name,
    version: manifest.version,
    apiVersion: metadata.apiVersion,
    auth: metadata.auth,
    envVars: metadata.envVars,
    resources: metadata.resources,
    extract: adapter ? Object.keys(adapter.resources) : [],
    streams: (metadata.streams ?? []).map((s) => s.name),
    conformance: report ? { passed: report.passed, applicable: report.applicable, compliance: report.compliance } : null,
    docsUrl: metadata.docsUrl,
    copyIn: { source, command: `cf add ${metadata.name}` },
  };
}

/** Builds `registry.json` from every connector package in the checkout, in name order. */
export async function buildRegistry(repoRoot: string): Promise<Registry> {
  const connectors: RegistryEntry[] = [];
  for (const dir of connectorPackageDirs(repoRoot)) connectors.push(await registryEntry(repoRoot, dir));
  connectors.sort((a, b) => a.name.localeCompare(b.name));
  return { generatedBy: REGISTRY_GENERATED_BY, connectors };
}

/** The file's exact text: stable key order and a final newline, so regenerating is a no-op when nothing changed. */
export function serializeRegistry(registry: Registry): string {
  return `${JSON.stringify(registry, null, 2)}\n`;
}

/**
 * Every file `pnpm registry` writes, keyed by path relative to the repository root: `registry.json` (ours, for
 * `cf add` and `cf list`) and the shadcn-format registry under `registry/shadcn/` (for `npx shadcn add <url>`).
 */
export async function buildRegistryFiles(repoRoot: string): Promise<Map<string, string>> {
  const registry = await buildRegistry(repoRoot);
  return new Map([['registry.json', serializeRegistry(registry)], ...buildShadcnRegistry(repoRoot, registry)]);
}

/**
 * The differences between the files on disk and `files`: paths missing, different, or (under `registry/shadcn/`)
 * left over from a connector that is gone. Empty when the checkout is up to date.
 */
export function staleRegistryFiles(repoRoot: string, files: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [path, text] of files) {
    const file = join(repoRoot, ...path.split('/'));
    if (!existsSync(file)) stale.push(`${path} (missing)`);
    else if (readFileSync(file, 'utf8') !== text) stale.push(`${path} (out of date)`);
  }
  const dir = join(repoRoot, ...SHADCN_REGISTRY_DIR.split('/'));
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) if (!files.has(`${SHADCN_REGISTRY_DIR}/${name}`)) stale.push(`${SHADCN_REGISTRY_DIR}/${name} (not generated)`);
  }
  return stale;
}
