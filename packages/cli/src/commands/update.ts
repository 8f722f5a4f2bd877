import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { CliError, usageError } from '../cli-error.js';
import { BASE_FILE, readBaseCopy, writeBaseCopy } from '../copy-in/base-copy.js';
import { MANIFEST_FILE, readManifest, writeManifest } from '../copy-in/manifest.js';
import { merge3 } from '../copy-in/merge3.js';
import { bundledSourceDir, readTree, sha256 } from '../copy-in/source-files.js';
import { EXIT } from '../exit-codes.js';
import { registryEntryFor } from '../registry/registry.js';
import { CLI_VERSION } from '../version.js';

/**
 * What `cf update` does to one file:
 * - `added`: new upstream, written; `updated`: unchanged by you, replaced by upstream's; `removed`: dropped upstream
 *   and unchanged by you, deleted;
 * - `kept`: changed by you only, left as it is; `merged`: changed on both sides, merged cleanly;
 * - `conflict`: changed on both sides in the same place, written with conflict markers;
 * - `kept-removed-upstream`: dropped upstream but changed by you, left in place (no longer part of the copy);
 * - `not-restored`: deleted by you and changed upstream, left deleted.
 * The last three need your attention (`needsAttention`).
 */
export type UpdateAction = 'added' | 'updated' | 'removed' | 'kept' | 'merged' | 'conflict' | 'kept-removed-upstream' | 'not-restored';

/** What `updateConnector` does (or would do, in a dry run) to one file. */
export interface FileUpdate {
  /** The file, relative to the connector's directory, `/`-separated. */
  path: string;
  /** What happens to it (see `UpdateAction`). */
  action: UpdateAction;
  /** Conflicting regions written (for `conflict`). */
  conflicts: number;
  /** A unified diff of the file as it is against what the update leaves (undefined when the file does not change). */
  patch: string | undefined;
}

/** Options of `updateConnector` (`cf update`): the connector, where it was copied, and how to merge. */
export interface UpdateOptions {
  /** The connector's registry name. */
  connector: string;
  /** @default 'src/connectors' */
  dir?: string | undefined;
  /** @default process.cwd() */
  cwd?: string | undefined;
  /** The upstream source. @default this CLI's bundled copy of the connector */
  sourceDir?: string | undefined;
  /** Compute and report, write nothing. */
  dryRun?: boolean | undefined;
  /** @default 'diff3' (the base's lines between `|||||||` and `=======`) */
  conflictStyle?: 'merge' | 'diff3' | undefined;
}

/** What `updateConnector` did (or would do): the versions, and each file touched. */
export interface UpdateResult {
  /** The connector's registry name. */
  connector: string;
  /** The connector's directory. */
  dir: string;
  /** The version installed before. */
  previousVersion: string;
  /** The version installed now (this CLI's). */
  version: string;
  /** True when nothing was written. */
  dryRun: boolean;
  /** The files the update touches or reports (files unchanged on both sides are left out), in path order. */
  files: FileUpdate[];
  /** Files written with conflict markers, or kept/not restored against upstream's change: exit 1. */
  needsAttention: number;
}

const ATTENTION: ReadonlySet<UpdateAction> = new Set(['conflict', 'kept-removed-upstream', 'not-restored']);

/**
 * `cf update <connector>`: brings a copied-in connector to this CLI's version, keeping your edits. Each file is a
 * three-way merge of your copy and upstream's against the base (what `cf add` or the last `cf update` installed,
 * kept in `cf-base.json`): a side that did not change takes the other's; both changed merge line by line, and
 * overlapping changes are written with git's conflict markers. The manifest and the base move to the new version.
 * Without a base copy (an install by an older `cf add` or by the shadcn CLI) files changed on both sides cannot be
 * merged: then it refuses, like `cf add`, names them and writes nothing.
 */
