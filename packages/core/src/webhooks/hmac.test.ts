import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes, joinBytes, utf8 } from './bytes.js';
import { hmacSha256, importHmacKey, matchesAny, sha256, verifyHmacSha256 } from './hmac.js';
import { timingSafeEqual } from './timing-safe-equal.js';

describe('webhook signing primitives (WebCrypto)', () => {
  it('HMAC-SHA256 matches the RFC 4231 test vector, and verify accepts it under any of several keys', async () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    const key = await importHmacKey('Jefe');
    const mac = await hmacSha256(key, utf8('what do ya want for nothing?'));
    expect(bytesToHex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const other = await importHmacKey('rotated-out');
    expect(await verifyHmacSha256([other, key], utf8('what do ya want for nothing?'), mac)).toBe(true);
    expect(await verifyHmacSha256([other], utf8('what do ya want for nothing?'), mac)).toBe(false);
    expect(await verifyHmacSha256([key], utf8('what do ya want for nothing!'), mac)).toBe(false);
    expect(key.extractable).toBe(false);
  });

  it('SHA-256 and the encodings round-trip; garbled input decodes to undefined, never throws', async () => {
    expect(bytesToHex(await sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bytes = new Uint8Array([0, 1, 127, 128, 254, 255]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(hexToBytes(bytesToHex(bytes))).toEqual(bytes);
    expect(hexToBytes('ABcd')).toEqual(new Uint8Array([0xab, 0xcd]));
    for (const bad of ['not base64!', 'a', '====']) expect(base64ToBytes(bad)).toBeUndefined();
    for (const bad of ['abc', 'zz', 'sha256=ab']) expect(hexToBytes(bad)).toBeUndefined();
    expect(joinBytes(utf8('a'), utf8('bc'))).toEqual(utf8('abc'));
  });

  it('compares in constant time: equal, different at the first or last byte, different lengths', () => {
    const a = new Uint8Array(32).fill(7);
    expect(timingSafeEqual(a, new Uint8Array(32).fill(7))).toBe(true);
    const first = new Uint8Array(32).fill(7);
    first[0] = 8;
    const last = new Uint8Array(32).fill(7);
    last[31] = 8;
    expect(timingSafeEqual(a, first)).toBe(false);
    expect(timingSafeEqual(a, last)).toBe(false);
    expect(timingSafeEqual(a, new Uint8Array(31).fill(7))).toBe(false);
    expect(matchesAny([first, a], new Uint8Array(32).fill(7))).toBe(true);
    expect(matchesAny([first, last], a)).toBe(false);
  });
});
