import { validateInput } from '@cf/core';
import * as z from '@cf/core/zod';

/**
 * The checkpoint of an incremental extraction (`changedSince`): a plain JSON value to store anywhere.
 *
 * A run reads everything with `updated_at >= since`, oldest first (`sortKey: UPDATED_AT`), page by page
 * with Shopify's cursor. After each page the checkpoint holds the cursor (`after`), so a crashed run
 * resumes at the next page exactly. When a run ends, the next run starts at the highest `updatedAt`
 * seen, inclusive, and skips the ids already delivered at that instant: records sharing a timestamp
 * are neither lost nor delivered twice.
 */
export type SyncCheckpoint = {
  /** The checkpoint format's version. */
  v: 1;
  /** Lower bound (inclusive) of `updatedAt` for the current run; null reads from the beginning. */
  since: string | null;
  /** Ids already delivered whose `updatedAt` equals `since`. */
  seen: string[];
  /** Upper bound (inclusive) of the current run when `lagMs` is used, fixed at the run's start. */
  until: string | null;
  /** Shopify's cursor within the current run; null at the start of a run. */
  after: string | null;
  /** Highest `updatedAt` delivered so far in this run, and the ids delivered at it. */
  high: string | null;
  /** The ids delivered at `high`. */
  highIds: string[];
};

/** Where to start: a saved checkpoint, an ISO date-time (or Date) to read changes from, or nothing for everything. */
export type SyncStart = SyncCheckpoint | string | Date | null | undefined;

/**
 * What `z.iso.datetime({ offset: true, message })` builds: `@cf/core/zod` does not re-export zod/mini's `iso`
 * namespace, so the schema is built from its class (`Z` or a `+hh:mm` offset, seconds required).
 */
const isoDateTime = z.lazySchema(() => new z.ZodMiniISODateTime({
  type: 'string',
  format: 'datetime',
  check: 'string_format',
  offset: true,
  local: false,
  precision: null,
  error: () => 'must be an ISO 8601 date-time such as 2025-01-15T08:00:00Z',
}));

const checkpointSchema = z.lazySchema(() => z.strictObject({
  v: z.literal(1),
  since: z.nullable(isoDateTime),
  seen: z.array(z.string()).check(z.maxLength(100_000)),
  until: z.nullable(isoDateTime),
  after: z.nullable(z.string().check(z.minLength(1))),
  high: z.nullable(isoDateTime),
  highIds: z.array(z.string()).check(z.maxLength(100_000)),
}));

const startSchema = z.lazySchema(() => z.union([checkpointSchema, isoDateTime, z.date(), z.null(), z.undefined()], {
  error: 'must be a checkpoint saved from a previous page, an ISO 8601 date-time, a Date, or null',
}));

/** Validates where to start (VALIDATION_ERROR naming the bad field) and returns a checkpoint. */
export function toCheckpoint(start: unknown): SyncCheckpoint {
  const value = validateInput(startSchema, start, 'Invalid changedSince checkpoint');
  if (value === null || value === undefined) return emptyCheckpoint(null);
  if (value instanceof Date) return emptyCheckpoint(value.toISOString());
  if (typeof value === 'string') return emptyCheckpoint(new Date(value).toISOString().replace('.000Z', 'Z'));
  return value;
}

function emptyCheckpoint(since: string | null): SyncCheckpoint {
  return { v: 1, since, seen: [], until: null, after: null, high: null, highIds: [] };
}

const time = (iso: string): number => Date.parse(iso);

/** Fixes the run's upper bound at its start (only when a lag is asked for). */
export function beginRun(checkpoint: SyncCheckpoint, now: number, lagMs: number): SyncCheckpoint {
  if (checkpoint.after !== null || lagMs <= 0) return checkpoint;
  return { ...checkpoint, until: new Date(now - lagMs).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** Shopify search syntax for the run: the user's filter AND the updated_at bounds. */
export function runSearchQuery(checkpoint: SyncCheckpoint, userQuery: string | undefined): string | null {
  const parts: string[] = [];
  if (userQuery !== undefined && userQuery.trim() !== '') parts.push(`(${userQuery})`);
  if (checkpoint.since !== null) parts.push(`updated_at:>='${checkpoint.since}'`);
  if (checkpoint.until !== null) parts.push(`updated_at:<='${checkpoint.until}'`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

export interface SyncPage<T> {
  items: T[];
  /** Where the next page of this run starts, or undefined when the run is over. */
  next: SyncCheckpoint | undefined;
  /** What to save after processing `items`. */
  checkpoint: SyncCheckpoint;
}

/** Applies one page of nodes (sorted by `updatedAt` ascending) to the checkpoint. */
export function advance<T extends { id: string; updatedAt: string }>(
  checkpoint: SyncCheckpoint,
  nodes: T[],
  page: { hasNextPage: boolean; endCursor?: string | null | undefined },
): SyncPage<T> {
  const sinceTime = checkpoint.since === null ? undefined : time(checkpoint.since);
  const seen = new Set(checkpoint.seen);
  let high = checkpoint.high;
  let highIds = [...checkpoint.highIds];
  const items: T[] = [];
  for (const node of nodes) {
    const t = time(node.updatedAt);
    if (high === null || t > time(high)) {
      high = node.updatedAt;
      highIds = [node.id];
    } else if (t === time(high) && !highIds.includes(node.id)) {
      highIds.push(node.id);
    }
    if (t === sinceTime && seen.has(node.id)) continue;
    items.push(node);
  }
  if (page.hasNextPage && page.endCursor) {
    const next: SyncCheckpoint = { ...checkpoint, after: page.endCursor, high, highIds };
    return { items, next, checkpoint: next };
  }
  // The run is over: the next one starts at the highest timestamp delivered, skipping what it already saw there.
  let done: SyncCheckpoint;
  if (high === null) done = { ...checkpoint, until: null, after: null, high: null, highIds: [] };
  else if (sinceTime !== undefined && time(high) === sinceTime) {
    done = { v: 1, since: checkpoint.since, seen: [...new Set([...checkpoint.seen, ...highIds])], until: null, after: null, high: null, highIds: [] };
  } else done = { v: 1, since: high, seen: highIds, until: null, after: null, high: null, highIds: [] };
  return { items, next: undefined, checkpoint: done };
}
