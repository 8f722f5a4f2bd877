import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { usageError } from '../cli-error.js';

/** The manifest's file name, in the connector's directory. */
export const MANIFEST_FILE = 'cf-manifest.json';

/** What `cf add` installed: the connector, its version, and the sha256 of every file as written. */
export const copyInManifestSchema = z.strictObject({
  connector: z.string(),
  package: z.string(),
  /** The connector's package version the copy was taken from. */
  version: z.string(),
  /** The CLI that copied it (its bundled sources are that version). */
  cli: z.string(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

/**
 * `cf-manifest.json`: the connector, its package and version, the CLI that copied it, and the sha256 of every file as
 * written (what `cf diff` and `cf update` compare with).
 */
export type CopyInManifest = z.infer<typeof copyInManifestSchema>;

export function readManifest(dir: string): CopyInManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = copyInManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw usageError(`${file} is not a cf manifest (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return parsed.data;
}

/** The manifest file's exact text (files in path order): what `cf add` writes, and what the shadcn items carry. */
export function serializeManifest(manifest: CopyInManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

export function writeManifest(dir: string, manifest: CopyInManifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), serializeManifest(manifest));
}
