import { utf8 } from './bytes.js';
import { timingSafeEqual } from './timing-safe-equal.js';

/**
 * HMAC-SHA256 and SHA-256 through WebCrypto (`crypto.subtle`), which Node, Deno, Bun, browsers and workers all
 * have. Secrets are imported once as non-extractable keys: nothing can read them back out of a key.
 */

/**
 * A WebCrypto key, typed by what every runtime's `CryptoKey` has (core's types do not depend on the DOM library or
 * on Node's types).
 */
export interface WebCryptoKey {
  /** `secret` for an HMAC key. */
  readonly type: string;
  /** Whether the key's bytes can be exported (false for keys core imports). */
  readonly extractable: boolean;
  /** The key's algorithm (`{ name: 'HMAC', hash: … }`). */
  readonly algorithm: object;
  /** What the key may do (`sign`, `verify`). */
  readonly usages: readonly string[];
}

type SubtleKey = Parameters<typeof globalThis.crypto.subtle.sign>[1];

/** BufferSource as WebCrypto's types want it (a Uint8Array over a plain ArrayBuffer). */
function source(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** Imports a secret (its UTF-8 bytes) as an HMAC-SHA256 key usable for sign and verify only. */
export async function importHmacKey(secret: string): Promise<WebCryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', source(utf8(secret)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** HMAC-SHA256 of `data` under `key` (as a signer computes it). */
export async function hmacSha256(key: WebCryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key as SubtleKey, source(data)));
}

/**
 * True when `signature` is the HMAC-SHA256 of `data` under any of `keys` (several during a secret rotation).
 * `crypto.subtle.verify` compares in constant time; every key is tried, so the time does not say which matched.
 */
export async function verifyHmacSha256(keys: readonly WebCryptoKey[], data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const results = await Promise.all(keys.map((key) => globalThis.crypto.subtle.verify('HMAC', key as SubtleKey, source(signature), source(data))));
  return results.includes(true);
}

/** SHA-256 digest (HubSpot's v1/v2 signatures are plain digests of secret + request). */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', source(data)));
}

/** True when `expected` equals any of `candidates`, compared in constant time (for plain digests, not HMACs). */
export function matchesAny(candidates: readonly Uint8Array[], expected: Uint8Array): boolean {
  let matched = false;
  for (const candidate of candidates) matched = timingSafeEqual(candidate, expected) || matched;
  return matched;
}
