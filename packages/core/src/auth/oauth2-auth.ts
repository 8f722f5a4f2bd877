import type { Transport } from '../http/transport.js';
import type { Clock } from '../time/clock.js';
import { refreshingTokenAuth, type RefreshingAuthProvider } from './refreshing-token-auth.js';
import { requestToken } from './token-request.js';

/** Options of `oauth2Auth`: the token endpoint, the client's credentials, and the refresh behaviour. */
export interface OAuth2Options {
  /** The token endpoint, POSTed a form (`grant_type`, `client_id`, `client_secret`…). */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The OAuth client secret; redacted from errors and logs. */
  clientSecret: string;
  /** With a refresh token the grant is `refresh_token`; without, `client_credentials`. */
  refreshToken?: string;
  /** The `scope` parameter of the token request (space-separated scopes), when the server wants one. */
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

/**
 * OAuth2 with client credentials or a refresh token, on {@link refreshingTokenAuth}: the token is refreshed before it
 * expires, by one request shared by all concurrent callers (single flight), and once more on a 401. A rotated
 * refresh token is kept (and handed to `onRefreshToken`); the client secret, refresh and access tokens are redacted.
 */
export function oauth2Auth(options: OAuth2Options): RefreshingAuthProvider {
  let refreshToken = options.refreshToken;
  const secrets = new Set<string>([options.clientSecret, ...(refreshToken ? [refreshToken] : [])]);
  return refreshingTokenAuth({
    kind: 'oauth2',
    refreshSkewMs: options.refreshSkewMs ?? 60_000,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
    secrets: () => [...secrets],
    async fetchToken({ transport, clock }) {
      const form = new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret });
      if (refreshToken) {
        form.set('grant_type', 'refresh_token');
        form.set('refresh_token', refreshToken);
      } else form.set('grant_type', 'client_credentials');
      if (options.scope) form.set('scope', options.scope);
      const json = await requestToken(transport, options.tokenUrl, form, options.timeoutMs ?? 30_000);
      // Known as a secret before anyone can see it in a response, an event or an error.
      secrets.add(json.access_token);
      if (typeof json.refresh_token === 'string' && json.refresh_token !== refreshToken) {
        refreshToken = json.refresh_token;
        secrets.add(refreshToken);
        options.onRefreshToken?.(refreshToken);
      }
      const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
      return { token: json.access_token, expiresAt: clock.now() + expiresIn * 1000 };
    },
  });
}
