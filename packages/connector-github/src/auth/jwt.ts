import { AuthError } from '@cf/core';
import { pemToPkcs8 } from './pem.js';

/**
 * The JWT a GitHub App authenticates as itself with: RS256, `iat` 60 s in the past (GitHub's advice, against
 * clock drift), `exp` at most 10 minutes after `iat`, `iss` the App ID or client ID.
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 */
export const JWT_BACKDATE_S = 60;
/** `exp - iat`: GitHub refuses more than 600 s. */
export const JWT_LIFETIME_S = 600;

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** WebCrypto's key type, named without the DOM library. */
export type SigningKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/** Imports the app's PEM key (PKCS#1 or PKCS#8) once, as a non-extractable signing key. */
export async function importAppKey(pem: string): Promise<SigningKey> {
  const pkcs8 = pemToPkcs8(pem);
  try {
    return await globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, RS256, false, ['sign']);
  } catch (cause) {
    throw new AuthError({ message: 'The GitHub App private key could not be read as an RSA key: use the .pem file GitHub generated for the app.', cause, source: 'github' });
  }
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Signs `{ iat, exp, iss }` with the app's key. `nowMs` is the client's clock (a FakeClock in tests). */
export async function signAppJwt(key: SigningKey, appId: string, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000) - JWT_BACKDATE_S;
  const header = base64Url(utf8(JSON.stringify({ alg: 'RS256', typ: 'JWT' })));
  const payload = base64Url(utf8(JSON.stringify({ iat, exp: iat + JWT_LIFETIME_S, iss: appId })));
  const signature = await globalThis.crypto.subtle.sign(RS256, key, utf8(`${header}.${payload}`));
  return `${header}.${payload}.${base64Url(new Uint8Array(signature))}`;
}
