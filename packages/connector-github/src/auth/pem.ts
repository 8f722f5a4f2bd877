import { ValidationError } from '@cf/core';

/**
 * PEM keys as WebCrypto takes them. GitHub hands out an app's key as PKCS#1 (`BEGIN RSA PRIVATE KEY`), which
 * `crypto.subtle.importKey` does not read: it takes PKCS#8, the same key wrapped in a PrivateKeyInfo that names
 * the algorithm. Web APIs only (atob, Uint8Array): no Buffer, no node:crypto, so it runs on every runtime.
 */

/** The DER bytes of a PEM block, and whether it was PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`). */
export function pemToDer(pem: string): { der: Uint8Array; format: 'pkcs1' | 'pkcs8' } {
  const match = /-----BEGIN (RSA )?PRIVATE KEY-----([\s\S]*?)-----END (RSA )?PRIVATE KEY-----/.exec(pem);
  if (!match || Boolean(match[1]) !== Boolean(match[3])) {
    throw new ValidationError({
      message: 'The GitHub App private key is not a PEM private key: paste the whole .pem file GitHub generated, BEGIN and END lines included.',
      issues: [{ path: 'app.privateKey', message: 'must be a PEM private key' }],
      source: 'github',
    });
  }
  let binary: string;
  try {
    binary = atob((match[2] ?? '').replace(/\s+/g, ''));
  } catch {
    throw new ValidationError({
      message: 'The GitHub App private key is not valid base64 between its BEGIN and END lines.',
      issues: [{ path: 'app.privateKey', message: 'must be a PEM private key' }],
      source: 'github',
    });
  }
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) der[i] = binary.charCodeAt(i);
  return { der, format: match[1] ? 'pkcs1' : 'pkcs8' };
}

/** A DER length: short form below 128, else 0x80 | the count of the big-endian length bytes that follow. */
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  const head = [tag, ...derLength(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head, 0);
  out.set(content, head.length);
  return out;
}

/** `version 0` and `AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }`. */
const VERSION_AND_RSA_ALGORITHM = [0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo: SEQUENCE { 0, rsaEncryption, OCTET STRING { key } }. */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const key = tlv(0x04, pkcs1);
  const content = new Uint8Array(VERSION_AND_RSA_ALGORITHM.length + key.length);
  content.set(VERSION_AND_RSA_ALGORITHM, 0);
  content.set(key, VERSION_AND_RSA_ALGORITHM.length);
  return tlv(0x30, content);
}

/** The PKCS#8 DER of a PEM private key in either format. */
export function pemToPkcs8(pem: string): Uint8Array {
  const { der, format } = pemToDer(pem);
  return format === 'pkcs1' ? pkcs1ToPkcs8(der) : der;
}
