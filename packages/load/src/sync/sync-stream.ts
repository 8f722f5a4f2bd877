import { zodToValidationError, type JsonValue, type Stream } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { streamJsonSchema } from '../catalog.js';
import type { Destination, RejectedRecord, StreamKey } from '../destination.js';
import { tableName } from '../plan/column-name.js';
import { SchemaHints } from '../plan/schema-hints.js';
import { TablePlan, type FlatRecord } from '../plan/table-plan.js';
import type { StreamSummary } from './events.js';
import { RecordRejectedError } from './sync-error.js';
import type { ResolvedSyncOptions } from './sync-options.js';

interface PendingRow {
  flat: FlatRecord;
  raw: string;
  extractedAt: Date;
  deleted: boolean;
}

/** Pages read but not committed yet: rows by primary key (a later page's version of a record wins), rejects. */
class PendingBatch {
  rows = new Map<string, PendingRow>();
  rejects: RejectedRecord[] = [];
  pages = 0;
  checkpoint: JsonValue | null;
  hasMore = true;
  startedAt = performance.now();
  constructor(checkpoint: JsonValue | null) {
    this.checkpoint = checkpoint;
  }
}

/** Reads one stream from its saved state and commits its pages in batches, each with the checkpoint after it. */
export async function syncStream(
  connectorName: string,
  stream: Stream,
  destination: Destination,
  options: ResolvedSyncOptions,
): Promise<{ summary: StreamSummary; error?: unknown }> {
  const started = performance.now();
  const key: StreamKey = { connector: connectorName, stream: stream.name };
  const table = tableName(connectorName, stream.name, options.tablePrefix);
  const plan = new TablePlan({ table, primaryKey: stream.primaryKey, hints: new SchemaHints(streamJsonSchema(stream), options.maxDepth), maxDepth: options.maxDepth });
  plan.useColumns(await destination.ensureTable(plan.initialSpec()));

  if (options.fullRefresh) await destination.resetState(key);
  const state = options.fullRefresh ? undefined : await destination.readState(key);
  // A finished full-refresh stream reads everything again; an incremental one reads changes after its checkpoint.
  const restart = state === undefined || (state.complete && stream.syncMode === 'full-refresh');
  const resumeFrom = restart ? null : state.checkpoint;
  // Records committed since the stream last started from the beginning (an incremental rerun adds to it).
  const carried = restart ? 0 : state.records;

  const summary: StreamSummary = { stream: stream.name, table, records: 0, rejects: 0, pages: 0, batches: 0, resumedFrom: resumeFrom, complete: false, elapsedMs: 0, warnings: [] };
  options.onEvent({ type: 'streamStart', stream: stream.name, table, resumeFrom, fullRefresh: options.fullRefresh });
  const schema = stream.schema();
  let warningsSeen = 0;

  let pending = new PendingBatch(resumeFrom);
  /** Takes the pages read so far as a batch, and starts reading into a new one. */
  const take = (): PendingBatch => {
    const batch = pending;
    pending = new PendingBatch(batch.checkpoint);
    return batch;
  };
  const commit = async (batch: PendingBatch): Promise<void> => {
    const entries = [...batch.rows.values()];
    const missing = plan.missingColumns(entries.map((e) => e.flat));
    if (missing.length > 0) {
      plan.useColumns(await destination.ensureTable(plan.spec(missing)));
      options.onEvent({ type: 'columnsAdded', stream: stream.name, table, columns: missing.map((c) => c.name) });
    }
    const rows = entries.map((e) => plan.row(e.flat, e.raw, e.extractedAt, e.deleted));
    const records = carried + summary.records + rows.length;
    await destination.commit({
      key,
      table: plan.spec(),
      rows,
      rejects: batch.rejects,
      state: { checkpoint: batch.checkpoint, complete: !batch.hasMore, records, updatedAt: new Date() },
    });
    summary.records += rows.length;
    summary.rejects += batch.rejects.length;
    summary.batches += 1;
    summary.complete = !batch.hasMore;
    for (const message of plan.warnings.slice(warningsSeen)) {
      summary.warnings.push(message);
      options.onEvent({ type: 'warning', stream: stream.name, message });
    }
    warningsSeen = plan.warnings.length;
    options.onEvent({ type: 'batch', stream: stream.name, records: rows.length, rejects: batch.rejects.length, totalRecords: summary.records, totalRejects: summary.rejects, pages: summary.pages });
  };

  // One commit in flight while the next pages are read: the database works (in its own threads or process) while
  // the API answers. Commits stay in order, each with the checkpoint after its last page; after a failed commit no
  // later batch is ever committed (its checkpoint would skip the failed one's records).
  let inflight: Promise<void> | undefined;
  let commitFailure: { error: unknown } | undefined;
  const settle = async (): Promise<void> => {
    const running = inflight;
    inflight = undefined;
    if (running) await running;
  };
  const startCommit = (batch: PendingBatch): void => {
    inflight = commit(batch).catch((error: unknown) => {
      commitFailure = { error };
      throw error;
    });
    // Observed by settle(); until then a rejection must not count as unhandled.
    inflight.catch(() => undefined);
  };

  const reject = (raw: string, error: string, extractedAt: Date): void => {
    if (options.failFast) throw new RecordRejectedError(stream.name, error);
    pending.rejects.push({ record: raw, error, extractedAt });
  };

  let read = 0;
  try {
    for await (const page of stream.read({ checkpoint: resumeFrom, params: paramsFor(stream, options), signal: options.signal })) {
      read += 1;
      const extractedAt = new Date();
      for (const item of page.items) {
        let raw: string;
        try {
          raw = JSON.stringify(item) ?? 'null';
        } catch (error) {
          reject(JSON.stringify(String(item)), `not serializable as JSON: ${(error as Error).message}`, extractedAt);
          continue;
        }
        const parsed = safeParse(schema, item);
        if (!parsed.success) {
          reject(raw, zodToValidationError(parsed.error, 'does not match the stream schema').message, extractedAt);
          continue;
        }
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          reject(raw, 'a record must be a JSON object', extractedAt);
          continue;
        }
        const record = item as Record<string, unknown>;
        const id = plan.keyOf(record);
        if (typeof id !== 'string') {
          reject(raw, id.error, extractedAt);
          continue;
        }
        // Map.set keeps the first position but the latest value: one row per key per batch, the newest version.
        pending.rows.delete(id);
        pending.rows.set(id, { flat: plan.flatten(record), raw, extractedAt, deleted: stream.deletedField !== undefined && record[stream.deletedField] === true });
      }
      pending.pages += 1;
      summary.pages += 1;
      pending.checkpoint = page.checkpoint;
      pending.hasMore = page.hasMore;
      const due = pending.rows.size + pending.rejects.length >= options.batchRows || performance.now() - pending.startedAt >= options.commitIntervalMs || !page.hasMore;
      if (due) {
        await settle();
        startCommit(take());
      }
      if (options.signal?.aborted) break;
    }
    // A stream that yielded no page at all (nothing new): its state still says it is complete.
    if (read === 0) {
      pending.hasMore = false;
      startCommit(take());
    }
    await settle();
  } catch (error) {
    // Pages read completely before a read failure are committed with their checkpoint; the failed one is re-read.
    // Never after a failed commit, and never a batch that failFast refused.
    // A commit still running finishes first (the destination closes after this returns).
    await settle().catch(() => undefined);
    if (commitFailure === undefined && !(error instanceof RecordRejectedError) && pending.pages > 0) {
      // The destination failing too: the original error is the one to report.
      await commit(take()).catch(() => undefined);
    }
    summary.elapsedMs = performance.now() - started;
    const reported = commitFailure?.error ?? error;
    if (options.signal?.aborted && !(reported instanceof RecordRejectedError) && commitFailure === undefined) return { summary };
    summary.error = errorInfo(reported);
    return { summary, error: reported };
  }
  // Stopped by the signal between pages: commit what was read.
  if (pending.pages > 0) await commit(take());
  summary.elapsedMs = performance.now() - started;
  return { summary };
}

/** The stream's own parameters: the shared ones it declares, then its own (`streamParams`). */
function paramsFor(stream: Stream, options: ResolvedSyncOptions): Record<string, string> {
  const declared = Object.keys(stream.params ?? {});
  const out: Record<string, string> = {};
  for (const name of declared) if (Object.hasOwn(options.params, name)) out[name] = options.params[name]!;
  return { ...out, ...options.streamParams[stream.name] };
}

export function errorInfo(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return { code: typeof e?.code === 'string' ? e.code : 'UNKNOWN', message: typeof e?.message === 'string' ? e.message : String(error) };
}
