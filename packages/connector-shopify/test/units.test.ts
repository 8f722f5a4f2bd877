import { describe, expect, it } from 'vitest';
import { isParsingError } from './guards.js';
import {
  estimateOperationCost,
  gidToBigInt,
  gidToId,
  isGid,
  jsonLines,
  nestByParentId,
  parseDocument,
  parseGid,
  requireGid,
  toGid,
  type BulkRecord,
} from '../src/index.js';
import { jsonlEntries } from '../src/jsonl.js';
import { advance, toCheckpoint } from '../src/sync-checkpoint.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Plain `Uint8Array` chunks, as core's stream bodies yield on every runtime. */
async function* chunks(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? utf8(p) : p;
}
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const cost = (query: string, variables?: Record<string, unknown>) => {
  const doc = parseDocument(query);
  return estimateOperationCost(doc.operations[0]!, doc.fragments, variables);
};

describe('GIDs', () => {
  it('parses, builds and checks GIDs; ids stay strings', () => {
    expect(parseGid('gid://shopify/Order/450789469')).toEqual({ type: 'Order', id: '450789469', params: {} });
    expect(parseGid('gid://shopify/InventoryLevel/97400045624?inventory_item_id=44721110270008')).toEqual({
      type: 'InventoryLevel',
      id: '97400045624',
      params: { inventory_item_id: '44721110270008' },
    });
    expect(parseGid('450789469')).toBeUndefined();
    expect(gidToId('gid://shopify/Order/450789469')).toBe('450789469');
    expect(gidToBigInt('gid://shopify/Order/18446744073709551615')).toBe(18446744073709551615n);
    expect(toGid('Product', 42)).toBe('gid://shopify/Product/42');
    expect(isGid('gid://shopify/Product/1', 'Product')).toBe(true);
    expect(isGid('gid://shopify/Product/1', 'Order')).toBe(false);
    expect(requireGid('Order', '5')).toBe('gid://shopify/Order/5');
    expect(() => requireGid('Order', 'gid://shopify/Product/5')).toThrow(/must be a Order GID/);
    expect(() => gidToId('gid://shopify/Product/abc')).toThrow(/numeric id/);
    expect(() => toGid('Product', '1.5')).toThrow(/non-negative integer/);
  });
});

describe('query cost estimate (Shopify documented rules)', () => {
  it('objects 1, scalars 0, connections 2 + first × item, mutations 10', () => {
    expect(cost('{ shop { id name } }')).toBe(1);
    expect(cost('{ products(first: 10) { nodes { id } pageInfo { hasNextPage } } }')).toBe(12);
    expect(cost('query ($n: Int!) { products(first: $n) { edges { cursor node { id variants(first: 5) { nodes { id } } } } } }', { n: 50 })).toBe(2 + 50 * (1 + 2 + 5));
    expect(cost('{ orders(first: 2) { nodes { customer { id } totalPriceSet { shopMoney { amount } } } } }')).toBe(2 + 2 * (1 + 1 + 2));
    expect(cost('mutation { a: productCreate(product: {title: "a"}) { product { id } } b: productCreate(product: {title: "b"}) { product { id } } }')).toBe(20);
  });

  it('takes the most expensive of inline fragments and named fragments', () => {
    expect(cost('{ node(id: "x") { ... on Product { variants(first: 10) { nodes { id } } } ... on Order { id } } }')).toBe(1 + 12);
    expect(cost('query { products(first: 3) { nodes { ...P } } } fragment P on Product { collections(first: 2) { nodes { id } } }')).toBe(2 + 3 * (1 + 4));
  });

  it('reads strings, block strings, comments, directives and variable definitions', () => {
    const doc = parseDocument(`
      # a comment
      query Q($q: String = "a \\"quoted\\" {brace}", $first: Int! = 5) @cached(ttl: 60) {
        products(first: $first, query: $q) @include(if: true) { nodes { id description(truncateAt: -1) } }
        x: shop { note: name }
      }
      mutation M { bulkOperationRunQuery(query: """{ products { edges { node { id } } } }""") { bulkOperation { id } } }
    `);
    expect(doc.operations.map((o) => o.name)).toEqual(['Q', 'M']);
    expect(estimateOperationCost(doc.operations[0]!, doc.fragments, { first: 5 })).toBe(2 + 5 + 1);
  });
});

