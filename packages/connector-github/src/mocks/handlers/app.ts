import { http, type RequestHandler } from 'msw';
import { DOCS, errorBody, json, notFound } from '../responses.js';
import type { MockGitHub } from '../state.js';

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function bytesOfBase64(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

const fromBase64Url = (part: string): Uint8Array<ArrayBuffer> => bytesOfBase64(part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4));

function publicKeyBytes(pem: string): Uint8Array<ArrayBuffer> {
  const body = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(pem)?.[1];
  if (body === undefined) throw new Error('app.publicKey must be a PEM public key (BEGIN PUBLIC KEY)');
  return bytesOfBase64(body.replace(/\s+/g, ''));
}

const unauthorized = (message: string): Response => json(errorBody(401, message, DOCS.installationToken), 401);

/**
 * `POST /app/installations/{id}/access_tokens`, as GitHub checks the app's JWT: RS256 signed by the app's key,
 * `iat` not in the future, `exp` in the future and at most 10 minutes after `iat`, `iss` the App ID (or client
 * ID). It answers 201 `{ token, expires_at, permissions, repository_selection }`; the token is then accepted by
 * every other endpoint until it expires.
 */
export function appHandlers(mock: MockGitHub): RequestHandler[] {
  const app = mock.options.app;
  if (!app) return [];
  let key: Promise<CryptoKeyLike> | undefined;
  let issued = 0;
  return [
    http.post('*/app/installations/:id/access_tokens', async ({ request, params }) => {
      const jwt = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!jwt) return unauthorized('A JSON web token could not be decoded');
      const [header, payload, signature] = jwt.split('.');
      if (header === undefined || payload === undefined || signature === undefined) return unauthorized('A JSON web token could not be decoded');
      let claims: { iat?: unknown; exp?: unknown; iss?: unknown };
      let alg: unknown;
      try {
        alg = (JSON.parse(new TextDecoder().decode(fromBase64Url(header))) as { alg?: unknown }).alg;
        claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as typeof claims;
      } catch {
        return unauthorized('A JSON web token could not be decoded');
      }
      key ??= globalThis.crypto.subtle.importKey('spki', publicKeyBytes(app.publicKey), RS256, false, ['verify']);
      const valid = alg === 'RS256' && (await globalThis.crypto.subtle.verify(RS256, await key, fromBase64Url(signature), new TextEncoder().encode(`${header}.${payload}`)));
      if (!valid) return unauthorized('A JSON web token could not be decoded');
      const now = Math.floor(mock.clock.now() / 1000);
      if (typeof claims.iat !== 'number' || claims.iat > now + 60) return unauthorized("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.");
      if (typeof claims.exp !== 'number' || claims.exp <= now) return unauthorized("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires.");
      if (claims.exp - claims.iat > 600) return unauthorized("'Expiration time' claim ('exp') is too far in the future.");
      if (String(claims.iss) !== String(app.appId) && (app.clientId === undefined || claims.iss !== app.clientId)) {
        return unauthorized(`'Issuer' claim ('iss') must be an Integer`);
      }
      const installation = Number(params.id);
      if (!app.installations.includes(installation)) return notFound();
      issued += 1;
      const token = `ghs_${String(installation).padStart(6, '0')}${String(issued).padStart(4, '0')}MockInstallationToken`;
      const expiresAt = mock.clock.now() + (app.tokenLifetimeMs ?? 3_600_000);
      mock.installationTokens.set(token, expiresAt);
      return json(
        { token, expires_at: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z'), permissions: { issues: 'write', metadata: 'read', pull_requests: 'read', contents: 'read' }, repository_selection: 'all' },
        201,
      );
    }),
  ];
}

type CryptoKeyLike = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;
