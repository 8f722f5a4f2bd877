import { RateLimitError, type Hooks, type RateLimitStore } from '@cf/core';

/**
 * How long calls are held back after OpenWeather's "Your account is temporary blocked" 429: the shortest block it
 * documents. A key over its limit is blocked for an hour, then two, three, four, then 24 h as it repeats
 * (https://openweathermap.org/appid, "Access limitation"). The 429 carries no Retry-After, so the connector cannot
 * know which; after the hour one call goes out, and another 429 holds calls back for another hour.
 */
export const ACCOUNT_BLOCK_HOLD_MS = 3_600_000;

/**
 * What a block covers: the whole key, or One Call 3.0 alone (its 429 is also the answer to the daily cap set in the
 * account, which leaves the other endpoints working; were it the whole key, their next call arms `all`).
 */
export type BlockScope = 'all' | 'oneCall';

const PRICE_PAGE = 'https://openweathermap.org/price';
const isOneCallPath = (path: string): boolean => /\/data\/3\.0\/onecall(\/|\?|$)/.test(path);

/** The scope a blocked answer to `path` puts on hold. */
export const blockScopeOf = (path: string): BlockScope => (isOneCallPath(path) ? 'oneCall' : 'all');

/**
 * Holds calls back while OpenWeather blocks the key, so none is sent into the block: the client arms it on the
 * block's 429 and asks it before each call and again right before each send (a call already queued for quota or a
 * connection slot when the 429 arrived is refused there). With a `store`, the hold is also kept there under its own
 * keys (`<limits.key>:blocked:<scope>`, through `pauseUntil`), so processes sharing the store share it.
 */
export class AccountBlock {
  /** Holds this process armed, read without waiting for the store. */
  private readonly local = new Map<BlockScope, number>();

  /** `store`: the user's store, shared with other processes; without one the hold is this process's alone. */
  constructor(
    private readonly store: RateLimitStore | undefined,
    private readonly key: string,
  ) {}

  /** Starts (or extends) a hold of `ACCOUNT_BLOCK_HOLD_MS` for the scope the blocked answer to `path` covers. */
  hold(path: string, now: number): void {
    const scope = blockScopeOf(path);
    const until = now + ACCOUNT_BLOCK_HOLD_MS;
    this.local.set(scope, Math.max(this.local.get(scope) ?? 0, until));
    // Best effort: a store that fails leaves this process's hold in place.
    this.store?.pauseUntil(this.storeKey(scope), until).catch(() => undefined);
  }

  /** The error a call to `path` fails with while a hold covers it, or undefined when it may be sent. */
  async refusal(path: string, now: number): Promise<RateLimitError | undefined> {
    const scopes: BlockScope[] = isOneCallPath(path) ? ['all', 'oneCall'] : ['all'];
    for (const scope of scopes) {
      const shared = this.store ? await this.store.pausedUntil(this.storeKey(scope)).catch(() => 0) : 0;
      const until = Math.max(this.local.get(scope) ?? 0, shared);
      if (until > now) return heldBack(scope, until, now);
    }
    return undefined;
  }

  /** A `beforeRequest` hook refusing a call right before it is sent, put in front of the user's own. */
  hooks(user: Hooks | undefined): Hooks {
    const check = async (state: { url: string; clock: { now(): number } }): Promise<void> => {
      const refusal = await this.refusal(state.url, state.clock.now());
      if (refusal) throw refusal;
    };
    return { ...user, beforeRequest: [check, ...(user?.beforeRequest ?? [])] };
  }

  private storeKey(scope: BlockScope): string {
    return `${this.key}:blocked:${scope}`;
  }
}

function heldBack(scope: BlockScope, until: number, now: number): RateLimitError {
  const blockedUntil = new Date(until).toISOString();
  const minutes = Math.ceil((until - now) / 60_000);
  const what =
    scope === 'all'
      ? 'OpenWeather blocked this key (429 "Your account is temporary blocked"): calls are held back'
      : 'One Call 3.0 answered this key with 429 (the daily cap set in your account, or a block): One Call calls are held back; other endpoints still work';
  return new RateLimitError({
    message:
      `${what} until ${blockedUntil} (${minutes} min), the shortest block OpenWeather documents, so none is sent into ` +
      `the block. The call was not sent. Retry after \`retryAfterMs\`; lower \`limits\` to match your plan (${PRICE_PAGE}).`,
    retryable: false,
    retryAfterMs: until - now,
    source: 'openweather',
    details: { reason: 'account_blocked', scope, blockedUntil },
  });
}
