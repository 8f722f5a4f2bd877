import {
  MemoryRateLimitStore,
  systemClock,
  type Clock,
  type ConsumeResult,
  type Logger,
  type QuotaObservation,
  type RateLimitStore,
  type RateWindow,
} from '@cf/core';
import { consoleWarnings } from './console-warnings.js';
import { DEFAULT_PREFIX, keys } from './keys.js';
import { LuaScript } from './lua-script.js';
import { COMPLETE_LUA, CONSUME_LUA, OBSERVE_LUA, PAUSE_LUA } from './rate-limit-lua.js';
import { commander, type RedisClientLike, type SendCommand } from './redis-client.js';
import { isStoreUnavailableError, StoreUnavailableError } from './store-unavailable-error.js';

/** Options of `redisStore`: the key prefix, what to do when Redis cannot serve, timeouts, and where to log. */
export interface RedisStoreOptions {
  /** Namespace of every key this store writes. Give each environment its own. @default 'cf:' */
  prefix?: string;
  /**
   * When Redis cannot serve (unreachable, too slow, an error reply):
   * - `fail`: the call fails with NETWORK_ERROR (`StoreUnavailableError`, not sent, not retried); the quota is never
   *   over-spent.
   * - `fallback`: the call goes on with an in-process limiter (this process's own count of the same windows) and a
   *   warning is logged; Redis is tried again after `retryUnavailableMs`. With W workers the API may see up to W
   *   times the quota meanwhile, and answer with 429s, which core then honours.
   * @default 'fail'
   */
  onUnavailable?: 'fail' | 'fallback';
  /** Deadline for each Redis command; past it the command counts as failed. Loopback Redis answers in < 1 ms. @default 500 */
  commandTimeoutMs?: number;
  /** In `fallback` mode: how long to stay on the in-process limiter before trying Redis again. @default 5000 */
  retryUnavailableMs?: number;
  /** Receives the fallback warning and the recovery notice. @default warnings to the console */
  logger?: Logger;
  /**
   * Take "now" from this clock instead of Redis's `TIME`. For tests on a FakeClock; in production leave it unset,
   * so that every worker measures the windows against the one clock of the Redis server.
   */
  clock?: Clock;
}

const CONSUME = new LuaScript(CONSUME_LUA);
const OBSERVE = new LuaScript(OBSERVE_LUA);
const PAUSE = new LuaScript(PAUSE_LUA);
const COMPLETE = new LuaScript(COMPLETE_LUA);

/** A grant this process got and whose response has not arrived yet (see `complete`). */
interface PendingGrant {
  at: number;
  cost: number;
}

/** When a unit this process was granted was answered (Redis's clock, both). */
interface Answer {
  grantedAt: number;
  at: number;
}

/** Per limiter key and sliding window: this process's answers since the window's last observation, and that one's. */
interface AnswerLog {
  since: Answer[];
  ascribed: Answer | undefined;
}

