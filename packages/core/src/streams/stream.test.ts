import { describe, expect, it } from 'vitest';
import * as z from '../schema/zod.js';
import { parseStreamParams } from './stream-params.js';
import { defineStreams } from './stream.js';

const declaration = {
  name: 'items',
  description: 'Every item, page by page',
  primaryKey: ['id'],
  syncMode: 'incremental' as const,
  cursorField: 'updatedAt',
  operation: 'items.list',
  params: { lat: { description: 'latitude', required: true, example: '51.5' }, units: { description: 'unit system', required: false, example: 'metric' } },
};

describe('defineStreams', () => {
  it('binds each declaration to its implementation and the connector', async () => {
    const bind = defineStreams<{ items: string[] }>([declaration], {
      items: {
        schema: () => z.object({ id: z.string() }),
        async *read(connector, { checkpoint }) {
          yield { items: connector.items.map((id) => ({ id })), checkpoint: checkpoint ?? 'end', hasMore: false };
        },
      },
    });
    const [stream] = bind({ items: ['a', 'b'] });
    expect(stream).toMatchObject({ name: 'items', primaryKey: ['id'], cursorField: 'updatedAt', operation: 'items.list' });
    const pages = [];
    for await (const page of stream!.read({ checkpoint: null })) pages.push(page);
    expect(pages).toEqual([{ items: [{ id: 'a' }, { id: 'b' }], checkpoint: 'end', hasMore: false }]);
    // Each binding gets its own copy of the key: a caller changing it changes nothing else.
    stream!.primaryKey.push('x');
    expect(bind({ items: [] })[0]!.primaryKey).toEqual(['id']);
  });

  it('names a declared stream without an implementation, and an implementation without a declaration', () => {
    const impl = { schema: () => z.object({}), read: async function* () {} };
    expect(() => defineStreams([declaration], {})({})).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/declared without an implementation: items/) }));
    expect(() => defineStreams([], { extra: impl })({})).toThrow(expect.objectContaining({ message: expect.stringMatching(/implemented but not declared in metadata.streams: extra/) }));
    expect(defineStreams(undefined, {})({})).toEqual([]);
  });
});

describe('parseStreamParams', () => {
  const schema = z.object({ lat: z.coerce.number(), units: z.optional(z.enum(['metric', 'imperial'])) });

  it('checks names against the declaration, then values against the schema', () => {
    expect(parseStreamParams(declaration, { lat: '51.5' }, schema)).toEqual({ lat: 51.5 });
    expect(() => parseStreamParams(declaration, { lat: '1', bogus: 'x' }, schema, 'toy')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR', source: 'toy', message: expect.stringMatching(/bogus: is not a parameter of stream items \(it takes lat, units\)/) }),
    );
    expect(() => parseStreamParams(declaration, {}, schema)).toThrow(expect.objectContaining({ message: expect.stringMatching(/lat: is required: latitude \(e\.g\. 51\.5\)/) }));
    expect(() => parseStreamParams(declaration, { lat: '  ' }, schema)).toThrow(expect.objectContaining({ message: expect.stringMatching(/lat: is required/) }));
    expect(() => parseStreamParams(declaration, { lat: '1', units: 'kelvin' }, schema)).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/Invalid items stream params/) }));
    expect(() => parseStreamParams({ name: 'none' }, { a: '1' }, z.object({}))).toThrow(expect.objectContaining({ message: expect.stringMatching(/it takes none/) }));
  });
});
