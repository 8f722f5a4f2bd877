import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { CoreOptions, JsonValue } from '@cf/core';
import { adapterFor } from '../adapters/index.js';
import type { ConnectorAdapter, ExtractResource } from '../adapters/adapter.js';
import { usageError } from '../cli-error.js';
import { connectorConfig } from '../extract/connector-config.js';
import { formatStats, plainProgress, silentProgress, terminalProgress, type ExtractStats, type ProgressReporter } from '../extract/progress.js';
import { fileSink, streamSink, type RecordSink } from '../extract/record-sink.js';
import { startSandbox, type Sandbox } from '../extract/sandbox.js';
import { readState, writeState, type ExtractState } from '../extract/state-file.js';

/**
 * Options of `extract` (`cf extract`): the connector and resource, where to resume, where to write, credentials, and
 * progress.
 */
export interface ExtractOptions {
  /** The connector's registry name (`hubspot`). */
  connector: string;
  /** The resource to stream (`contacts`; `cf list` shows each connector's). */
  resource: string;
  /** Where to start, for resources that take one (a date, a modification time). */
  since?: string | undefined;
  /** The checkpoint file: read to resume, rewritten after every page. */
  state?: string | undefined;
  /** A JSON Lines file, or `-` for stdout. @default '-' */
  out?: string | undefined;
  /** Stop after this many records (this run). */
  limit?: number | undefined;
  /** Run against the connector's own mocks on loopback, with fake credentials. */
  sandbox?: boolean | undefined;
  /** A JSON file with the connector's configuration (credentials, core options). */
  config?: string | undefined;
  /**
   * The API's base URL with its path prefix (a proxy, a regional host, a mock server). Wins over `baseUrl` in
   * `config`, which wins over the `CF_BASE_URL` environment variable. Not with `sandbox`.
   */
  baseUrl?: string | undefined;
  /** Resource parameters (`--param lat=51.5`). */
  params?: Record<string, string> | undefined;
  /** Where credentials are read from. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
  /** Aborting it stops cleanly after saving the state (Ctrl-C in the CLI). */
  signal?: AbortSignal | undefined;
  /** Where records go with `out: '-'`. @default process.stdout */
  stdout?: Writable | undefined;
  /** Where progress and warnings go. @default process.stderr */
  stderr?: (Writable & { isTTY?: boolean }) | undefined;
  /** `auto`: a live status line on a terminal, a log line per page otherwise. @default 'auto' */
  progress?: 'auto' | 'plain' | 'none' | undefined;
  /** Core options merged into the connector's configuration (a clock, retry settings...). */
  coreOptions?: CoreOptions | undefined;
}

/** What `extract` did: the counts and timings, whether it reached the end, and where the state is. */
export interface ExtractResult extends ExtractStats {
  /** The last page was reached. */
  complete: boolean;
  /** Stopped by the signal (Ctrl-C); the state holds every page written. */
  interrupted: boolean;
  /** The checkpoint a rerun resumes from. */
  checkpoint: JsonValue | null;
}

function resourceOf(adapter: ConnectorAdapter, name: string): ExtractResource<unknown> {
  const resource = adapter.resources[name] as ExtractResource<unknown> | undefined;
  if (!resource) {
    throw usageError(`${adapter.metadata.name} has no resource "${name}" to extract. Resources: ${Object.keys(adapter.resources).join(', ')}.`);
  }
  return resource;
}

function checkArguments(adapter: ConnectorAdapter, name: string, resource: ExtractResource<unknown>, options: ExtractOptions): void {
  if (options.since !== undefined && resource.since === undefined) throw usageError(`${adapter.metadata.name} ${name} takes no --since.`);
  const known = Object.keys(resource.params ?? {});
  for (const key of Object.keys(options.params ?? {})) {
    if (!known.includes(key)) {
      throw usageError(`${adapter.metadata.name} ${name} takes no --param ${key}${known.length > 0 ? ` (it takes: ${known.join(', ')})` : ''}.`);
    }
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) throw usageError('--limit must be a positive integer.');
  if (options.sandbox && options.baseUrl !== undefined) throw usageError('--base-url cannot be combined with --sandbox (the sandbox serves the mocks on its own loopback URL).');
}

function progressFor(options: ExtractOptions, stderr: Writable & { isTTY?: boolean }, label: string): ProgressReporter {
  if (options.progress === 'none') return silentProgress;
  if ((options.progress ?? 'auto') === 'auto' && stderr.isTTY === true) return terminalProgress(stderr, label);
  return plainProgress(stderr, label);
}

/**
 * Streams a resource's records as JSON Lines. With `state`, the checkpoint is saved after every page, so a rerun
 * (after Ctrl-C, a crash or an API failure) resumes where it stopped and every record is written exactly once.
 */
