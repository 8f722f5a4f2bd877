/**
 * Where the receiver remembers delivery ids, so a delivery the API sends again is not handled again. Memory by
 * default (`MemoryWebhookDedupeStore`: one process); `@cf/store-redis`'s `redisWebhookDedupe` shares it between
 * processes. Every method is atomic per key.
 *
 * A key is in one of three states: absent; **claimed** (a handler is working on it, until it completes, releases, or
 * the claim's lease runs out: a process that died mid-handler does not block the id forever); **done** (handled,
 * remembered for `ttlMs`).
 */
export type WebhookClaimState = 'claimed' | 'in-flight' | 'done';

/** The receiver's memory of delivery ids (see above): claim, then complete or release. */
export interface WebhookDedupeStore {
  /**
   * For each key, in order: `claimed` when it was absent and is now claimed by `token` for `leaseMs`; `in-flight`
   * when another claim holds it; `done` when it was handled already. Like Redis `SET key token NX PX leaseMs`.
   */
  claim(keys: readonly string[], token: string, leaseMs: number): Promise<WebhookClaimState[]>;
  /** Marks keys done for `ttlMs` (whoever holds them: the work was done). */
  complete(keys: readonly string[], token: string, ttlMs: number): Promise<void>;
  /** Drops the claims `token` still holds on `keys` (the handler failed): the API's next retry handles them. */
  release(keys: readonly string[], token: string): Promise<void>;
}