/**
 * A RateLimitStore in Redis, so every process spending one API quota shares one count. Each operation is one
 * atomic Lua script; the semantics are those of core's MemoryRateLimitStore.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly send: SendCommand;
  private readonly prefix: string;
  private readonly mode: 'fail' | 'fallback';
  private readonly retryUnavailableMs: number;
  private readonly logger: Logger;
  private readonly localClock: Clock;
  private readonly fixedClock: Clock | undefined;
  private readonly fallback: MemoryRateLimitStore;
  /** Redis's clock minus ours, from the last reply: to evaluate a window's `resetAt` near Redis's "now". */
  private offsetMs = 0;
  private unavailableSince: number | undefined;
  private retryRedisAt = 0;
  /** Per limiter key, oldest first: grants that spent from a sliding window, awaiting `complete`. */
  private readonly pending = new Map<string, PendingGrant[]>();
  /** Per limiter key and sliding window (see `observe`). */
  private readonly answers = new Map<string, AnswerLog>();

  constructor(client: RedisClientLike, options: RedisStoreOptions = {}) {
    const timeout = options.commandTimeoutMs ?? 500;
    if (!(timeout > 0)) throw new RangeError('commandTimeoutMs must be positive.');
    this.send = commander(client, timeout, 'rate-limit store');
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    this.mode = options.onUnavailable ?? 'fail';
    this.retryUnavailableMs = options.retryUnavailableMs ?? 5000;
    if (!(this.retryUnavailableMs >= 0)) throw new RangeError('retryUnavailableMs must be 0 or more.');
    this.logger = options.logger ?? consoleWarnings;
    this.fixedClock = options.clock;
    this.localClock = options.clock ?? systemClock;
    this.fallback = new MemoryRateLimitStore(this.localClock);
  }

  /** True while calls are served by the in-process fallback. */
  get degraded(): boolean {
    return this.unavailableSince !== undefined;
  }

  consume(key: string, windows: readonly RateWindow[], cost: number): Promise<ConsumeResult> {
    return this.guard(
      async () => {
        const reply = await CONSUME.run(this.send, this.windowKeys(key, windows), [this.nowArg(), String(cost), ...windows.flatMap((w) => this.spec(w))]);
        const { result, now } = this.parseConsume(reply, windows);
        if (result.granted) this.track(key, windows, { at: now, cost });
        return result;
      },
      () => this.fallback.consume(key, windows, cost),
    );
  }

  observe(key: string, windows: readonly RateWindow[], obs: QuotaObservation): Promise<void> {
    const window = windows.find((w) => w.name === obs.window);
    if (!window) return Promise.resolve();
    return this.guard(
      async () => {
        const args = [obs.remaining, obs.limit, obs.resetInMs, obs.refillPerSecond].map((v) => (v === undefined ? '' : String(v)));
        // A sliding window's count from the server is compared with ours as of the answered request: the script
        // needs this process's answers since the last observation (see core's MemoryRateLimitStore.observe).
        const log = window.algorithm === 'sliding-window' && obs.remaining !== undefined ? this.answerLog(key, window) : undefined;
        const answers = log ? [...answerArgs(log.ascribed), ...log.since.flatMap(answerArgs)] : [];
        const reply = await OBSERVE.run(this.send, this.windowKeys(key, [window]), [this.nowArg(), ...args, obs.mode ?? 'min', ...this.spec(window), ...answers]);
        if (!Array.isArray(reply) || reply.length !== 3) throw this.badReply(reply);
        this.learnOffset(reply[0]);
        if (log) {
          log.since = [];
          log.ascribed = reply[1] === '' || reply[1] === null ? undefined : { grantedAt: Number(reply[1]), at: Number(reply[2]) };
        }
      },
      () => this.fallback.observe(key, windows, obs),
    );
  }

  pauseUntil(key: string, untilEpochMs: number): Promise<void> {
    return this.guard(
      async () => {
        await PAUSE.run(this.send, [keys.pause(this.prefix, key)], [this.nowArg(), String(untilEpochMs)]);
      },
      () => this.fallback.pauseUntil(key, untilEpochMs),
    );
  }

  pausedUntil(key: string): Promise<number> {
    return this.guard(
      async () => {
        const raw = await this.send(['GET', keys.pause(this.prefix, key)]);
        const value = raw === null || raw === undefined ? 0 : Number(raw);
        return Number.isFinite(value) ? value : 0;
      },
      () => this.fallback.pausedUntil(key),
    );
  }

  /**
   * Tells the store that the oldest outstanding grant of `key` was answered now. Sliding windows then count that
   * request from its response instead of its grant: the API counted it at its arrival, somewhere in between, so a
   * request granted an interval later can no longer reach the API before the old one leaves the API's window,
   * however the latency varied (a cold connection, a stalled worker). Best effort: on failure the grant time stays.
   * Core's RateLimiter calls this (not awaited) when a response arrives.
   */
  async complete(key: string, windows: readonly RateWindow[]): Promise<void> {
    const grant = this.pending.get(key)?.shift();
    const sliding = windows.filter((w) => w.algorithm === 'sliding-window');
    if (!grant || sliding.length === 0 || this.unavailableSince !== undefined) return;
    const lists = sliding.map((w) => keys.sends(this.prefix, key, w.name));
    try {
      const now = Number(await COMPLETE.run(this.send, lists, [this.nowArg(), String(grant.at), String(grant.cost)]));
      for (const window of sliding) {
        const log = this.answerLog(key, window);
        for (let i = 0; i < grant.cost; i += 1) log.since.push({ grantedAt: grant.at, at: now });
        // The script reads the last `limit` of them; bound what a process that is never observed keeps.
        const keep = Math.max(2 * window.limit, 100);
        if (log.since.length > keep) log.since.splice(0, log.since.length - keep);
      }
    } catch {
      // Counting from the grant time is what core does anyway; a lost update costs nothing but this refinement.
    }
  }

  private track(key: string, windows: readonly RateWindow[], grant: PendingGrant): void {
    const longest = Math.max(0, ...windows.filter((w) => w.algorithm === 'sliding-window').map((w) => w.intervalMs));
    if (longest === 0) return;
    let list = this.pending.get(key);
    if (!list) {
      list = [];
      this.pending.set(key, list);
    }
    // Grants older than the longest window no longer count anywhere (and bound the list when nobody calls complete).
    while (list.length > 0 && (list[0]?.at ?? 0) <= grant.at - longest) list.shift();
    list.push(grant);
  }

  /** Runs against Redis, or per `onUnavailable` when Redis cannot serve. */
  private async guard<T>(redis: () => Promise<T>, memory: () => Promise<T>): Promise<T> {
    const fallingBack = this.mode === 'fallback' && this.unavailableSince !== undefined;
    if (fallingBack && this.localClock.now() < this.retryRedisAt) return memory();
    try {
      const result = await redis();
      if (this.unavailableSince !== undefined) {
        this.logger.warn(
          { store: 'redis', prefix: this.prefix, degradedMs: this.localClock.now() - this.unavailableSince },
          'Redis answers again: the shared rate limit is back in force.',
        );
        this.unavailableSince = undefined;
      }
      return result;
    } catch (error) {
      if (this.mode === 'fail' || !isStoreUnavailableError(error)) throw error;
      if (this.unavailableSince === undefined) {
        this.unavailableSince = this.localClock.now();
        this.logger.warn(
          { store: 'redis', prefix: this.prefix, error: error.message, retryInMs: this.retryUnavailableMs },
          'Redis is unavailable: falling back to an in-process rate limiter. Other processes no longer share this quota, ' +
            'so the API may answer with 429s until Redis is back.',
        );
      }
      this.retryRedisAt = this.localClock.now() + this.retryUnavailableMs;
      return memory();
    }
  }

  private windowKeys(key: string, windows: readonly RateWindow[]): string[] {
    return windows.flatMap((w) => [keys.window(this.prefix, key, w.name), keys.sends(this.prefix, key, w.name), keys.expired(this.prefix, key, w.name)]);
  }

  private answerLog(key: string, window: RateWindow): AnswerLog {
    const id = `${key}\u0000${window.name}`;
    let log = this.answers.get(id);
    if (!log) {
      log = { since: [], ascribed: undefined };
      this.answers.set(id, log);
    }
    return log;
  }

  private nowArg(): string {
    return this.fixedClock ? String(this.fixedClock.now()) : '';
  }

  /** A window as the script reads it (see rate-limit-lua.ts). */
  private spec(window: RateWindow): string[] {
    let resets = ['', ''];
    if (window.resetAt) {
      // The function cannot run inside Redis: pass the next two resets around Redis's "now"; the script picks the
      // first one still ahead, so a few milliseconds of difference between the two clocks cannot matter.
      const first = window.resetAt(this.localClock.now() + this.offsetMs);
      resets = [String(first), String(window.resetAt(first))];
    }
    return [window.algorithm ?? 'token-bucket', String(window.limit), String(window.intervalMs), window.burst === undefined ? '' : String(window.burst), ...resets];
  }

  private parseConsume(reply: unknown, windows: readonly RateWindow[]): { result: ConsumeResult; now: number } {
    if (!Array.isArray(reply) || reply.length !== 4 + windows.length) throw this.badReply(reply);
    const [granted, wait, refused, now, ...rest] = reply.map(Number);
    this.learnOffset(now);
    const remaining: Record<string, number> = {};
    windows.forEach((w, i) => (remaining[w.name] = rest[i] ?? 0));
    const at = now ?? 0;
    if (granted === 1) return { result: { granted: true, waitMs: 0, remaining }, now: at };
    const window = windows[(refused ?? 0) - 1]?.name;
    return { result: { granted: false, waitMs: wait === -1 ? Number.POSITIVE_INFINITY : (wait ?? 0), ...(window ? { window } : {}), remaining }, now: at };
  }

  private learnOffset(redisNow: unknown): void {
    const now = Number(redisNow);
    if (!this.fixedClock && Number.isFinite(now)) this.offsetMs = now - this.localClock.now();
  }

  private badReply(reply: unknown): StoreUnavailableError {
    return new StoreUnavailableError({
      message: `Redis returned an unexpected reply to the rate-limit script (${JSON.stringify(reply)?.slice(0, 100)}).`,
      details: { store: 'redis' },
    });
  }
}

/** An answer as the observe script reads it: grantedAt, at ('' and '' for none). */
function answerArgs(answer: Answer | undefined): string[] {
  return answer ? [String(answer.grantedAt), String(answer.at)] : ['', ''];
}

/** The one option a connector needs to share its quota: `store: redisStore(client, { prefix })`. */
export function redisStore(client: RedisClientLike, options: RedisStoreOptions = {}): RedisRateLimitStore {
  return new RedisRateLimitStore(client, options);
}
