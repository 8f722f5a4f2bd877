import type { CircuitSnapshot, CircuitState } from '@cf/core';
import { DEFAULT_PREFIX, keys } from './keys.js';
import { commander, type RedisClientLike, type SendCommand } from './redis-client.js';

/** A breaker's snapshot as shared: when it was taken (the state change's time) and by which process. */
export interface SharedCircuitSnapshot extends CircuitSnapshot {
  /** Epoch ms of the state change this snapshot records: the newest one wins. */
  at: number;
  /** Who wrote it (a random id per `syncBreaker` call), so a process ignores its own writes. */
  writer: string;
}

/** Where circuit breaker state is shared. `load` resolves undefined when nothing was saved for the key. */
export interface BreakerStateStore {
  /** The state last saved under `key`, or undefined when none was. */
  load(key: string): Promise<SharedCircuitSnapshot | undefined>;
  /** Saves a breaker's state under `key` (replacing the previous one). */
  save(key: string, snapshot: SharedCircuitSnapshot): Promise<void>;
}

/** Options of `redisBreakerState`: key prefix, command timeout, expiry. */
export interface RedisBreakerStateOptions {
  /** @default 'cf:' */
  prefix?: string;
  /** @default 500 */
  commandTimeoutMs?: number;
  /** Saved state expires after this long without a change. @default 86400000 (a day) */
  ttlMs?: number;
}

const STATES: ReadonlySet<string> = new Set<CircuitState>(['closed', 'open', 'half-open']);

class RedisBreakerState implements BreakerStateStore {
  private readonly send: SendCommand;

  constructor(
    client: RedisClientLike,
    private readonly prefix: string,
    timeoutMs: number,
    private readonly ttlMs: number,
  ) {
    this.send = commander(client, timeoutMs, 'breaker state');
  }

  async load(key: string): Promise<SharedCircuitSnapshot | undefined> {
    const raw = await this.send(['GET', keys.breaker(this.prefix, key)]);
    if (typeof raw !== 'string') return undefined;
    return parseSnapshot(raw);
  }

  async save(key: string, snapshot: SharedCircuitSnapshot): Promise<void> {
    await this.send(['SET', keys.breaker(this.prefix, key), JSON.stringify(snapshot), 'PX', String(this.ttlMs)]);
  }
}

/** Circuit breaker state in Redis (one JSON value per breaker key, e.g. per API origin). */
export function redisBreakerState(client: RedisClientLike, options: RedisBreakerStateOptions = {}): BreakerStateStore {
  return new RedisBreakerState(client, options.prefix ?? DEFAULT_PREFIX, options.commandTimeoutMs ?? 500, options.ttlMs ?? 86_400_000);
}

/** Anything unreadable (another version, a hand-edited key) counts as nothing saved. */
function parseSnapshot(raw: string): SharedCircuitSnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const v = value as Partial<Record<keyof SharedCircuitSnapshot, unknown>> | null;
  if (typeof v !== 'object' || v === null) return undefined;
  if (typeof v.state !== 'string' || !STATES.has(v.state)) return undefined;
  if (typeof v.consecutiveFailures !== 'number' || typeof v.at !== 'number' || typeof v.writer !== 'string') return undefined;
  return {
    state: v.state as CircuitState,
    consecutiveFailures: v.consecutiveFailures,
    openedAt: typeof v.openedAt === 'number' ? v.openedAt : undefined,
    at: v.at,
    writer: v.writer,
  };
}
