import type { JsonValue } from '@cf/core';
import { serializeCheckpoint, type CheckpointStore } from './checkpoint-store.js';
import { DEFAULT_PREFIX, keys } from './keys.js';
import { commander, type RedisClientLike, type SendCommand } from './redis-client.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

/** Options of `redisCheckpoints`: key prefix, command timeout, expiry. */
export interface RedisCheckpointOptions {
  /** @default 'cf:' */
  prefix?: string;
  /** @default 500 */
  commandTimeoutMs?: number;
  /** Expire a checkpoint after this long without a write; unset keeps it until deleted. */
  ttlMs?: number;
}

class RedisCheckpointStore implements CheckpointStore {
  private readonly send: SendCommand;

  constructor(
    client: RedisClientLike,
    private readonly prefix: string,
    timeoutMs: number,
    private readonly ttlMs: number | undefined,
  ) {
    this.send = commander(client, timeoutMs, 'checkpoints');
  }

  async get(key: string): Promise<JsonValue | undefined> {
    const raw = await this.send(['GET', keys.checkpoint(this.prefix, key)]);
    if (raw === null || raw === undefined) return undefined;
    try {
      if (typeof raw !== 'string') throw new TypeError(`a ${typeof raw} reply`);
      return JSON.parse(raw) as JsonValue;
    } catch (cause) {
      // Resuming from a guess could skip records: a checkpoint that cannot be read is an error, never "none".
      throw new StoreUnavailableError({ message: `The checkpoint "${key}" in Redis is not JSON; delete it to start over.`, cause, details: { store: 'redis', key } });
    }
  }

  async set(key: string, value: JsonValue): Promise<void> {
    const args = ['SET', keys.checkpoint(this.prefix, key), serializeCheckpoint(value)];
    if (this.ttlMs !== undefined) args.push('PX', String(this.ttlMs));
    await this.send(args);
  }

  async delete(key: string): Promise<void> {
    await this.send(['DEL', keys.checkpoint(this.prefix, key)]);
  }
}

/** Checkpoints in Redis: an extract resumes where the last run (in any process or container) left off. */
export function redisCheckpoints(client: RedisClientLike, options: RedisCheckpointOptions = {}): CheckpointStore {
  if (options.ttlMs !== undefined && !(options.ttlMs > 0)) throw new RangeError('ttlMs must be positive.');
  return new RedisCheckpointStore(client, options.prefix ?? DEFAULT_PREFIX, options.commandTimeoutMs ?? 500, options.ttlMs);
}
