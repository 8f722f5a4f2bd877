/** @default 'cf:' */
export const DEFAULT_PREFIX = 'cf:';

/**
 * Redis key names. The limiter key sits in a hash tag (`{...}`) so every key one script touches lands in one
 * Redis Cluster slot.
 */
export const keys = {
  window: (prefix: string, key: string, window: string) => `${prefix}rl:{${key}}:${window}`,
  sends: (prefix: string, key: string, window: string) => `${prefix}rl:{${key}}:${window}:sends`,
  expired: (prefix: string, key: string, window: string) => `${prefix}rl:{${key}}:${window}:expired`,
  pause: (prefix: string, key: string) => `${prefix}rl:{${key}}:paused-until`,
  breaker: (prefix: string, key: string) => `${prefix}breaker:${key}`,
  checkpoint: (prefix: string, key: string) => `${prefix}checkpoint:${key}`,
  webhook: (prefix: string, key: string) => `${prefix}webhook:${key}`,
};
