import type { Writable } from 'node:stream';
import type { CoreOptions } from '@cf/core';
import { DEFAULT_DESTINATION, destinationFromUrl, LoadError, sync, SyncFailedError, type SyncEvent, type SyncSummary } from '@cf/load';
import { adapterFor } from '../adapters/index.js';
import { CliError, exitCodeOf, usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { connectorConfig } from '../extract/connector-config.js';
import { startSandbox, type Sandbox } from '../extract/sandbox.js';

/** Options of `syncCommand` (`cf sync`): the connector and streams, the destination, credentials, and progress. */
export interface SyncCommandOptions {
  /** The connector's registry name (`hubspot`). */
  connector: string;
  /** Stream names; none: every stream the connector declares. */
  streams?: string[] | undefined;
  /** `duckdb:./cf.duckdb` (default), `postgres://…`, `clickhouse://…`. */
  to?: string | undefined;
  /** Start every stream from the beginning (its saved state forgotten first). */
  fullRefresh?: boolean | undefined;
  /** Stop at the first record that fails validation instead of sending it to the rejects table. */
  failFast?: boolean | undefined;
  /**
   * Run against the connector's own mocks on loopback, with fake credentials (stream params default to their
   * examples).
   */
  sandbox?: boolean | undefined;
  /** A JSON file with the connector's configuration (credentials, core options). */
  config?: string | undefined;
  /** The API's base URL with its path prefix; not with `sandbox`. */
  baseUrl?: string | undefined;
  /** Stream parameters (`--param key=value`); each must be one a stream declares. */
  params?: Record<string, string> | undefined;
  /** Commit once this many records are pending (`@cf/load`'s `SyncOptions.batchRows`). @default 5000 */
  batchRows?: number | undefined;
  /** Print this many rows of each synced table afterwards (what landed). */
  sample?: number | undefined;
  /** Where credentials are read from. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
  /** Aborting it stops the sync (Ctrl-C in the CLI): committed batches stay and a rerun resumes after them. */
  signal?: AbortSignal | undefined;
  /** Where the summary and samples go. @default process.stdout */
  stdout?: Writable | undefined;
  /** Where progress and warnings go. @default process.stderr */
  stderr?: Writable | undefined;
  /** `plain`: a line per committed batch and per stream; `none`: the summary only. @default 'plain' */
  progress?: 'plain' | 'none' | undefined;
  /** Core options merged into the connector's configuration (a clock, retry settings…). */
  coreOptions?: CoreOptions | undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function progressLine(connector: string, event: SyncEvent): string | undefined {
  switch (event.type) {
    case 'streamStart':
      return `${connector} ${event.stream} → ${event.table}: ${event.fullRefresh ? 'full refresh' : event.resumeFrom === null ? 'from the beginning' : `resuming from ${JSON.stringify(event.resumeFrom)}`}`;
    case 'batch':
      return `${connector} ${event.stream}: ${event.totalRecords} records, ${event.totalRejects} rejected, ${event.pages} pages`;
    case 'columnsAdded':
      return `${connector} ${event.stream}: new columns ${event.columns.join(', ')}`;
    case 'warning':
      return `${connector} ${event.stream}: warning: ${event.message}`;
    case 'streamEnd': {
      const s = event.summary;
      if (s.error) return `${connector} ${s.stream}: failed after ${s.records} records (${s.error.code}: ${s.error.message}); rerun to resume`;
      return `${connector} ${s.stream}: ${s.complete ? 'done' : 'stopped'}, ${s.records} records, ${s.rejects} rejected, ${s.pages} pages, ${seconds(s.elapsedMs)}`;
    }
  }
}

/** The summary table printed at the end. */
export function formatSyncSummary(summary: SyncSummary): string {
  const lines = [`synced ${summary.connector} into ${summary.destination}${summary.interrupted ? ' (interrupted: rerun to resume)' : ''}:`];
  for (const s of summary.streams) {
    lines.push(`  ${s.stream.padEnd(16)} ${String(s.records).padStart(9)} records ${String(s.rejects).padStart(6)} rejected  → ${s.table || '(no table)'}${s.error ? `  FAILED ${s.error.code}` : ''}`);
  }
  lines.push(`  ${'total'.padEnd(16)} ${String(summary.records).padStart(9)} records ${String(summary.rejects).padStart(6)} rejected${summary.rejects > 0 ? ' (see table _cf_rejects)' : ''}`);
  return lines.join('\n');
}

/**
 * `cf sync`: lands a connector's streams in a database (DuckDB by default), incrementally, exactly once: each batch
 * of pages is committed with its checkpoint in the destination's `_cf_state` table; a rerun resumes there.
 */
export async function syncCommand(options: SyncCommandOptions): Promise<SyncSummary> {
  const adapter = adapterFor(options.connector);
  if (options.sandbox && options.baseUrl !== undefined) throw usageError('--base-url cannot be combined with --sandbox (the sandbox serves the mocks on its own loopback URL).');
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const to = options.to ?? DEFAULT_DESTINATION;
  let sandbox: Sandbox | undefined;
  let connector: ReturnType<typeof adapter.create> | undefined;
  try {
    const destination = await destinationFromUrl(to).catch((error: unknown) => {
      throw error instanceof LoadError ? usageError(`--to: ${error.message}`) : error;
    });
    const known = (adapter.metadata.streams ?? []).map((s) => s.name);
    const unknown = (options.streams ?? []).filter((s) => !known.includes(s));
    if (unknown.length > 0) throw usageError(`${adapter.metadata.name} has no stream ${unknown.map((s) => `"${s}"`).join(', ')}. Streams: ${known.join(', ') || '(none)'} (cf discover ${adapter.metadata.name}).`);
    const declaredParams = new Set((adapter.metadata.streams ?? []).flatMap((s) => Object.keys(s.params ?? {})));
    for (const key of Object.keys(options.params ?? {})) {
      if (!declaredParams.has(key)) throw usageError(`${adapter.metadata.name} streams take no --param ${key}${declaredParams.size > 0 ? ` (they take: ${[...declaredParams].join(', ')})` : ''}.`);
    }
    sandbox = options.sandbox ? await startSandbox(adapter) : undefined;
    const base = sandbox ? sandbox.config : connectorConfig(adapter, { env: options.env ?? process.env, configPath: options.config, baseUrl: options.baseUrl });
    connector = adapter.create({ ...base, ...options.coreOptions });
    // In the sandbox, each stream's params default to the examples its declaration gives (--param wins).
    const streamParams = sandbox ? sandboxParams(adapter.metadata.streams ?? [], options.streams, options.params ?? {}) : {};
    const params = options.params ?? {};
    const onEvent = options.progress === 'none' ? undefined : (event: SyncEvent) => {
      const line = progressLine(adapter.metadata.name, event);
      if (line !== undefined) stderr.write(`${line}\n`);
    };
    let summary: SyncSummary;
    try {
      summary = await sync(connector as never, options.streams, destination, {
        fullRefresh: options.fullRefresh,
        failFast: options.failFast,
        signal: options.signal,
        params,
        streamParams,
        batchRows: options.batchRows,
        onEvent,
      });
    } catch (error) {
      if (error instanceof SyncFailedError) {
        stdout.write(`${formatSyncSummary(error.summary)}\n`);
        // Credentials refused (AUTH_FAILED) exit 3 as for cf extract; any other stream failure 4.
        throw new CliError(error.message, exitCodeOf(error.cause) === EXIT.auth ? EXIT.auth : EXIT.api);
      }
      if (error instanceof LoadError) throw new CliError(`${error.code}: ${error.message}`, error.code === 'INVALID_ARGUMENT' || error.code === 'UNKNOWN_STREAM' ? EXIT.usage : EXIT.failure);
      throw error;
    }
    stdout.write(`${formatSyncSummary(summary)}\n`);
    if (options.sample !== undefined && options.sample > 0) await printSample(to, summary, options.sample, stdout);
    return summary;
  } finally {
    await connector?.disconnect();
    await sandbox?.close();
  }
}

function sandboxParams(
  streams: NonNullable<ReturnType<typeof adapterFor>['metadata']['streams']>,
  selected: string[] | undefined,
  given: Record<string, string>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const s of streams) {
    if (selected !== undefined && selected.length > 0 && !selected.includes(s.name)) continue;
    const examples: Record<string, string> = {};
    for (const [name, p] of Object.entries(s.params ?? {})) examples[name] = given[name] ?? p.example;
    out[s.name] = examples;
  }
  return out;
}

/** A row as one readable line: up to 8 non-null columns (not `_raw`), long values cut to 60 characters. */
function sampleLine(row: Record<string, unknown>): string {
  const cells = Object.entries(row)
    .filter(([k, v]) => k !== '_raw' && v !== null)
    .slice(0, 8)
    .map(([k, v]) => {
      const text = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
      return `${k}=${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
    });
  return cells.join('  ');
}

async function printSample(to: string, summary: SyncSummary, n: number, stdout: Writable): Promise<void> {
  const destination = await destinationFromUrl(to);
  await destination.open();
  try {
    for (const s of summary.streams) {
      if (!s.table) continue;
      const rows = await destination.readRows(s.table, { limit: n });
      stdout.write(`\n${s.table} (first ${rows.length} by primary key):\n`);
      for (const row of rows) {
        stdout.write(`  ${sampleLine(row)}\n`);
      }
    }
  } finally {
    await destination.close();
  }
}
