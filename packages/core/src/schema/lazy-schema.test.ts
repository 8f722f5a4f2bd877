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

describe('lazySchema: no stand-in on the parse path', () => {
  it('a schema built from stand-ins holds the real schemas (fields, wrappers, arrays, unions), anywhere in what the thunk built', () => {
    const city = z.lazySchema(() => z.string());
    const address = z.lazySchema(() => z.object({ city, zip: z.optional(city), tags: z.array(city), kind: z.union([city, z.number()]) }));
    const person = z.lazySchema(() => z.object({ address }));
    expect(z.parse(person, { address: { city: 'a', tags: ['x'], kind: 1 } })).toEqual({ address: { city: 'a', tags: ['x'], kind: 1 } });
    const realCity = z.realSchema(city);
    const shape = z.realSchema(address)._zod.def.shape;
    expect(z.realSchema(person)._zod.def.shape.address).toBe(z.realSchema(address));
    expect(shape.city).toBe(realCity);
    expect(shape.zip._zod.def.innerType).toBe(realCity);
    expect(shape.tags._zod.def.element).toBe(realCity);
    expect(shape.kind._zod.def.options[0]).toBe(realCity);
    expect(z.parse(address, { city: 'b', zip: 'c', tags: [], kind: 'd' })).toEqual({ city: 'b', zip: 'c', tags: [], kind: 'd' });
    expect(realCity).not.toBe(city);
  });
});
