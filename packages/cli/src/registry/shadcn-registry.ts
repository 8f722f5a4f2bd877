import { join } from 'node:path';
import { copyInDependencies } from '../copy-in/dependencies.js';
import { MANIFEST_FILE, serializeManifest } from '../copy-in/manifest.js';
import { readTree, sha256 } from '../copy-in/source-files.js';
import { corePackage } from '../core-package.js';
import { CLI_VERSION } from '../version.js';
import type { Registry, RegistryEntry } from './registry-schema.js';

/** Where `pnpm registry` writes the shadcn-format registry, relative to the repository root. */
export const SHADCN_REGISTRY_DIR = 'registry/shadcn';

/** Where the shadcn items put a connector, relative to the project root: where `cf add` puts it by default. */
export const shadcnTargetDir = (connector: string): string => `src/connectors/${connector}`;

const ITEM_SCHEMA = 'https://ui.shadcn.com/schema/registry-item.json';
const REGISTRY_SCHEMA = 'https://ui.shadcn.com/schema/registry.json';

/** One file of a shadcn registry item (`registry:file`: written verbatim at `target`, relative to the project root). */
export interface ShadcnFile {
  path: string;
  type: 'registry:file';
  target: string;
  content?: string;
}

/** A shadcn registry item (https://ui.shadcn.com/schema/registry-item.json), the subset these files use. */
export interface ShadcnItem {
  $schema?: string;
  name: string;
  type: 'registry:item';
  title: string;
  description: string;
  dependencies: string[];
  devDependencies: string[];
  files: ShadcnFile[];
  docs: string;
  meta: { package: string; version: string; source: string; generatedBy: string };
}

/**
 * A connector as a shadcn registry item, so `npx shadcn add <url>` installs what `cf add` installs: its source
 * (tests excluded) under `src/connectors/<name>/`, plus the `cf-manifest.json` `cf add` would write, so `cf add` and
 * `cf diff` take over a copy shadcn installed. A universal item (`registry:item`, every file `registry:file` with a
 * target): shadcn writes the files verbatim, no components.json needed. `dependencies` are the npm packages the
 * source imports (`@cf/core`, `zod` in core's range); msw, imported by the mocks only, is a dev dependency.
 */
export function shadcnItem(repoRoot: string, entry: RegistryEntry): ShadcnItem {
  const files = readTree(join(repoRoot, ...entry.copyIn.source.split('/')));
  const core = corePackage();
  const ranges: Record<string, string> = { ...core.peerRanges, zod: core.zodRange, '@cf/core': `^${core.version}` };
  const spec = (name: string): string => (ranges[name] === undefined ? name : `${name}@${ranges[name]}`);
  const deps = copyInDependencies(files);
  const target = shadcnTargetDir(entry.name);
  const manifest = serializeManifest({
    connector: entry.name,
    package: entry.package,
    version: entry.version,
    cli: CLI_VERSION,
    files: Object.fromEntries([...files].map(([path, content]) => [path, sha256(content)])),
  });
  const paths = [...files.keys()].sort();
  const env = entry.envVars.length > 0 ? ` It reads ${entry.envVars.join(', ')} from the environment.` : '';
  return {
    $schema: ITEM_SCHEMA,
    name: entry.name,
    type: 'registry:item',
    title: entry.displayName,
    description: entry.description,
    dependencies: deps.filter((d) => !d.mocksOnly).map((d) => spec(d.name)),
    devDependencies: deps.filter((d) => d.mocksOnly).map((d) => spec(d.name)),
    files: [
      ...paths.map((path) => ({
        path: `${entry.copyIn.source}/${path}`,
        type: 'registry:file' as const,
        target: `${target}/${path}`,
        content: files.get(path)?.toString('utf8') ?? '',
      })),
      { path: `${target}/${MANIFEST_FILE}`, type: 'registry:file', target: `${target}/${MANIFEST_FILE}`, content: manifest },
    ],
    docs:
      `${entry.displayName} (${entry.package} ${entry.version}) is in ${target}/ (connectors/${entry.name}/ in a project without src/).${env} ` +
      `${MANIFEST_FILE} records what was installed: \`cf add ${entry.name}\` updates the copy and \`cf diff ${entry.name}\` shows your changes ` +
      `(with \`--dir connectors\` in a project without src/).`,
    meta: { package: entry.package, version: entry.version, source: entry.copyIn.source, generatedBy: SHADCN_GENERATED_BY },
  };
}

export const SHADCN_GENERATED_BY = 'pnpm --filter @cf/cli registry (packages/cli/src/registry/shadcn-registry.ts); do not edit by hand';

const serialize = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The shadcn-format registry, keyed by path relative to the repository root: `registry/shadcn/registry.json` (the
 * index: every item, its files without their content) and `registry/shadcn/<connector>.json` (the item to install).
 */
export function buildShadcnRegistry(repoRoot: string, registry: Registry): Map<string, string> {
  const out = new Map<string, string>();
  const items = registry.connectors.map((entry) => shadcnItem(repoRoot, entry));
  out.set(
    `${SHADCN_REGISTRY_DIR}/registry.json`,
    serialize({
      $schema: REGISTRY_SCHEMA,
      name: 'connector-factory',
      homepage: 'https://github.com/connector-factory/connector-factory',
      items: items.map(({ $schema: _schema, files, ...item }) => ({ ...item, files: files.map(({ content: _content, ...file }) => file) })),
    }),
  );
  for (const item of items) out.set(`${SHADCN_REGISTRY_DIR}/${item.name}.json`, serialize(item));
  return out;
}
