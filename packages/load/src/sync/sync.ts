import type { Stream } from '@cf/core';
import type { Destination } from '../destination.js';
import { InvalidArgumentError, UnknownStreamError } from '../errors.js';
import type { StreamSummary, SyncSummary } from './events.js';
import { SyncFailedError } from './sync-error.js';
import { resolveSyncOptions, type SyncOptions } from './sync-options.js';
import { errorInfo, syncStream } from './sync-stream.js';

/** What `sync()` needs of a connector: its registry name and its streams (every `BaseConnector` has both). */
export interface SyncableConnector {
  /** The connector's registry name (the tables' prefix). */
  readonly name: string;
  /** The connector's streams, bound to it. */
  streams(): Stream[];
}

/**
 * Lands a connector's streams in a destination: `await sync(hubspot, ['contacts', 'deals'], duckdb('./cf.duckdb'))`.
 * Each stream resumes from the state saved in the destination (incremental by default), and each batch of pages is
 * committed with the checkpoint after it, so a crash at any point and a rerun give every record exactly once.
 * Records failing the stream's schema go to `_cf_rejects` (or stop the sync with `failFast`). The destination is
 * opened here and closed at the end. Streams run one after another; one that fails does not stop the others, and
 * the sync then throws `SyncFailedError` with the summary. `streams` undefined or empty: all of them.
 */
export async function sync(connector: SyncableConnector, streams: readonly string[] | undefined, destination: Destination, options?: SyncOptions): Promise<SyncSummary> {
  if (connector === null || typeof connector !== 'object' || typeof connector.streams !== 'function' || typeof connector.name !== 'string') {
    throw new InvalidArgumentError('sync() needs a connector with a name and a streams() method (every Connector Factory connector has both)');
  }
  if (destination === null || typeof destination !== 'object' || typeof destination.commit !== 'function') {
    throw new InvalidArgumentError('sync() needs a destination: duckdb(), postgres() or clickhouse()');
  }
  if (streams !== undefined && (!Array.isArray(streams) || streams.some((s) => typeof s !== 'string'))) {
    throw new InvalidArgumentError('sync() streams must be an array of stream names');
  }
  const resolved = resolveSyncOptions(options);
  const available = connector.streams();
  const names: string[] = streams === undefined || streams.length === 0 ? available.map((s) => s.name) : [...new Set<string>(streams)];
  const selected = names.map((name) => {
    const stream = available.find((s) => s.name === name);
    if (!stream) throw new UnknownStreamError(connector.name, name, available.map((s) => s.name));
    return stream;
  });
  if (selected.length === 0) throw new InvalidArgumentError(`${connector.name} declares no streams to sync`);
  for (const name of Object.keys(resolved.streamParams)) {
    if (!available.some((s) => s.name === name)) throw new UnknownStreamError(connector.name, name, available.map((s) => s.name));
  }

  const summary: SyncSummary = { connector: connector.name, destination: destination.label, streams: [], records: 0, rejects: 0, interrupted: false };
  let firstError: unknown;
  await destination.open();
  try {
    for (const stream of selected) {
      if (resolved.signal?.aborted) break;
      let result: StreamSummary;
      let failure: unknown;
      try {
        ({ summary: result, error: failure } = await syncStream(connector.name, stream, destination, resolved));
      } catch (error) {
        // Before the first page: the table or the state could not be prepared.
        failure = error;
        result = { stream: stream.name, table: '', records: 0, rejects: 0, pages: 0, batches: 0, resumedFrom: null, complete: false, elapsedMs: 0, warnings: [], error: errorInfo(error) };
      }
      summary.streams.push(result);
      summary.records += result.records;
      summary.rejects += result.rejects;
      resolved.onEvent({ type: 'streamEnd', stream: stream.name, summary: result });
      if (failure !== undefined) {
        firstError ??= failure;
        if (resolved.failFast) break;
      }
    }
  } finally {
    await destination.close();
  }
  summary.interrupted = resolved.signal?.aborted === true;
  if (firstError !== undefined) throw new SyncFailedError(summary, firstError);
  return summary;
}
