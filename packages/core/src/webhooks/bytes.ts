/**
 * Byte encodings for signatures, with web APIs only (`btoa`, `atob`, `TextEncoder`): core never uses `Buffer`.
 * Decoders return undefined for malformed input, so a garbled signature header is a mismatch, never a crash.
 */

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Joins byte arrays into one. */
export function joinBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Standard base64 of bytes (signature headers). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (padding optional) to bytes; undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const value = text.trim();
  if (!BASE64.test(value) || value.length % 4 === 1) return undefined;
  try {
    const binary = atob(value);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** Lower-case hex of bytes (digests). */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Hex (either case) to bytes; undefined when it is not an even-length hex string. */
export function hexToBytes(text: string): Uint8Array | undefined {
  const value = text.trim();
  if (value.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(value)) return undefined;
  const out = new Uint8Array(value.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = Number.parseInt(value.slice(i * 2, i * 2 + 2), 16);
  return out;
}
