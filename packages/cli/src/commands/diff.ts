import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { usageError } from '../cli-error.js';
import { BASE_FILE } from '../copy-in/base-copy.js';
import { MANIFEST_FILE, readManifest } from '../copy-in/manifest.js';
import { bundledSourceDir, readTree, sha256 } from '../copy-in/source-files.js';
import { registryEntryFor } from '../registry/registry.js';

/** What you did to a copied-in file since `cf add`: `unchanged`, `modified`, `added` or `deleted`. */
export type LocalStatus = 'unchanged' | 'modified' | 'added' | 'deleted';
/** What upstream (this CLI's copy) did to a file since `cf add`: `unchanged`, `changed`, `added` or `removed`. */
export type UpstreamStatus = 'unchanged' | 'changed' | 'added' | 'removed';

/** One file that differs, locally or upstream. */
export interface FileDiff {
  /** The file, relative to the connector's directory, `/`-separated. */
  path: string;
  /** What you did since `cf add`. */
  local: LocalStatus;
  /** What changed upstream (this CLI's copy) since `cf add`. */
  upstream: UpstreamStatus;
  /** A unified diff: your change against what was installed, or upstream's change against your file. */
  patch: string | undefined;
}

/** What `diffConnector` (`cf diff`) found for a copied-in connector. */
export interface DiffResult {
  /** The connector's registry name. */
  connector: string;
  /** The connector's directory. */
  dir: string;
  /** The version `cf add` (or the last `cf update`) installed. */
  installedVersion: string;
  /** The version this CLI carries. */
  upstreamVersion: string;
  /** Only the files that differ somewhere. */
  files: FileDiff[];
}

/** Options of `diffConnector` (`cf diff`). */
export interface DiffOptions {
  /** The connector's registry name. */
  connector: string;
  /** The directory connectors were copied into. @default 'src/connectors' */
  dir?: string | undefined;
  /** The directory `dir` is relative to. @default process.cwd() */
  cwd?: string | undefined;
  /** The upstream source to compare with. @default this CLI's bundled copy of the connector */
  sourceDir?: string | undefined;
}

/**
 * `cf diff <connector>`: for a copied-in connector, what you changed (current files against the manifest's hashes)
 * and what changed upstream (the CLI's copy against the same hashes), with patches where the base is known.
 */
export function diffConnector(options: DiffOptions): DiffResult {
  const entry = registryEntryFor(options.connector);
  const target = resolve(options.cwd ?? process.cwd(), options.dir ?? join('src', 'connectors'), entry.name);
  const manifest = readManifest(target);
  if (!manifest) throw usageError(`${target} has no ${MANIFEST_FILE}: it was not installed with \`cf add ${entry.name}\`.`);
  const upstream = readTree(options.sourceDir ?? bundledSourceDir(entry));
  const current = readTree(target);
  current.delete(MANIFEST_FILE);
  current.delete(BASE_FILE);

  const paths = [...new Set([...Object.keys(manifest.files), ...upstream.keys(), ...current.keys()])].sort();
  const files: FileDiff[] = [];
  for (const path of paths) {
    const installed = manifest.files[path];
    const mine = current.get(path);
    const theirs = upstream.get(path);
    const mineHash = mine && sha256(mine);
    const theirHash = theirs && sha256(theirs);
    const local: LocalStatus = mineHash === installed ? 'unchanged' : mine === undefined ? 'deleted' : installed === undefined ? 'added' : 'modified';
    const up: UpstreamStatus = theirHash === installed ? 'unchanged' : theirs === undefined ? 'removed' : installed === undefined ? 'added' : 'changed';
    if (local === 'unchanged' && up === 'unchanged') continue;
    // Your change is shown against upstream's copy when upstream has not moved (it is then what was installed).
    let patch: string | undefined;
    const text = (b: Buffer | undefined) => b?.toString('utf8') ?? '';
    if (local !== 'unchanged' && up === 'unchanged') patch = createTwoFilesPatch(`installed/${path}`, `yours/${path}`, text(theirs), text(mine));
    else if (local === 'unchanged' && up !== 'unchanged') patch = createTwoFilesPatch(`yours/${path}`, `upstream/${path}`, text(mine), text(theirs));
    else if (mine !== undefined || theirs !== undefined) patch = createTwoFilesPatch(`yours/${path}`, `upstream/${path}`, text(mine), text(theirs));
    files.push({ path, local, upstream: up, patch });
  }
  return { connector: entry.name, dir: target, installedVersion: manifest.version, upstreamVersion: entry.version, files };
}

const LOCAL: Record<LocalStatus, string> = { unchanged: '', modified: 'modified by you', added: 'added by you', deleted: 'deleted by you' };
const UPSTREAM: Record<UpstreamStatus, string> = { unchanged: '', changed: 'changed upstream', added: 'added upstream', removed: 'removed upstream' };

/** The human report: one line per file, then the patches. */
export function formatDiff(result: DiffResult, options: { patches?: boolean } = {}): string {
  const head = `${result.connector} in ${result.dir}: installed ${result.installedVersion}, this CLI has ${result.upstreamVersion}`;
  if (result.files.length === 0) return `${head}\nno changes: your copy is what cf add installed, and upstream has not changed.`;
  const lines = result.files.map((f) => `  ${f.path}: ${[LOCAL[f.local], UPSTREAM[f.upstream]].filter(Boolean).join(', ')}`);
  const patches = options.patches === false ? [] : result.files.flatMap((f) => (f.patch ? [f.patch] : []));
  return [head, ...lines, ...(patches.length > 0 ? ['', ...patches] : [])].join('\n');
}
