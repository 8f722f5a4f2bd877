import { isConnectorError } from '@cf/core';
import * as z from '@cf/core/zod';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('streams', () => {
  it('declares items as in src/metadata.ts and reads every item, a page at a time', async () => {
    const [items] = api.make().streams();
    expect(items?.name).toBe('items');
    expect(items?.primaryKey).toEqual(['id']);
    const rows: unknown[] = [];
    for await (const page of items!.read({ checkpoint: null })) rows.push(...page.items.map((r) => z.parse(items!.schema(), r)));
    expect(rows).toEqual(fixtures.items);
  });

  it('resumes from a saved checkpoint (the list cursor, an offset in the mocks)', async () => {
    const [items] = api.make().streams();
    const rows: unknown[] = [];
    for await (const page of items!.read({ checkpoint: '3' })) rows.push(...page.items);
    expect(rows).toEqual(fixtures.items.slice(3));
    expect(api.server.requests.map((r) => r.query.get('cursor'))).toEqual(['3']);
  });

  it('refuses a parameter the stream does not take (VALIDATION_ERROR)', async () => {
    const [items] = api.make().streams();
    const error = await items!.read({ checkpoint: null, params: { nope: '1' } })[Symbol.asyncIterator]().next().catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');
  });
});
