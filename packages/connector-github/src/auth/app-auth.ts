import { AuthError, refreshingTokenAuth, type Clock, type RefreshingAuthProvider, type Transport } from '@cf/core';
import { postTokenRequest } from '@cf/core/internal';
import { importAppKey, signAppJwt, type SigningKey } from './jwt.js';

/**
 * Options of `githubAppAuth`: the app's identity and key, the installation, and where and how to request its tokens.
 */
export interface GitHubAppAuthOptions {
  /** The App ID or client ID: the JWT's `iss`. */
  appId: number | string;
  /** The app's PEM private key (PKCS#1 as GitHub generates it, or PKCS#8). */
  privateKey: string;
  /** The installation whose access token to use (the account or organisation the app is installed on). */
  installationId: number | string;
  /** The API's base URL (path prefix included): the token is requested at `{baseUrl}/app/installations/{id}/access_tokens`. */
  baseUrl: string;
  /** `X-GitHub-Api-Version` of the token request. */
  apiVersion: string;
  /** GitHub refuses requests without a User-Agent. */
  userAgent: string;
  /** Fetch a new token this long before `expires_at`. @default 300000 */
  refreshSkewMs?: number;
  /** Deadline of one token request. @default 30000 */
  timeoutMs?: number;
  /** Defaults to the client's clock and transport (`attach`). */
  clock?: Clock;
  /** The transport of the token requests. @default the client's */
  transport?: Transport;
}

/** Installation tokens live an hour; refreshing 5 minutes early leaves room for a slow sync page and clock drift. */
export const DEFAULT_REFRESH_SKEW_MS = 300_000;
const FALLBACK_LIFETIME_MS = 3_600_000;
/** Secrets remembered for redaction: the current and a few earlier JWTs and tokens (a long run refreshes hourly). */
const REMEMBERED = 4;

/**
 * A GitHub App acting as one installation, on core's `refreshingTokenAuth`: signs a JWT with the app's key (WebCrypto),
 * exchanges it at `POST /app/installations/{id}/access_tokens` through the client's transport, sends the installation
 * token as `Authorization: Bearer`, and fetches a new one before `expires_at` (one request shared by concurrent
 * callers) and once more on a 401. The key, the JWTs and the tokens are secrets: redacted from every error, event and log.
 */
export function githubAppAuth(options: GitHubAppAuthOptions): RefreshingAuthProvider {
  const tokenUrl = `${options.baseUrl.replace(/\/+$/, '')}/app/installations/${encodeURIComponent(String(options.installationId))}/access_tokens`;
  let key: Promise<SigningKey> | undefined;
  const issued: string[] = [];
  const remember = (secret: string): void => {
    issued.push(secret);
    if (issued.length > REMEMBERED * 2) issued.splice(0, issued.length - REMEMBERED * 2);
  };

  return refreshingTokenAuth({
    refreshSkewMs: options.refreshSkewMs ?? DEFAULT_REFRESH_SKEW_MS,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
    secrets: () => [options.privateKey, ...issued],
    async fetchToken({ transport, clock }) {
      key ??= importAppKey(options.privateKey).catch((error: unknown) => {
        key = undefined;
        throw error;
      });
      const jwt = await signAppJwt(await key, String(options.appId), clock.now());
      remember(jwt);
      const { status, json } = await postTokenRequest(
        transport,
        {
          url: tokenUrl,
          headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${jwt}`, 'x-github-api-version': options.apiVersion, 'user-agent': options.userAgent },
          label: 'the GitHub App installation token endpoint',
          source: 'github',
        },
        options.timeoutMs ?? 30_000,
      );
      if (status !== 201 || typeof json.token !== 'string' || json.token === '') {
        const said = typeof json.message === 'string' ? ` GitHub says: "${json.message}".` : '';
        const why =
          status === 404
            ? 'The app is not installed there: check installationId (GET /app/installations lists them).'
            : status === 401
              ? 'Check the App ID (or client ID) and that the private key is the app\'s current one (a revoked key fails this way).'
              : 'Check the App ID, the private key and the installation id.';
        throw new AuthError({ message: `GitHub refused the app's installation token request (${status}).${said} ${why}`, status, body: json, source: 'github' });
      }
      remember(json.token);
      const expiresAt = typeof json.expires_at === 'string' ? Date.parse(json.expires_at) : Number.NaN;
      return { token: json.token, expiresAt: Number.isNaN(expiresAt) ? clock.now() + FALLBACK_LIFETIME_MS : expiresAt };
    },
  });
}
