import { defineStreams, parseStreamParams, validateInput, type StreamPage, type StreamReadArgs } from '@cf/core';
import * as z from '@cf/core/zod';
import type { {{className}} } from './{{name}}-connector.js';
import { metadata } from './metadata.js';
import { itemSchema } from './schemas.js';

// The streams `sync()` (`@cf/load`) and `cf sync` land in tables, declared in src/metadata.ts (`streams`).

const SOURCE = '{{name}}';

const noParams = z.lazySchema(() => z.strictObject({}));
const checkpointSchema = z.lazySchema(() => z.strictObject({ checkpoint: z.nullable(z.string().check(z.minLength(1, 'must be a page checkpoint saved by this stream'))) }));

/**
 * `items`: every item, a page of the API's list per stream page (full refresh). Each page's checkpoint is the
 * list's own, so a read cut short resumes after the last page the destination committed.
 */
async function* readItems(connector: {{className}}, { checkpoint, params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const declaration = metadata.streams?.find((s) => s.name === 'items');
  if (declaration) parseStreamParams(declaration, params, noParams, SOURCE);
  const start = validateInput(checkpointSchema, { checkpoint }, 'Invalid items checkpoint', SOURCE).checkpoint;
  const pages = connector.items.list({ pageSize: 100, ...(start !== null ? { start } : {}) }, signal ? { signal } : {}).pages();
  for await (const page of pages) yield { items: page.items, checkpoint: page.checkpoint ?? null, hasMore: page.hasMore };
}

/** `{{className}}.streams()`: `items`. */
export const {{camelName}}Streams = defineStreams<{{className}}>(metadata.streams, {
  items: { schema: () => itemSchema, read: readItems },
});
