import type { Transport } from '../http/transport.js';
import type { Clock } from '../time/clock.js';

/** What a client lends its auth provider: the provider's own calls (a token request) go through them. */
export interface AuthEnvironment {
  /** The client's transport (its pools, proxy, test doubles), for the provider's own requests. */
  transport: Transport;
  /** The client's clock, for token expiry. */
  clock: Clock;
}

/** The parts of a request auth may add to. Auth is applied last, after hooks, so hooks never see secrets. */
export interface AuthTarget {
  /** The request's headers; auth may add to them (`authorization`, an API key header). */
  headers: Record<string, string>;
  /** The request's query string; auth may add to it (an API key parameter). */
  query: URLSearchParams;
}

/**
 * How a client authenticates its requests: adds credentials to each one, may renew them on a 401, and names its
 * secrets so the client's redactor hides them everywhere. Build one with `apiKeyAuth`, `bearerAuth`, `basicAuth`,
 * `oauth2Auth`, `refreshingTokenAuth`, or implement it.
 */
export interface AuthProvider {
  /** Which scheme this is (`custom` for your own); informational, it changes nothing. */
  readonly kind: 'none' | 'api-key' | 'bearer' | 'basic' | 'oauth2' | 'custom';
  /** Adds credentials to an outgoing request (may refresh a token first). */
  apply(target: AuthTarget, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: adds credentials that are at hand (a key, a fixed token) without waiting. When present the client
   * calls it instead of `apply`, and builds no abort signal for it (the hot path). It must do what `apply` does.
   */
  applySync?(target: AuthTarget): void;
  /** Called once on a 401: return true if credentials were renewed and the request should be repeated. */
  onUnauthorized?(signal?: AbortSignal): Promise<boolean>;
  /**
   * Called by a client when it is built: a provider that makes requests of its own (OAuth) uses the client's
   * transport (and so its pools, proxy and test doubles) and clock.
   */
  attach?(env: AuthEnvironment): void;
  /** Current secret values, read at every redaction, so they are redacted everywhere (refreshed ones too). */
  secrets(): string[];
  /** Header and query names this provider writes secrets into. */
  readonly secretHeaders?: readonly string[];
  /** Query parameter names this provider writes secrets into (an API key parameter). */
  readonly secretParams?: readonly string[];
}

/** No authentication: adds nothing, holds no secrets. The default when `auth` is not set. */
export const noAuth: AuthProvider = {
  kind: 'none',
  apply: async () => undefined,
  applySync: () => undefined,
  secrets: () => [],
};
