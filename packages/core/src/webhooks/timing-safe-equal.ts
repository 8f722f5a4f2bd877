/**
 * Compares two byte arrays in time that depends only on their length, never on where they first differ, so an
 * attacker cannot find a valid signature byte by byte by timing the answers. Lengths are not secret (a SHA-256
 * digest is always 32 bytes), so different lengths return false at once.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i += 1) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
