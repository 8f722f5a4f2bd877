export { redisStore, RedisRateLimitStore, type RedisStoreOptions } from './redis-rate-limit-store.js';
export { redisBreakerState, type BreakerStateStore, type RedisBreakerStateOptions, type SharedCircuitSnapshot } from './redis-breaker-state.js';
export { syncBreaker, type BreakerSync, type SyncBreakerOptions } from './sync-breaker.js';
export { MemoryCheckpointStore, serializeCheckpoint, type CheckpointStore } from './checkpoint-store.js';
export { redisCheckpoints, type RedisCheckpointOptions } from './redis-checkpoint-store.js';
export { StoreUnavailableError, isStoreUnavailableError } from './store-unavailable-error.js';
export type { IoRedisLike, NodeRedisLike, RedisClientLike } from './redis-client.js';
export { redisWebhookDedupe, type RedisWebhookDedupeOptions } from './redis-webhook-dedupe.js';
