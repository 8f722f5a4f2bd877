import { StringDecoder } from 'node:string_decoder';
import { ParsingError } from '@cf/core';

/** One line of a bulk operation's result: an object, with `__parentId` when it is a nested connection's item. */
export type BulkRecord = {
  [key: string]: unknown;
  id?: string;
  __parentId?: string;
  /** With `nest: true`: the records whose `__parentId` is this record's id, in file order. */
  __children?: BulkRecord[];
};

/** Longest line accepted before failing: a guard against a body that is not JSONL. @default 16 MiB */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Parses JSON Lines from a stream of chunks, one record at a time: memory holds one chunk and one
 * partial line, never the file. Multi-byte characters split across chunks are kept intact.
 */
export async function* jsonLines(chunks: AsyncIterable<Buffer | string>, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<BulkRecord> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 0;
  const parse = (line: string): BulkRecord | undefined => {
    lineNumber += 1;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      return value as BulkRecord;
    } catch (cause) {
      throw new ParsingError({
        message: `Line ${lineNumber} of the bulk result is not a JSON object (${(cause as Error).message}).`,
        cause,
        source: 'shopify',
        details: { line: lineNumber, snippet: text.slice(0, 200) },
      });
    }
  };
  for await (const chunk of chunks) {
    carry += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let newline = carry.indexOf('\n'); newline !== -1; newline = carry.indexOf('\n', start)) {
      const record = parse(carry.slice(start, newline));
      start = newline + 1;
      if (record) yield record;
    }
    carry = carry.slice(start);
    if (carry.length > maxLineBytes) {
      throw new ParsingError({
        message: `A line of the bulk result exceeds ${maxLineBytes} characters; the body is not JSON Lines.`,
        source: 'shopify',
        details: { line: lineNumber + 1 },
      });
    }
  }
  carry += decoder.end();
  const last = parse(carry);
  if (last) yield last;
}

/**
 * Re-nests a bulk result: every record with a `__parentId` goes into its parent's `__children`, and a
 * root record is yielded once all its descendants have been read (Shopify writes children after their
 * parent, before the next root). Memory holds one root and its descendants.
 */
export async function* nestByParentId(records: AsyncIterable<BulkRecord>): AsyncGenerator<BulkRecord> {
  let root: BulkRecord | undefined;
  let index = new Map<string, BulkRecord>();
  for await (const record of records) {
    const parentId = record.__parentId;
    if (parentId === undefined) {
      if (root) yield root;
      root = record;
      index = new Map();
      if (typeof record.id === 'string') index.set(record.id, record);
      continue;
    }
    const parent = index.get(parentId);
    if (!parent) {
      throw new ParsingError({
        message:
          `The bulk result has a record whose parent ${parentId} did not come before it under the same root, so it cannot be nested. ` +
          'Read it with nest: false and group by __parentId yourself.',
        source: 'shopify',
        details: { parentId, id: record.id },
      });
    }
    (parent.__children ??= []).push(record);
    if (typeof record.id === 'string') index.set(record.id, record);
  }
  if (root) yield root;
}
