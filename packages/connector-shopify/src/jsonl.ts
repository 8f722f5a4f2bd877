import { ParsingError } from '@cf/core';

/** One line of a bulk operation's result: an object, with `__parentId` when it is a nested connection's item. */
export type BulkRecord = {
  [key: string]: unknown;
  /** The object's global id (`gid://shopify/…`), when the query selected it. */
  id?: string;
  /**
   * The global id of the record this one is nested under (a connection inside the bulk query); absent on top-level
   * records.
   */
  __parentId?: string;
  /** With `nest: true`: the records whose `__parentId` is this record's id, in file order. */
  __children?: BulkRecord[];
};

/** Longest line accepted before failing: a guard against a body that is not JSONL. @default 16 MiB */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** One record of a JSONL stream and where its line ends, in bytes from the start of the file. */
export interface JsonlEntry {
  record: BulkRecord;
  /** The byte offset just after this line's newline: where a resumed download starts reading again. */
  end: number;
  /** The line's number in the file (1-based). */
  line: number;
}

export interface JsonlReadOptions {
  maxLineBytes?: number;
  /** The byte offset of the first chunk in the file (a resumed download). @default 0 */
  startByte?: number;
  /** Lines already read before `startByte`, so messages keep naming lines of the whole file. @default 0 */
  startLine?: number;
}

const NEWLINE = 0x0a;

/** Joins the pieces of one line (all but the last came from earlier chunks) into one array. */
function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Reads JSON Lines from a stream of chunks, one record at a time, with the byte offset where each line ends:
 * memory holds one chunk and one partial line, never the file. Lines are split on the newline byte, which never
 * occurs inside a multi-byte UTF-8 character, so offsets are exact; only whole lines are decoded, so a character
 * split across chunks stays intact. A partial last line is parsed only when the stream ends normally (a stream cut
 * short throws before it). Chunks are bytes (any `Uint8Array`) or strings (encoded as UTF-8).
 */
export async function* jsonlEntries(chunks: AsyncIterable<Uint8Array | string>, options: JsonlReadOptions = {}): AsyncGenerator<JsonlEntry> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let lineNumber = options.startLine ?? 0;
  let offset = options.startByte ?? 0;
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  const encoder = new TextEncoder();
  // Lenient like a plain UTF-8 decode: invalid bytes become U+FFFD, and a byte order mark is kept as text, not dropped.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parse = (bytes: Uint8Array): BulkRecord | undefined => {
    lineNumber += 1;
    const line = decoder.decode(bytes);
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
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? encoder.encode(raw) : raw;
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, newline + 1);
      const line = carryBytes === 0 ? piece : concat([...carry, piece], carryBytes + piece.length);
      carry = [];
      carryBytes = 0;
      offset += line.length;
      start = newline + 1;
      const record = parse(line.subarray(0, line.length - 1));
      if (record) yield { record, end: offset, line: lineNumber };
    }
    if (start < chunk.length) {
      carry.push(chunk.subarray(start));
      carryBytes += chunk.length - start;
    }
    if (carryBytes > maxLineBytes) {
      throw new ParsingError({
        message: `A line of the bulk result exceeds ${maxLineBytes} bytes; the body is not JSON Lines.`,
        source: 'shopify',
        details: { line: lineNumber + 1 },
      });
    }
  }
  if (carryBytes > 0) {
    const line = concat(carry, carryBytes);
    offset += line.length;
    const record = parse(line);
    if (record) yield { record, end: offset, line: lineNumber };
  }
}

/** Parses JSON Lines from a stream of chunks, one record at a time (see `jsonlEntries`). */
export async function* jsonLines(chunks: AsyncIterable<Uint8Array | string>, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<BulkRecord> {
  for await (const entry of jsonlEntries(chunks, { maxLineBytes })) yield entry.record;
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
