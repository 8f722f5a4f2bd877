import type { AuthProvider } from '../auth/auth-provider.js';
import type { EventBus } from '../hooks/events.js';
import type { Hooks } from '../hooks/hooks.js';
import type { Logger } from '../hooks/logger.js';
import type { Redactor } from '../http/redact.js';
import type { ResponseCache } from '../http/response-cache.js';
import type { Transport } from '../http/transport.js';
import type { BreakerRegistry } from '../policies/breaker-registry.js';
import type { ConcurrencyLimiter } from '../policies/concurrency-limiter.js';
import type { RateLimiter } from '../policies/rate-limiter.js';
import type { RetryOptions } from '../policies/retry-policy.js';
import type { Clock } from '../time/clock.js';
import type { HttpClientOptions } from './options.js';

/** What every step of one client's pipeline shares: its validated options and the policies built from them. */
export interface ClientContext {
  readonly source: string;
  readonly baseUrl: URL;
  /** `baseUrl.origin`: where credentials and default headers may go. */
  readonly apiOrigin: string;
  readonly options: HttpClientOptions;
  readonly clock: Clock;
  readonly auth: AuthProvider;
  readonly redactor: Redactor;
  readonly transport: Transport;
  readonly logger: Logger;
  readonly hooks: Hooks;
  readonly events: EventBus;
  readonly cache: ResponseCache | undefined;
  readonly retry: RetryOptions | false;
  readonly concurrency: ConcurrencyLimiter;
  readonly breakers: BreakerRegistry | undefined;
  readonly rateLimiter: RateLimiter | undefined;
  /** Reports a limiter's waits as `rateLimitWait` events (a limiter passed per request included). */
  watch(limiter: RateLimiter): void;
}
