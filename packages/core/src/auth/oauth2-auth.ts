import { request } from 'undici';
import { AuthError, NetworkError } from '../errors/error-classes.js';
import { systemClock, type Clock } from '../time/clock.js';
import type { AuthProvider } from './auth-provider.js';

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
  clock?: Clock;
  timeoutMs?: number;
}

interface Token {
  accessToken: string;
  expiresAt: number;
}

/**
 * OAuth2 with client credentials or a refresh token. The token is refreshed before it expires, once for all
 * concurrent callers (single flight), and once more on a 401.
 */
export function oauth2Auth(options: OAuth2Options): AuthProvider & { refresh(signal?: AbortSignal): Promise<void> } {
  const clock = options.clock ?? systemClock;
  const skew = options.refreshSkewMs ?? 60_000;
  let token: Token | undefined;
  let refreshToken = options.refreshToken;
  let inFlight: Promise<Token> | undefined;
  const secrets = new Set<string>([options.clientSecret, ...(refreshToken ? [refreshToken] : [])]);

  const fetchToken = async (signal?: AbortSignal): Promise<Token> => {
    const body = new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret });
    if (refreshToken) {
      body.set('grant_type', 'refresh_token');
      body.set('refresh_token', refreshToken);
    } else body.set('grant_type', 'client_credentials');
    if (options.scope) body.set('scope', options.scope);
    let res;
    try {
      res = await request(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: body.toString(),
        headersTimeout: options.timeoutMs ?? 30_000,
        bodyTimeout: options.timeoutMs ?? 30_000,
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      throw new NetworkError({ message: `Could not reach the OAuth token endpoint: ${(cause as Error).message}`, cause, source: 'oauth2' });
    }
    const text = await res.body.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* non-JSON error body */
    }
    if (res.statusCode < 200 || res.statusCode >= 300 || typeof json.access_token !== 'string') {
      const reason = [json.message, json.error_description, json.error].find((v): v is string => typeof v === 'string') ?? `status ${res.statusCode}`;
      throw new AuthError({
        message: `OAuth token refresh failed: ${reason}. Check the client id, secret and refresh token.`,
        status: res.statusCode,
        body: json,
        source: 'oauth2',
      });
    }
    if (typeof json.refresh_token === 'string' && json.refresh_token !== refreshToken) {
      refreshToken = json.refresh_token;
      secrets.add(refreshToken);
      options.onRefreshToken?.(refreshToken);
    }
    const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 3600;
    secrets.add(json.access_token);
    return { accessToken: json.access_token, expiresAt: clock.now() + expiresIn * 1000 };
  };

  const refresh = async (signal?: AbortSignal): Promise<Token> => {
    // Single flight: concurrent callers share one refresh.
    inFlight ??= fetchToken(signal).finally(() => {
      inFlight = undefined;
    });
    token = await inFlight;
    return token;
  };

  return {
    kind: 'oauth2',
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
