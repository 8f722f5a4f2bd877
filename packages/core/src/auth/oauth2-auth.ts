import { defaultTransport } from '../http/default-transport.js';
import type { Transport } from '../http/transport.js';
import { systemClock, type Clock } from '../time/clock.js';
import { untilAborted } from '../time/until-aborted.js';
import type { AuthProvider } from './auth-provider.js';
import { requestToken } from './token-request.js';

export interface OAuth2Options {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** With a refresh token the grant is `refresh_token`; without, `client_credentials`. */
  refreshToken?: string;
  scope?: string;
  /** Refresh this long before `expires_in` runs out. @default 60000 */
  refreshSkewMs?: number;
  /** Called with the new refresh token when the server rotates it, so the caller can persist it. */
  onRefreshToken?: (refreshToken: string) => void;
  /** Defaults to the client's clock (a FakeClock in tests). */
  clock?: Clock;
  /** Deadline of one token request. @default 30000 */
  timeoutMs?: number;
  /** Defaults to the client's transport. */
  transport?: Transport;
}

interface Token {
  accessToken: string;
  expiresAt: number;
}

/**
 * OAuth2 with client credentials or a refresh token. The token is refreshed before it expires, by one request
 * shared by all concurrent callers (single flight), and once more on a 401. The shared refresh belongs to no
 * caller: one caller's abort ends that caller's wait (CANCELLED), never the refresh the others wait for.
 */
export function oauth2Auth(options: OAuth2Options): AuthProvider & { refresh(signal?: AbortSignal): Promise<void> } {
  const skew = options.refreshSkewMs ?? 60_000;
  let clock: Clock = options.clock ?? systemClock;
  let transport: Transport | undefined = options.transport;
  let token: Token | undefined;
  let refreshToken = options.refreshToken;
  let inFlight: Promise<Token> | undefined;
  const secrets = new Set<string>([options.clientSecret, ...(refreshToken ? [refreshToken] : [])]);

  const fetchToken = async (): Promise<Token> => {
    const form = new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret });
    if (refreshToken) {
      form.set('grant_type', 'refresh_token');
      form.set('refresh_token', refreshToken);
    } else form.set('grant_type', 'client_credentials');
    if (options.scope) form.set('scope', options.scope);
    transport ??= defaultTransport({ connections: 2 });
    const json = await requestToken(transport, options.tokenUrl, form, options.timeoutMs ?? 30_000);
    // Known as a secret before anyone can see it in a response, an event or an error.
    secrets.add(json.access_token);
    if (typeof json.refresh_token === 'string' && json.refresh_token !== refreshToken) {
      refreshToken = json.refresh_token;
      secrets.add(refreshToken);
      options.onRefreshToken?.(refreshToken);
    }
    const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
    return { accessToken: json.access_token, expiresAt: clock.now() + expiresIn * 1000 };
  };

  const refresh = async (signal?: AbortSignal): Promise<Token> => {
    inFlight ??= fetchToken()
      .then((fresh) => (token = fresh))
      .finally(() => {
        inFlight = undefined;
      });
    return signal ? untilAborted(inFlight, signal) : inFlight;
  };

  return {
    kind: 'oauth2',
    attach(env) {
      transport = options.transport ?? env.transport;
      clock = options.clock ?? env.clock;
    },
    async apply(target, signal) {
      const current = token && clock.now() < token.expiresAt - skew ? token : await refresh(signal);
      target.headers.authorization = `Bearer ${current.accessToken}`;
    },
    async onUnauthorized(signal) {
      token = undefined;
      await refresh(signal);
      return true;
    },
    async refresh(signal) {
      await refresh(signal);
    },
    secrets: () => [...secrets],
  };
}
