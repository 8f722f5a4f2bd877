import type { SyncEvent } from './events.js';
import { InvalidArgumentError } from '../errors.js';

/**
 * Options of `sync()`: start over or resume, how failures are handled, stream parameters, batch sizes, the table
 * prefix and progress events.
 */
export interface SyncOptions {
  /** Start every stream from the beginning (its saved state is forgotten first). Rows are upserted over. */
  fullRefresh?: boolean | undefined;
  /** Stop at the first record that fails validation instead of sending it to the rejects table. */
  failFast?: boolean | undefined;
  /** Aborting stops after committing the pages already read; a rerun resumes after them. */
  signal?: AbortSignal | undefined;
  /** Stream parameters (`lat`, `base`…), given to every stream that declares the name (others do not see it). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Parameters for one stream (`{ contacts: { properties: 'email' } }`), over `params`. */
  streamParams?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** Commit once this many records are pending (or `commitIntervalMs` passed, or the stream ended). @default 5000 */
  batchRows?: number | undefined;
  /** Commit at least this often while pages arrive, so a slow API still makes progress durable. @default 2000 */
  commitIntervalMs?: number | undefined;
  /** Levels of nested objects flattened into `parent__child` columns; deeper objects are JSON columns. @default 2 */
  maxDepth?: number | undefined;
  /** Prepended to every table name (`raw_` → `raw_hubspot_contacts`). @default '' */
  tablePrefix?: string | undefined;
  /** Progress: a stream starts, columns are added, a batch commits, a warning, a stream ends. */
  onEvent?: ((event: SyncEvent) => void) | undefined;
}

export interface ResolvedSyncOptions {
  fullRefresh: boolean;
  failFast: boolean;
  signal: AbortSignal | undefined;
  params: Readonly<Record<string, string>>;
  streamParams: Readonly<Record<string, Readonly<Record<string, string>>>>;
  batchRows: number;
  commitIntervalMs: number;
  maxDepth: number;
  tablePrefix: string;
  onEvent: (event: SyncEvent) => void;
}

const KNOWN = new Set(['fullRefresh', 'failFast', 'signal', 'params', 'streamParams', 'batchRows', 'commitIntervalMs', 'maxDepth', 'tablePrefix', 'onEvent']);

function positiveInt(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(`sync option ${name} must be an integer from 1 to ${max} (got ${JSON.stringify(value) ?? typeof value})`);
  }
  return value;
}

/** Validates `sync()`'s options once, at the edge. */
export function resolveSyncOptions(options: SyncOptions | undefined): ResolvedSyncOptions {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('sync options must be an object');
  const unknown = Object.keys(options).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown sync option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  for (const flag of ['fullRefresh', 'failFast'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') throw new InvalidArgumentError(`sync option ${flag} must be a boolean`);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) throw new InvalidArgumentError('sync option signal must be an AbortSignal');
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw new InvalidArgumentError('sync option onEvent must be a function');
  const params = options.params ?? {};
  if (typeof params !== 'object' || params === null || Object.values(params).some((v) => typeof v !== 'string')) {
    throw new InvalidArgumentError('sync option params must be an object of strings');
  }
  const streamParams = options.streamParams ?? {};
  const stringRecord = (v: unknown) => typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  if (typeof streamParams !== 'object' || streamParams === null || !Object.values(streamParams).every(stringRecord)) {
    throw new InvalidArgumentError('sync option streamParams must map stream names to objects of strings');
  }
  const prefix = options.tablePrefix ?? '';
  if (typeof prefix !== 'string' || !/^([a-z_][a-z0-9_]*)?$/.test(prefix)) throw new InvalidArgumentError('sync option tablePrefix must match [a-z_][a-z0-9_]*');
  return {
    fullRefresh: options.fullRefresh ?? false,
    failFast: options.failFast ?? false,
    signal: options.signal,
    params,
    streamParams,
    batchRows: positiveInt('batchRows', options.batchRows, 5000, 1_000_000),
    commitIntervalMs: positiveInt('commitIntervalMs', options.commitIntervalMs, 2000, 3_600_000),
    maxDepth: positiveInt('maxDepth', options.maxDepth, 2, 8),
    tablePrefix: prefix,
    onEvent: options.onEvent ?? (() => undefined),
  };
}
