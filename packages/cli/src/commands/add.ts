import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CliError } from '../cli-error.js';
import { writeBaseCopy } from '../copy-in/base-copy.js';
import { readManifest, writeManifest } from '../copy-in/manifest.js';
import { copyInDependencies, type CopyInDependency } from '../copy-in/dependencies.js';
import { bundledSourceDir, importsLeavingTree, readTree, sha256 } from '../copy-in/source-files.js';
import { EXIT } from '../exit-codes.js';
import { registryEntryFor } from '../registry/registry.js';
import { CLI_VERSION } from '../version.js';

export type { CopyInDependency } from '../copy-in/dependencies.js';

/** Options of `addConnector` (`cf add`): which connector, and where to copy it. */
export interface AddOptions {
  /** The connector's registry name (`hubspot`). */
  connector: string;
  /** The directory connectors are copied into; the source lands in `<dir>/<connector>/`. @default 'src/connectors' */
  dir?: string | undefined;
  /** @default process.cwd() */
  cwd?: string | undefined;
  /** The upstream source to copy. @default this CLI's bundled copy of the connector */
  sourceDir?: string | undefined;
}

/** What `addConnector` did: where it copied, which version, and what it wrote, kept or removed. */
export interface AddResult {
  /** The directory the source is in, `/`-separated. */
  dir: string;
  /** The connector version installed. */
  version: string;
  /** The version installed before, when this was an update. */
  previousVersion: string | undefined;
  /** Files written (new, or unchanged by you and changed upstream), relative to `dir`. */
  written: string[];
  /** Files already identical to upstream's. */
  unchanged: string[];
  /** Files removed upstream that you had not changed, deleted. */
  removed: string[];
  /** Relative imports that leave the copied tree (they will not resolve in your project). */
  warnings: string[];
  /**
   * The packages the copied source imports, for your dependencies: `@cf/core` (its `@cf/core/zod` too) at the
   * version this CLI's copy is written against, `zod` when it names zod's types, `msw` for the mocks only.
   */
  dependencies: CopyInDependency[];
}

/**
 * `cf add <connector>`: copies the connector's source into your project (the copy-in install) with
 * `cf-manifest.json` recording the version and each file's hash, and `cf-base.json` holding the files as installed
 * (the base of `cf update`'s merge). Run again after upgrading the CLI to update without merging:
 * files you have not changed are replaced; a file you changed (or one the manifest does not know) is never
 * overwritten: the command refuses, names the files, and writes nothing.
 */
export function addConnector(options: AddOptions): AddResult {
  const entry = registryEntryFor(options.connector);
  const target = resolve(options.cwd ?? process.cwd(), options.dir ?? join('src', 'connectors'), entry.name);
  const upstream = readTree(options.sourceDir ?? bundledSourceDir(entry));
  if (upstream.size === 0) throw new CliError(`This CLI has no source for ${entry.name} (looked in ${options.sourceDir ?? bundledSourceDir(entry)}).`);
  const manifest = readManifest(target);
  const local = (path: string): string | undefined => {
    const file = join(target, ...path.split('/'));
    return existsSync(file) ? sha256(readFileSync(file)) : undefined;
  };

  const conflicts: string[] = [];
  const written: string[] = [];
  const unchanged: string[] = [];
  const removed: string[] = [];
  for (const [path, content] of upstream) {
    const current = local(path);
    if (current === undefined) written.push(path);
    else if (current === sha256(content)) unchanged.push(path);
    else if (manifest?.files[path] === current) written.push(path);
    else conflicts.push(`${path} (${manifest?.files[path] === undefined ? 'not installed by cf add' : 'modified by you'})`);
  }
  for (const path of Object.keys(manifest?.files ?? {})) {
    if (upstream.has(path)) continue;
    const current = local(path);
    if (current === undefined) continue;
    if (current === manifest?.files[path]) removed.push(path);
    else conflicts.push(`${path} (modified by you, removed upstream)`);
  }
  if (conflicts.length > 0) {
    throw new CliError(
      `Refusing to overwrite files in ${target}:\n  ${conflicts.join('\n  ')}\n` +
        `See them with \`cf diff ${entry.name}\`; \`cf update ${entry.name}\` merges upstream's changes into yours, or move your changes aside (or delete the files) and run cf add again.`,
      EXIT.failure,
    );
  }

  for (const path of written) {
    const file = join(target, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, upstream.get(path) ?? '');
  }
  for (const path of removed) rmSync(join(target, ...path.split('/')));
  mkdirSync(target, { recursive: true });
  writeManifest(target, {
    connector: entry.name,
    package: entry.package,
    version: entry.version,
    cli: CLI_VERSION,
    files: Object.fromEntries([...upstream].map(([path, content]) => [path, sha256(content)])),
  });
  // The base of the next `cf update`'s three-way merge.
  writeBaseCopy(target, entry.name, entry.version, upstream);
  return {
    dir: target.split(sep).join('/'),
    version: entry.version,
    previousVersion: manifest?.version,
    written,
    unchanged,
    removed,
    warnings: importsLeavingTree(upstream),
    dependencies: copyInDependencies(upstream),
  };
}
