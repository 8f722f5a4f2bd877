import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CopyInManifest } from './manifest.js';
import { sha256 } from './source-files.js';

/**
 * The base of `cf update`'s three-way merge: the files exactly as `cf add` (or the last `cf update`) installed them,
 * next to the manifest in one JSON file. One file and not a tree of `.ts` copies, so the project's compiler, linter
 * and test runner never pick the old source up; next to the manifest, so it moves with the copied connector.
 */
export const BASE_FILE = 'cf-base.json';

const baseCopySchema = z.strictObject({
  connector: z.string(),
  version: z.string(),
  /** Path → the file's text as installed. */
  files: z.record(z.string(), z.string()),
});

export function writeBaseCopy(dir: string, connector: string, version: string, files: ReadonlyMap<string, Buffer>): void {
  const texts: Record<string, string> = {};
  for (const path of [...files.keys()].sort((x, y) => x.localeCompare(y))) texts[path] = files.get(path)?.toString('utf8') ?? '';
  writeFileSync(join(dir, BASE_FILE), `${JSON.stringify({ connector, version, files: texts }, null, 2)}\n`);
}

/**
 * The base files the manifest vouches for: each stored file whose sha256 is the manifest's (a hand-edited, stale or
 * non-UTF-8 entry is left out, never trusted). Empty when there is no base copy (an install by an older `cf add`, or
 * by the shadcn CLI) or it is unreadable.
 */
export function readBaseCopy(dir: string, manifest: CopyInManifest): Map<string, Buffer> {
  const base = new Map<string, Buffer>();
  const file = join(dir, BASE_FILE);
  if (!existsSync(file)) return base;
  let parsed: z.infer<typeof baseCopySchema>;
  try {
    parsed = baseCopySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return base;
  }
  for (const [path, text] of Object.entries(parsed.files)) {
    const content = Buffer.from(text, 'utf8');
    if (manifest.files[path] === sha256(content)) base.set(path, content);
  }
  return base;
}
