import type { WebhookClaimState, WebhookDedupeStore } from '@cf/core';
import { DEFAULT_PREFIX, keys } from './keys.js';
import { LuaScript } from './lua-script.js';
import { commander, type RedisClientLike, type SendCommand } from './redis-client.js';

/** Options of `redisWebhookDedupe`: key prefix and command timeout. */
export interface RedisWebhookDedupeOptions {
  /** @default 'cf:' */
  prefix?: string;
  /** @default 500 */
  commandTimeoutMs?: number;
}

const DONE = 'done';
const claimValue = (token: string) => `claim:${token}`;

/** Drops a claim only if this token still holds it (a lapsed claim another process took over is left alone). */
const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`);

class RedisWebhookDedupe implements WebhookDedupeStore {
  private readonly send: SendCommand;

  constructor(
    client: RedisClientLike,
    private readonly prefix: string,
    timeoutMs: number,
  ) {
    this.send = commander(client, timeoutMs, 'webhook dedupe');
  }

  /**
   * One `SET key claim:<token> NX PX leaseMs GET` per key (Redis 7): atomic, and one reply says both whether this
   * call took the claim (nil: it was absent) and, when not, who holds it (`done`, or another claim). Keys are
   * independent commands, so they may live on different Redis Cluster slots.
   */
  async claim(ids: readonly string[], token: string, leaseMs: number): Promise<WebhookClaimState[]> {
    const replies = await Promise.all(ids.map((id) => this.send(['SET', keys.webhook(this.prefix, id), claimValue(token), 'NX', 'PX', String(leaseMs), 'GET'])));
    return replies.map((previous) => (previous === null || previous === undefined ? 'claimed' : previous === DONE ? 'done' : 'in-flight'));
  }

  async complete(ids: readonly string[], _token: string, ttlMs: number): Promise<void> {
    await Promise.all(ids.map((id) => this.send(['SET', keys.webhook(this.prefix, id), DONE, 'PX', String(ttlMs)])));
  }

  async release(ids: readonly string[], token: string): Promise<void> {
    await Promise.all(ids.map((id) => RELEASE.run(this.send, [keys.webhook(this.prefix, id)], [claimValue(token)])));
  }
}

/**
 * Webhook delivery ids in Redis, so every replica of a receiver (processes, containers, serverless instances)
 * handles a delivery once: the claim is Redis `SET NX PX` (a lease, so a process that dies mid-handler blocks the
 * id only until it lapses), completion keeps the id for the receiver's `dedupeTtlMs`. Needs Redis 7 (`SET … NX GET`).
 * A Redis that does not answer rejects with `StoreUnavailableError`: the receiver answers 503 and the API retries.
 */
export function redisWebhookDedupe(client: RedisClientLike, options: RedisWebhookDedupeOptions = {}): WebhookDedupeStore {
  return new RedisWebhookDedupe(client, options.prefix ?? DEFAULT_PREFIX, options.commandTimeoutMs ?? 500);
}
