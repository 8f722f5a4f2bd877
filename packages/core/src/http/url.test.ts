import { describe, expect, it } from 'vitest';
import { buildUrl, fillPath, normalizeBaseUrl } from './url.js';

describe('URLs', () => {
  it('keeps a base path prefix and drops trailing slashes', () => {
    const base = normalizeBaseUrl('https://api.openweathermap.org/data/2.5/');
    expect(buildUrl(base, '/weather', { q: 'London' }).href).toBe('https://api.openweathermap.org/data/2.5/weather?q=London');
    expect(buildUrl(base, '').href).toBe('https://api.openweathermap.org/data/2.5');
    expect(buildUrl(normalizeBaseUrl('https://h.example'), 'x', { a: ['1', 2], b: true, c: null }).href).toBe('https://h.example/x?a=1&a=2&b=true');
  });

  it('encodes every path parameter and rejects missing ones', () => {
    expect(fillPath('/v2/hex/{hex}/{n}', { hex: '../admin', n: 5 })).toBe('/v2/hex/..%2Fadmin/5');
    expect(() => fillPath('/v2/hex/{hex}', { hex: '' })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });

  it('refuses a path parameter "." or ".." (the URL parser would resolve it to another path)', () => {
    for (const id of ['.', '..']) {
      let thrown: unknown;
      try {
        fillPath('/crm/v3/objects/contacts/{id}', { id });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'id', message: 'must not be "." or ".."' }] });
    }
    // Dots inside a value are harmless: only a whole segment "." or ".." is resolved.
    expect(fillPath('/files/{name}', { name: '...' })).toBe('/files/...');
    expect(fillPath('/files/{name}', { name: 'a..b' })).toBe('/files/a..b');
  });

  it('rejects bad base URLs', () => {
    expect(() => normalizeBaseUrl('nope')).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => normalizeBaseUrl('ws://x.example')).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
