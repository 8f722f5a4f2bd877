import { describe, expect, it } from 'vitest';
import * as z from './zod.js';

describe('lazySchema: schemas cost nothing until used', () => {
  it('builds nothing on declaration, once on first touch, and then behaves as the schema itself', () => {
    let built = 0;
    const address = z.lazySchema(() => (built++, z.object({ city: z.string() })));
    const person = z.lazySchema(() => (built++, z.object({ name: z.string().check(z.minLength(1)), address: z.optional(address) })));
    expect(built).toBe(0);
    expect(z.safeParse(person, { name: 'Ada', address: { city: 'London' } }).success).toBe(true);
    expect(built).toBe(2);
    const bad = z.safeParse(person, { name: '', address: { city: 1 } });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'name: Too small: expected string to have >=1 characters',
      'address.city: Invalid input: expected string, received number',
    ]);
    expect(built).toBe(2);
  });

  it('works where zod needs the real object: .shape, z.extend, instanceof, the parse methods', () => {
    const base = z.lazySchema(() => z.object({ id: z.string() }));
    const extended = z.extend(base, { n: z.optional(z.int()) });
    expect(Object.keys(base.shape)).toEqual(['id']);
    expect(z.parse(extended, { id: 'x', n: 2 })).toEqual({ id: 'x', n: 2 });
    expect(base instanceof z.ZodMiniObject).toBe(true);
    expect(base.parse({ id: 'y' })).toEqual({ id: 'y' });
    expect(() => base.parse({})).toThrow(/expected string/);
  });

  it('English messages are configured (zod/mini alone would say only "Invalid input")', () => {
    expect(z.safeParse(z.number(), 'x').error?.issues[0]?.message).toBe('Invalid input: expected number, received string');
  });
});