export function updateConnector(options: UpdateOptions): UpdateResult {
  const entry = registryEntryFor(options.connector);
  const target = resolve(options.cwd ?? process.cwd(), options.dir ?? join('src', 'connectors'), entry.name);
  const manifest = readManifest(target);
  if (!manifest) throw usageError(`${target} has no ${MANIFEST_FILE}: it was not installed with \`cf add ${entry.name}\`.`);
  const upstream = readTree(options.sourceDir ?? bundledSourceDir(entry));
  if (upstream.size === 0) throw new CliError(`This CLI has no source for ${entry.name} (looked in ${options.sourceDir ?? bundledSourceDir(entry)}).`);
  const base = readBaseCopy(target, manifest);
  const localFile = (path: string) => join(target, ...path.split('/'));
  const readLocal = (path: string): Buffer | undefined => (existsSync(localFile(path)) ? readFileSync(localFile(path)) : undefined);

  const plans: { path: string; action: UpdateAction; before: string | undefined; after: string | undefined; conflicts: number }[] = [];
  const noBase: string[] = [];
  const paths = [...new Set([...Object.keys(manifest.files), ...upstream.keys()])].sort();
  for (const path of paths) {
    const installed = manifest.files[path];
    const mine = readLocal(path);
    const theirs = upstream.get(path);
    const mineHash = mine && sha256(mine);
    const theirHash = theirs && sha256(theirs);
    const plan = (action: UpdateAction, after: Buffer | string | undefined, conflicts = 0) =>
      plans.push({ path, action, before: mine?.toString('utf8'), after: after?.toString(), conflicts });

    if (theirs === undefined) {
      // Dropped upstream (only manifest paths get here).
      if (mine === undefined) continue;
      if (mineHash === installed) plan('removed', undefined);
      else plan('kept-removed-upstream', mine);
    } else if (mine === undefined) {
      if (installed === undefined) plan('added', theirs);
      else if (theirHash !== installed) plan('not-restored', undefined);
    } else if (mineHash === theirHash) {
      continue;
    } else if (installed !== undefined && mineHash === installed) {
      plan('updated', theirs);
    } else if (theirHash === installed) {
      plan('kept', mine);
    } else {
      // Changed on both sides; a file of yours where upstream adds one merges against an empty base, as git's add/add.
      const baseContent = installed === undefined ? Buffer.alloc(0) : base.get(path);
      if (baseContent === undefined) {
        noBase.push(path);
        continue;
      }
      const merged = merge3(baseContent.toString('utf8'), mine.toString('utf8'), theirs.toString('utf8'), {
        labels: { local: 'local', base: `base ${manifest.version}`, upstream: `upstream ${entry.version}` },
        conflictStyle: options.conflictStyle ?? 'diff3',
      });
      plan(merged.conflicts > 0 ? 'conflict' : 'merged', merged.text, merged.conflicts);
    }
  }

  if (noBase.length > 0) {
    throw new CliError(
      `Cannot merge ${entry.name} in ${target}: it has no base copy (${BASE_FILE}; installed by an older cf add or by the shadcn CLI), ` +
        `and these files changed both in your copy and upstream:\n  ${noBase.join('\n  ')}\n` +
        `Nothing was written. See them with \`cf diff ${entry.name}\`; move your changes aside (or delete the files), run cf update again ` +
        `and reapply them: from then on cf update keeps the base and merges.`,
      EXIT.failure,
    );
  }

  const dryRun = options.dryRun === true;
  if (!dryRun) {
    for (const { path, before, after } of plans) {
      if (after === before) continue;
      const file = localFile(path);
      if (after === undefined) rmSync(file);
      else {
        mkdirSync(dirname(file), { recursive: true });
        // Bytes, not re-encoded text, when the file is upstream's as is.
        const theirs = upstream.get(path);
        writeFileSync(file, theirs !== undefined && theirs.toString('utf8') === after ? theirs : after);
      }
    }
    writeManifest(target, {
      connector: entry.name,
      package: entry.package,
      version: entry.version,
      cli: CLI_VERSION,
      files: Object.fromEntries([...upstream].map(([path, content]) => [path, sha256(content)])),
    });
    writeBaseCopy(target, entry.name, entry.version, upstream);
  }

  const files = plans.map(({ path, action, before, after, conflicts }) => ({
    path,
    action,
    conflicts,
    patch: before === after ? undefined : createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, after === undefined ? '/dev/null' : `b/${path}`, before ?? '', after ?? ''),
  }));
  return {
    connector: entry.name,
    dir: target.split(sep).join('/'),
    previousVersion: manifest.version,
    version: entry.version,
    dryRun,
    files,
    needsAttention: files.filter((f) => ATTENTION.has(f.action)).length,
  };
}

const DESCRIBE: Record<UpdateAction, string> = {
  added: 'added upstream',
  updated: 'updated (you had not changed it)',
  removed: 'removed (dropped upstream, you had not changed it)',
  kept: 'kept (changed by you only)',
  merged: 'merged (your change and upstream’s)',
  conflict: 'CONFLICT: both changed the same lines; resolve the markers',
  'kept-removed-upstream': 'CONFLICT: dropped upstream but changed by you; kept, no longer part of the copy',
  'not-restored': 'CONFLICT: deleted by you and changed upstream; left deleted',
};

/** The human report: a summary line, one line per file, and with `--dry-run` the patches. */
export function formatUpdate(result: UpdateResult): string {
  const verb = result.dryRun ? 'would update' : 'updated';
  const head = `${result.connector} in ${result.dir}: ${verb} ${result.previousVersion} → ${result.version}`;
  const lines = result.files.map((f) => `  ${f.path}: ${DESCRIBE[f.action]}${f.conflicts > 1 ? ` (${f.conflicts} regions)` : ''}`);
  const patches = result.dryRun ? result.files.flatMap((f) => (f.patch ? [f.patch] : [])) : [];
  const tail =
    result.needsAttention > 0
      ? `${result.needsAttention} file(s) need your attention${result.dryRun ? ' (dry run: nothing written)' : ''}.`
      : result.dryRun
        ? 'dry run: nothing written.'
        : result.files.length === 0
          ? 'nothing to change.'
          : 'clean.';
  return [head, ...lines, tail, ...(patches.length > 0 ? ['', ...patches] : [])].join('\n');
}
