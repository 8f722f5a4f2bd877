import { ValidationError } from '../errors/error-classes.js';
import type { AuthProvider, AuthTarget } from './auth-provider.js';

function requireSecret(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError({ message: `${what} must be a non-empty string.`, issues: [{ path: what, message: 'required' }] });
  }
  return value;
}

/** An API key sent in a header (e.g. `X-Shopify-Access-Token`) or a query parameter (e.g. OpenWeather's `appid`). */
export function apiKeyAuth(options: { in: 'header' | 'query'; name: string; value: string }): AuthProvider {
  const value = requireSecret(options.value, 'apiKey');
  return {
    kind: 'api-key',
    ...fixedCredentials((target) => {
      if (options.in === 'header') target.headers[options.name.toLowerCase()] = value;
      else target.query.set(options.name, value);
    }),
    secrets: () => [value],
    ...(options.in === 'header' ? { secretHeaders: [options.name] } : { secretParams: [options.name] }),
  };
}

/** `Authorization: Bearer <token>`. */
export function bearerAuth(token: string): AuthProvider {
  const value = requireSecret(token, 'accessToken');
  const header = `Bearer ${value}`;
  return {
    kind: 'bearer',
    ...fixedCredentials((target) => {
      target.headers.authorization = header;
    }),
    secrets: () => [value],
  };
}

/** `Authorization: Basic base64(user:password)`. */
export function basicAuth(username: string, password: string): AuthProvider {
  requireSecret(username, 'username');
  const encoded = base64(`${username}:${password}`);
  const header = `Basic ${encoded}`;
  return {
    kind: 'basic',
    ...fixedCredentials((target) => {
      target.headers.authorization = header;
    }),
    secrets: () => [encoded, password].filter((s) => s.length > 0),
  };
}

/** `apply` and `applySync` of credentials that never change. */
function fixedCredentials(add: (target: AuthTarget) => void): Pick<AuthProvider, 'apply' | 'applySync'> {
  return {
    apply: async (target) => add(target),
    applySync: add,
  };
}

/** Base64 of a string's UTF-8 bytes, on every runtime (no Buffer). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
