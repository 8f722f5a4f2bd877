import { defaultTransport } from '../http/default-transport.js';
import type { Transport } from '../http/transport.js';
import { systemClock, type Clock } from '../time/clock.js';
import { untilAborted } from '../time/until-aborted.js';
import type { AuthEnvironment, AuthProvider, AuthTarget } from './auth-provider.js';

/** A credential that expires: what a token endpoint answered. */
export interface ExpiringToken {
  /** The value sent with requests (an access token, an installation token). */
  token: string;
  /** When it stops working, epoch milliseconds on the provider's clock. */
  expiresAt: number;
}

/** What {@link refreshingTokenAuth} needs to know about one kind of token. */
export interface RefreshingTokenOptions {
  /** The provider's `kind` (what `describe()` and the conformance kit report). @default 'custom' */
  kind?: AuthProvider['kind'];
  /**
   * Gets a new token: called before the first request, `refreshSkewMs` before the current token expires, and once
   * after a 401. Its requests go through `env.transport` (the client's, so its pools, proxy and test doubles) and it
   * reads time from `env.clock`. Whatever it throws (a typed `AuthError`, a `NETWORK_ERROR`) fails the requests
   * waiting for it, and the next request tries again.
   */
  fetchToken(env: AuthEnvironment): Promise<ExpiringToken>;
  /** Refresh this long before `expiresAt`. Must be 0 or more. */
  refreshSkewMs: number;
  /** Every secret to redact, read at every redaction: the provider's own (keys, client secrets) and issued tokens. */
  secrets(): string[];
  /** Writes the token into a request. @default `Authorization: Bearer <token>` */
  applyToken?(target: AuthTarget, token: string): void;
  /** Defaults to the client's clock (`attach`). */
  clock?: Clock;
  /** Defaults to the client's transport (`attach`), or a small pool of its own when used outside a client. */
  transport?: Transport;
}

/** An AuthProvider whose token can also be refreshed on demand (before a long job, after a credential rotation). */
export type RefreshingAuthProvider = AuthProvider & {
  /** Fetches a new token now (joining a refresh already under way); `signal` ends this caller's wait only. */
  refresh(signal?: AbortSignal): Promise<void>;
};

const bearer = (target: AuthTarget, token: string): void => {
  target.headers.authorization = `Bearer ${token}`;
};

/**
 * The part every expiring-token scheme shares (OAuth2, a GitHub App's installation tokens, a signed-JWT exchange):
 * the token is fetched before it expires by one request shared by all concurrent callers (single flight), and once
 * more on a 401. The shared refresh belongs to no caller: one caller's abort ends that caller's wait (CANCELLED),
 * never the refresh the others wait for.
 * @throws RangeError when `refreshSkewMs` is negative or not a number.
 */
export function refreshingTokenAuth(options: RefreshingTokenOptions): RefreshingAuthProvider {
  const skew = options.refreshSkewMs;
  if (typeof skew !== 'number' || !(skew >= 0)) throw new RangeError(`refreshSkewMs must be 0 or more; got ${String(skew)}.`);
  const applyToken = options.applyToken ? (t: AuthTarget, token: string) => options.applyToken?.(t, token) : bearer;
  let clock: Clock = options.clock ?? systemClock;
  let transport: Transport | undefined = options.transport;
  let current: ExpiringToken | undefined;
  let inFlight: Promise<ExpiringToken> | undefined;

  const refresh = (signal?: AbortSignal): Promise<ExpiringToken> => {
    inFlight ??= options
      .fetchToken({ transport: (transport ??= defaultTransport({ connections: 2 })), clock })
      .then((fresh) => (current = fresh))
      .finally(() => {
        inFlight = undefined;
      });
    return signal ? untilAborted(inFlight, signal) : inFlight;
  };

  return {
    kind: options.kind ?? 'custom',
    attach(env) {
      transport = options.transport ?? env.transport;
      clock = options.clock ?? env.clock;
    },
    async apply(target, signal) {
      const token = current && clock.now() < current.expiresAt - skew ? current : await refresh(signal);
      applyToken(target, token.token);
    },
    async onUnauthorized(signal) {
      current = undefined;
      await refresh(signal);
      return true;
    },
    async refresh(signal) {
      await refresh(signal);
    },
    secrets: () => options.secrets(),
  };
}
