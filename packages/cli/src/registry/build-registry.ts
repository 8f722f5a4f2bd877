import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectorMetadataSchema } from '@cf/core';
import { runConformance } from '@cf/core/testing';
import { adapters } from '../adapters/index.js';
import type { Registry, RegistryEntry } from './registry-schema.js';

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
