import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from './link-header.js';

describe('parseLinkHeader', () => {
  it('reads rel values, quoted or not, several per link', () => {
    const header = '<https://shop.example/products.json?page_info=abc&limit=50>; rel="next", <https://shop.example/products.json?page_info=xyz>; rel=previous, <https://x.example/a>; rel="first last"';
    expect(parseLinkHeader(header)).toEqual({
      next: 'https://shop.example/products.json?page_info=abc&limit=50',
      previous: 'https://shop.example/products.json?page_info=xyz',
      first: 'https://x.example/a',
      last: 'https://x.example/a',
    });
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader('garbage <unterminated')).toEqual({});
  });

  it('handles a 100,000-character header in linear time (no ReDoS)', () => {
    const header = `<https://a.example/${'x'.repeat(100_000)}>; rel="next"; ${';'.repeat(50_000)}`;
    expect(parseLinkHeader(header).next).toHaveLength(100_018);
    const many = Array.from({ length: 5000 }, (_, i) => `<https://a.example/${i}>; rel="r${i}"`).join(', ');
    expect(Object.keys(parseLinkHeader(many))).toHaveLength(5000);
  });
});
