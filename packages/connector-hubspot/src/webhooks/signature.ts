import { hmacSha256, importHmacKey, sha256 } from '@cf/core';
import { bytesToBase64, bytesToHex, joinBytes, utf8Bytes } from '@cf/core/internal';

/**
 * HubSpot's request signatures ("Validating requests from HubSpot"):
 * - v3 (`X-HubSpot-Signature-v3`): base64 HMAC-SHA256, keyed with the app's client secret, of
 *   method + URI + body + `X-HubSpot-Request-Timestamp` (epoch ms; HubSpot says reject it after 5 minutes). The URI
 *   is the full URL with some URL-encoded characters decoded first (`V3_DECODED`).
 * - v2 (`X-HubSpot-Signature`, `X-HubSpot-Signature-Version: v2`): hex SHA-256 of secret + method + URI + body.
 * - v1 (`X-HubSpot-Signature`, version v1): hex SHA-256 of secret + body.
 * v1 and v2 sign no timestamp: a captured delivery verifies forever, so they are accepted only when asked for.
 */

/** The URL-encoded characters HubSpot decodes in the URI before signing v3 (from its docs' table). */
const V3_DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URI as HubSpot signs it for v3: those characters decoded (either case of hex), nothing else touched. */
export function v3SignedUri(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => V3_DECODED[match.toUpperCase()] ?? match);
}

/** The bytes v3 signs. */
export function v3SignedBytes(method: string, url: string, body: Uint8Array, timestamp: string): Uint8Array {
  return joinBytes(utf8Bytes(`${method.toUpperCase()}${v3SignedUri(url)}`), body, utf8Bytes(timestamp));
}

/** The bytes v1 (no method or URI) or v2 hash, the secret first. */
export function legacySignedBytes(version: 'v1' | 'v2', secret: string, method: string, url: string, body: Uint8Array): Uint8Array {
  return joinBytes(utf8Bytes(version === 'v1' ? secret : `${secret}${method.toUpperCase()}${url}`), body);
}

/** What a HubSpot webhook signature is computed over. */
export interface HubSpotSigningInput {
  /** The app's client secret (the HMAC key for v3; hashed before the body for v1/v2). */
  secret: string;
  /** The request method (upper-cased before signing; not signed by v1). */
  method: string;
  /**
   * The full URL HubSpot called, as configured in the app (v3 signs it with some percent-escapes decoded; not signed
   * by v1).
   */
  url: string;
  /** The raw request body, exactly as received. */
  body: Uint8Array;
  /** Epoch ms, as sent in `X-HubSpot-Request-Timestamp` (v3 only). */
  timestamp: string;
}

/** Computes a v3 signature as HubSpot sends it (the mocks sign with it; the receiver verifies with `verify`). */
export async function hubspotSignatureV3(input: HubSpotSigningInput): Promise<string> {
  const key = await importHmacKey(input.secret);
  return bytesToBase64(await hmacSha256(key, v3SignedBytes(input.method, input.url, input.body, input.timestamp)));
}

/** Computes a v1 or v2 signature as HubSpot sends it. */
export async function hubspotLegacySignature(version: 'v1' | 'v2', input: Omit<HubSpotSigningInput, 'timestamp'>): Promise<string> {
  return bytesToHex(await sha256(legacySignedBytes(version, input.secret, input.method, input.url, input.body)));
}