export async function extract(options: ExtractOptions): Promise<ExtractResult> {
  const adapter = adapterFor(options.connector);
  const resource = resourceOf(adapter, options.resource);
  checkArguments(adapter, options.resource, resource, options);
  const label = `${adapter.metadata.name} ${options.resource}`;
  const stderr = options.stderr ?? process.stderr;
  const state = options.state !== undefined ? readState(options.state, adapter.metadata.name, options.resource) : undefined;
  const stats: ExtractStats = { records: 0, pages: 0, elapsedMs: 0, rateLimitWaitMs: 0, retries: 0 };
  const result = (complete: boolean, interrupted: boolean, checkpoint: JsonValue | null): ExtractResult => ({ ...stats, complete, interrupted, checkpoint });

  if (state?.complete && state.checkpoint === null) {
    stderr.write(`${label}: already complete (${state.records} records, state ${options.state}); delete the state file to extract again.\n`);
    return result(true, false, null);
  }

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  let pipeClosed = false;

  let sandbox: Sandbox | undefined;
  let sink: RecordSink | undefined;
  const disposers: Array<() => void> = [];
  let connector: ReturnType<ConnectorAdapter['create']> | undefined;
  try {
    sandbox = options.sandbox ? await startSandbox(adapter) : undefined;
    const base = sandbox ? sandbox.config : connectorConfig(adapter, { env: options.env ?? process.env, configPath: options.config, baseUrl: options.baseUrl });
    connector = adapter.create({ ...base, ...options.coreOptions });
    disposers.push(
      // The wait each operation actually spent (`rateLimitWait` announces a wait before it starts, and may be cut short).
      connector.on('operationEnd', (e) => (stats.rateLimitWaitMs += e.rateLimitWaitMs)),
      connector.on('retry', () => (stats.retries += 1)),
    );
    const out = options.out ?? '-';
    sink =
      out === '-'
        ? streamSink(options.stdout ?? process.stdout, () => {
            pipeClosed = true;
            controller.abort();
          })
        : fileSink(out, state ? { resume: true, resumeAt: state.out === resolve(out) ? state.outBytes : undefined } : { resume: false });
    const progress = progressFor(options, stderr, label);
    return await run(connector, resource, sink, { options, label, state, stats, signal: controller.signal, progress, pipeClosed: () => pipeClosed });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    for (const dispose of disposers) dispose();
    await sink?.close();
    await connector?.disconnect();
    await sandbox?.close();
  }
}

interface RunContext {
  options: ExtractOptions;
  label: string;
  state: ExtractState | undefined;
  stats: ExtractStats;
  signal: AbortSignal;
  progress: ProgressReporter;
  pipeClosed: () => boolean;
}

/** The page loop: write a page's records, then save the checkpoint that resumes after them. */
async function run(connector: unknown, resource: ExtractResource<unknown>, sink: RecordSink, ctx: RunContext): Promise<ExtractResult> {
  const { options, stats, signal, progress, label } = ctx;
  const started = performance.now();
  let checkpoint = ctx.state?.checkpoint ?? null;
  let skip = ctx.state?.skip ?? 0;
  let complete = false;
  let total = ctx.state?.records ?? 0;
  const save = (): void => {
    if (options.state === undefined) return;
    const bytes = sink.bytes();
    writeState(options.state, {
      version: 1,
      connector: options.connector,
      resource: options.resource,
      checkpoint,
      skip,
      complete,
      records: total,
      ...(sink.file !== undefined && bytes !== undefined ? { out: sink.file, outBytes: bytes } : {}),
      updatedAt: new Date().toISOString(),
    });
  };
  const resumeHint = options.state !== undefined ? `state saved to ${options.state}: rerun the same command to resume` : 'pass --state <file> to make a rerun resume';
  try {
    const pages = resource.pages(connector, { checkpoint: checkpoint ?? undefined, since: options.since, params: options.params ?? {}, signal });
    for await (const page of pages) {
      // A previous run stopped by --limit inside this page: its first `skip` records are written already.
      const dropped = Math.min(skip, page.items.length);
      const items = page.items.slice(dropped);
      const room = options.limit === undefined ? Number.POSITIVE_INFINITY : options.limit - stats.records;
      const batch = items.length > room ? items.slice(0, room) : items;
      await sink.write(batch);
      stats.records += batch.length;
      stats.pages += 1;
      total += batch.length;
      if (batch.length < items.length) {
        skip = dropped + batch.length;
      } else {
        checkpoint = page.checkpoint;
        skip = 0;
        complete = !page.hasMore;
      }
      save();
      stats.elapsedMs = performance.now() - started;
      progress.update(stats);
      if (batch.length < items.length || (options.limit !== undefined && stats.records >= options.limit) || signal.aborted) break;
    }
  } catch (error) {
    stats.elapsedMs = performance.now() - started;
    if (!signal.aborted) {
      progress.finish(`${label}: failed after ${formatStats(stats)}; ${resumeHint}.`);
      throw error;
    }
  }
  stats.elapsedMs = performance.now() - started;
  const interrupted = signal.aborted && !ctx.pipeClosed();
  if (interrupted) progress.finish(`${label}: interrupted after ${formatStats(stats)}; ${resumeHint}.`);
  else progress.finish(`${label}: ${complete ? 'done' : 'stopped'}, ${formatStats(stats)}${options.state !== undefined ? `; state saved to ${options.state}` : ''}.`);
  return { ...stats, complete, interrupted, checkpoint };
}