describe('JSON Lines', () => {
  it('splits lines across chunks, keeps multi-byte characters intact, tolerates CRLF and blank lines', async () => {
    const euro = utf8('{"a":"€"}\n');
    const rows = await collect(jsonLines(chunks('{"id":"1"}\r\n{"i', 'd":"2"}\n\n', euro.subarray(0, 8), euro.subarray(8), '{"id":"3"}')));
    expect(rows).toEqual([{ id: '1' }, { id: '2' }, { a: '€' }, { id: '3' }]);
  });

  it('knows the byte offset where each line ends (multi-byte characters counted in bytes), from a resumed start', async () => {
    const euro = utf8('{"a":"€"}\n');
    const entries = await collect(jsonlEntries(chunks('{"id":"1"}\r\n\n', euro.subarray(0, 8), euro.subarray(8), '{"id":"3"}'), { startByte: 100, startLine: 4 }));
    expect(entries).toEqual([
      { record: { id: '1' }, end: 112, line: 5 },
      { record: { a: '€' }, end: 112 + 1 + euro.length, line: 7 },
      { record: { id: '3' }, end: 112 + 1 + euro.length + 10, line: 8 },
    ]);
    const bad = await collect(jsonlEntries(chunks('[1]\n'), { startLine: 41 })).catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(/^Line 42 of the bulk result/);
  });

  it('reads plain Uint8Array chunks (not Node Buffers): several lines per chunk, offsets in bytes, the line limit', async () => {
    const file = utf8('{"id":"1"}\n{"id":"2","t":"x"}\n{"id":"3"}\n');
    const parts = [file.subarray(0, 25), file.subarray(25)];
    expect(parts.every((p) => Object.getPrototypeOf(p) === Uint8Array.prototype)).toBe(true);
    const entries = await collect(jsonlEntries(chunks(...parts)));
    expect(entries).toEqual([
      { record: { id: '1' }, end: 11, line: 1 },
      { record: { id: '2', t: 'x' }, end: 30, line: 2 },
      { record: { id: '3' }, end: 41, line: 3 },
    ]);
    expect(entries.at(-1)?.end).toBe(file.length);
    // A copy into a fresh buffer, and a view into the middle of a larger one, read the same.
    const padded = new Uint8Array(file.length + 8);
    padded.set(file, 4);
    expect(await collect(jsonLines(chunks(file.slice(), padded.subarray(4, 4 + file.length))))).toHaveLength(6);
    const long = await collect(jsonLines(chunks(utf8('{"x":"'), new Uint8Array(60).fill(0x79)), 50)).catch((e: unknown) => e);
    expect(isParsingError(long)).toBe(true);
  });

  it('decodes a line whose multi-byte UTF-8 characters straddle chunk boundaries, at every split point', async () => {
    // 2-, 3- and 4-byte characters (é, €, 日, 😀) and a surrogate pair inside an escaped key.
    const text = '{"id":"gid://shopify/Product/1","title":"Café € 日本 😀","k😀":"ok"}';
    const line = utf8(`${text}\n`);
    const expected = JSON.parse(text) as BulkRecord;
    for (let cut = 1; cut < line.length; cut += 1) {
      const entries = await collect(jsonlEntries(chunks(line.subarray(0, cut), line.subarray(cut))));
      expect(entries, `split at byte ${cut}`).toEqual([{ record: expected, end: line.length, line: 1 }]);
    }
    // One byte per chunk: every character arrives in pieces, and no U+FFFD appears.
    const oneByOne = Array.from(line, (b) => Uint8Array.of(b));
    const [record] = await collect(jsonLines(chunks(...oneByOne)));
    expect(record).toEqual(expected);
    expect(JSON.stringify(record)).not.toContain('\uFFFD');
    // The same split on an unterminated last line (parsed when the stream ends).
    const last = utf8(text);
    const split = last.indexOf(0xf0) + 2; // inside the 4-byte 😀
    expect(await collect(jsonLines(chunks(utf8('{"id":"0"}\n'), last.subarray(0, split), last.subarray(split))))).toEqual([{ id: '0' }, expected]);
  });

  it('a line that is not a JSON object is PARSING_ERROR naming the line', async () => {
    const error = await collect(jsonLines(chunks('{"id":"1"}\n[1,2]\n'))).catch((e: unknown) => e);
    expect(isParsingError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Line 2 of the bulk result/);
    const long = await collect(jsonLines(chunks('{"x":"' + 'y'.repeat(100)), 50)).catch((e: unknown) => e);
    expect(isParsingError(long)).toBe(true);
  });

  it('nests children (and grandchildren) under their parents', async () => {
    const records: BulkRecord[] = [
      { id: 'gid://shopify/Product/1' },
      { id: 'gid://shopify/ProductVariant/11', __parentId: 'gid://shopify/Product/1' },
      { id: 'gid://shopify/InventoryLevel/111', __parentId: 'gid://shopify/ProductVariant/11' },
      { id: 'gid://shopify/Product/2' },
    ];
    const nested = await collect(nestByParentId((async function* () { yield* records; })()));
    expect(nested).toHaveLength(2);
    expect(nested[0]?.__children?.[0]?.__children?.[0]?.id).toBe('gid://shopify/InventoryLevel/111');
    expect(nested[1]?.__children).toBeUndefined();
    const orphan = await collect(nestByParentId((async function* () { yield { id: 'c', __parentId: 'nowhere' }; })())).catch((e: unknown) => e);
    expect(isParsingError(orphan)).toBe(true);
  });
});

describe('sync checkpoint', () => {
  it('accepts a Date, an ISO string with offset, a checkpoint or nothing', () => {
    expect(toCheckpoint(new Date('2025-01-01T00:00:00Z')).since).toBe('2025-01-01T00:00:00.000Z');
    expect(toCheckpoint('2025-01-01T02:00:00+02:00').since).toBe('2025-01-01T00:00:00Z');
    expect(toCheckpoint(undefined).since).toBeNull();
  });

  it('a page that ends the run moves since to the newest timestamp and remembers the ids seen there', () => {
    const start = toCheckpoint('2025-01-01T00:00:00Z');
    const page = advance(start, [
      { id: 'a', updatedAt: '2025-01-01T00:00:00Z' },
      { id: 'b', updatedAt: '2025-01-02T00:00:00Z' },
      { id: 'c', updatedAt: '2025-01-02T00:00:00Z' },
    ], { hasNextPage: false, endCursor: 'x' });
    expect(page.next).toBeUndefined();
    expect(page.checkpoint).toMatchObject({ since: '2025-01-02T00:00:00Z', seen: ['b', 'c'], after: null });
    const rerun = advance(page.checkpoint, [{ id: 'b', updatedAt: '2025-01-02T00:00:00Z' }, { id: 'd', updatedAt: '2025-01-02T00:00:00Z' }], { hasNextPage: false });
    expect(rerun.items.map((i) => i.id)).toEqual(['d']);
    expect(rerun.checkpoint.seen).toEqual(['b', 'c', 'd']);
  });
});
