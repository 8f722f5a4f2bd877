import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { JsonValue } from '@cf/core';
import { z } from 'zod';
import { usageError } from '../cli-error.js';

const jsonValue: z.ZodType<JsonValue> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

/** What `--state` holds: where the next run resumes, written after every page. */
export const extractStateSchema = z.strictObject({
  version: z.literal(1),
  connector: z.string(),
  resource: z.string(),
  /** The checkpoint of the last page fully written; null before the first page, or when nothing follows it. */
  checkpoint: jsonValue.nullable(),
  /** Records of the page after `checkpoint` already written (a `--limit` that stopped inside a page). */
  skip: z.number().int().nonnegative(),
  /** True once the last page was written: a rerun has nothing to do unless the checkpoint says where new changes start. */
  complete: z.boolean(),
  /** Records written by every run so far. */
  records: z.number().int().nonnegative(),
  /** The `--out` file and its size after the last page saved: a rerun cuts off records written after it. */
  out: z.string().optional(),
  outBytes: z.number().int().nonnegative().optional(),
  updatedAt: z.string(),
});

/**
 * The `--state` file's content: the connector and resource, the checkpoint of the last page written, records written
 * and skipped, whether the resource was read to the end, and the `--out` file's size.
 */
export type ExtractState = z.infer<typeof extractStateSchema>;

/** The saved state, or undefined when the file does not exist yet. A state for another resource is a usage error. */
export function readState(path: string, connector: string, resource: string): ExtractState | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw usageError(`The state file ${path} is not JSON (${(error as Error).message}). Delete it to start over.`);
  }
  const parsed = extractStateSchema.safeParse(raw);
  if (!parsed.success) throw usageError(`The state file ${path} is not a cf extract state: ${parsed.error.issues[0]?.message ?? 'invalid'}. Delete it to start over.`);
  if (parsed.data.connector !== connector || parsed.data.resource !== resource) {
    throw usageError(`The state file ${path} belongs to "${parsed.data.connector} ${parsed.data.resource}", not "${connector} ${resource}".`);
  }
  return parsed.data;
}

/** Replaces the state file atomically (write beside it, then rename), so a crash never leaves half a file. */
export function writeState(path: string, state: ExtractState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
