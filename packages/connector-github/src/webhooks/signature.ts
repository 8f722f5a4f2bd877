import { hmacSha256, importHmacKey } from '@cf/core';
import { bytesToHex, hexToBytes, utf8Bytes } from '@cf/core/internal';

/** `X-Hub-Signature-256: sha256=<64 hex digits>`: what GitHub sends when the webhook has a secret. */
const SIGNATURE_256 = /^sha256=([0-9a-f]{64})$/i;

/** The HMAC-SHA256 digest an `X-Hub-Signature-256` value carries, or undefined when it is not `sha256=` + 64 hex digits. */
export function parseSignature256(value: string): Uint8Array | undefined {
  const match = SIGNATURE_256.exec(value.trim());
  return match?.[1] === undefined ? undefined : hexToBytes(match[1]);
}

/**
 * The `X-Hub-Signature-256` value GitHub sends for `body` (the raw bytes, whatever the content type) signed with
 * the webhook's `secret`: `sha256=` + the lower-case hex HMAC-SHA256. For tests and tools that replay deliveries.
 */
export async function githubSignature256(secret: string, body: Uint8Array | string): Promise<string> {
  const key = await importHmacKey(secret);
  return `sha256=${bytesToHex(await hmacSha256(key, typeof body === 'string' ? utf8Bytes(body) : body))}`;
}
