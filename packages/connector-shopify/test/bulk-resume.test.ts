import { afterEach, describe, expect, it } from 'vitest';
import { isConnectorError } from '@cf/core';
import { startMockServer, type MockServer } from '@cf/core/testing';
import type { BulkRecord } from '../src/index.js';
import type { MockBulkOptions } from '../src/mocks/index.js';
import { startShopify, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
let storage: MockServer | undefined;
afterEach(async () => {
  await h?.close();
  await storage?.close();
  h = undefined;
  storage = undefined;
});

const QUERY = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';
const LINES = 3000;

/** A shop and, on another origin, its storage host serving the result file (like storage.googleapis.com). */
async function withStorage(bulk: MockBulkOptions): Promise<{ h: Harness; storage: MockServer; options: MockBulkOptions }> {
  const options: MockBulkOptions = { lines: LINES, childrenPerRoot: 2, ...bulk };
  h = await startShopify({ mock: { bulk: options } });
  storage = await startMockServer(h.mock.handlers);
  options.resultOrigin = storage.baseUrl;
  return { h, storage, options };
}

/** The ids the mock writes, in file order: a root, then its two variants. */
function expectedIds(lines: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < lines; i += 1) {
    const root = Math.floor(i / 3);
    ids.push(i % 3 === 0 ? `gid://shopify/Product/${1_000_000 + root}` : `gid://shopify/ProductVariant/${50_000_000 + root * 100 + (i % 3)}`);
  }
  return ids;
}

/** Bytes of the first `count` lines, as the mock wrote them (JSON.stringify of each record, then a newline). */
function bytesOf(rows: BulkRecord[], count: number): number {
  return rows.slice(0, count).reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)) + 1, 0);
}

async function fileSize(h: Harness): Promise<number> {
  const op = await h.shopify.bulk.current();
  return Number(op?.fileSize);
}

describe('bulk download: a result cut mid-body', () => {
  it('is a typed NETWORK_ERROR (not a raw socket error) when resuming is off, with how far it got', async () => {
    const { h } = await withStorage({ cutAtBytes: [100_000] });
    const rows: BulkRecord[] = [];
    const errors: unknown[] = [];
    h.shopify.on('error', (e) => errors.push(e));
    const error = await (async () => {
      for await (const row of h.shopify.bulk.run(QUERY, { maxResumes: 0 })) rows.push(row);
    })().catch((e: unknown) => e);
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: false, details: { reason: 'bulk_download_interrupted', objectsDelivered: rows.length, bytesDelivered: bytesOf(rows, rows.length), resumes: 0 } });
    expect(rows.length).toBeGreaterThan(0);
    expect(bytesOf(rows, rows.length)).toBeLessThanOrEqual(100_000);
    expect((error as Error).message).toMatch(new RegExp(`after ${rows.length} objects \\(${bytesOf(rows, rows.length)} bytes\\)`));
  });

  it('resumes with Range from the byte after the last complete line (206): every object exactly once, in order', async () => {
    const { h, storage, options } = await withStorage({});
    // A first run learns the file size; the mock reads its options live, so the next download is cut mid-line.
    for await (const row of h.shopify.bulk.run(QUERY)) void row;
    const size = await fileSize(h);
    const cut = Math.floor(size / 2) + 7;
    options.cutAtBytes = [cut];
    storage.requests.length = 0;
    const resumes: Array<{ resume: number; fromByte: number; objectsDelivered: number }> = [];
    h.shopify.on('bulkDownloadResume', (e) => resumes.push(e));
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);

    expect(rows.map((r) => r.id)).toEqual(expectedIds(LINES));
    expect(resumes).toHaveLength(1);
    const [resume] = resumes;
    expect(resume?.resume).toBe(1);
    expect(resume?.fromByte).toBe(bytesOf(rows, resume?.objectsDelivered ?? 0));
    // The cut fell inside the next line: that partial line was dropped and read again.
    expect(resume!.fromByte).toBeLessThan(cut);
    expect(resume!.fromByte + Buffer.byteLength(JSON.stringify(rows[resume!.objectsDelivered])) + 1).toBeGreaterThan(cut);
    expect(storage.requests).toHaveLength(2);
    expect(storage.requests[0]?.headers.range).toBeUndefined();
    expect(storage.requests[1]?.headers.range).toBe(`bytes=${resume?.fromByte}-`);
    expect(storage.requests[1]?.path).toBe(storage.requests[0]?.path);
    expect(storage.requests[1]?.query.get('Signature')).toBe('mock-signature');
  });

  it('a storage host that ignores Range (200): reads the file again and skips the bytes already delivered', async () => {
    const { h, storage } = await withStorage({ range: 'ignore', cutAtBytes: [150_003] });
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);
    expect(rows.map((r) => r.id)).toEqual(expectedIds(LINES));
    expect(storage.requests).toHaveLength(2);
    expect(storage.requests[1]?.headers.range).toMatch(/^bytes=\d+-$/);
  });

  it('with nest: true, resuming does not break the nesting', async () => {
    const { h } = await withStorage({ cutAtBytes: [50_001, 120_002] });
    const roots: BulkRecord[] = [];
    for await (const root of h.shopify.bulk.run(QUERY, { nest: true })) roots.push(root);
    expect(roots).toHaveLength(LINES / 3);
    expect(roots.every((r) => r.__children?.length === 2)).toBe(true);
  });

  it('after maxResumes cuts, a typed error says how far it got; nothing is delivered twice', async () => {
    const cuts = [40_000, 80_000, 120_000, 160_000, 200_000, 240_000, 280_000];
    const { h, storage } = await withStorage({ cutAtBytes: cuts });
    const rows: BulkRecord[] = [];
    const error = await (async () => {
      for await (const row of h.shopify.bulk.run(QUERY, { maxResumes: 3 })) rows.push(row);
    })().catch((e: unknown) => e);
    expect(storage.requests).toHaveLength(4);
    expect(rows.map((r) => r.id)).toEqual(expectedIds(LINES).slice(0, rows.length));
    expect(bytesOf(rows, rows.length)).toBeLessThanOrEqual(160_000);
    expect(error).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: false,
      details: { reason: 'bulk_download_interrupted', resumes: 3, objectsDelivered: rows.length, bytesDelivered: bytesOf(rows, rows.length) },
    });
    expect((error as Error).message).toMatch(/interrupted 4 times/);
    expect((error as Error).message).toContain(`bulk.download(url, { fromByte: ${bytesOf(rows, rows.length)} })`);

    // What the message advises: the rest of the file, from where it stopped; every object once overall.
    const url = (await h.shopify.bulk.current())?.url;
    const rest: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.download(url!, { fromByte: bytesOf(rows, rows.length) })) rest.push(row);
    expect([...rows, ...rest].map((r) => r.id)).toEqual(expectedIds(LINES));
    // (The mock cuts that download too: it resumes as any other.)
    expect(storage.requests[4]?.headers.range).toBe(`bytes=${bytesOf(rows, rows.length)}-`);
  });

  it('a host that drops the connection before a complete line arrives is asked again only as retry.maxAttempts allows', async () => {
    // Three cuts in a row at byte 0 (or a body silent past timeoutMs): the default policy's 3 attempts, then a typed error.
    const { h, storage } = await withStorage({ lines: 30, cutAtBytes: [0, 0, 0] });
    const rows: BulkRecord[] = [];
    const error = await (async () => {
      for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);
    })().catch((e: unknown) => e);
    expect(rows).toEqual([]);
    expect(storage.requests).toHaveLength(3);
    expect(storage.requests.map((r) => r.headers.range)).toEqual([undefined, undefined, undefined]);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: false, details: { reason: 'bulk_download_interrupted', objectsDelivered: 0, bytesDelivered: 0, resumes: 2 } });
    expect((error as Error).message).toMatch(/interrupted 3 times .* \(3 in a row before a complete line arrived; retry\.maxAttempts: 3\) after 0 objects/);
  });

  it('with retry: { maxAttempts: 1 }, a cut before the first line is not repeated', async () => {
    const { h, storage } = await withStorage({ lines: 30, cutAtBytes: [0] });
    const error = await (async () => {
      for await (const row of h.shopify.bulk.run(QUERY, {}, { retry: { maxAttempts: 1 } })) void row;
    })().catch((e: unknown) => e);
    expect(storage.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: false, details: { reason: 'bulk_download_interrupted', objectsDelivered: 0, resumes: 0 } });
  });

  it('a cut after new lines arrived starts the count of attempts without progress again', async () => {
    const { h, storage } = await withStorage({ cutAtBytes: [0, 0, 100_000, 100_000, 100_000] });
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);
    expect(rows.map((r) => r.id)).toEqual(expectedIds(LINES));
    // Two cuts without a line, one after lines up to byte 100,000, two more without a new line, then the rest.
    expect(storage.requests).toHaveLength(6);
    expect(storage.requests[3]?.headers.range).toMatch(/^bytes=\d+-$/);
  });

  it('fromByte at the end of the file: the host answers 416 and the download yields nothing', async () => {
    const { h, storage } = await withStorage({ lines: 30 });
    for await (const row of h.shopify.bulk.run(QUERY)) void row;
    const op = await h.shopify.bulk.current();
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.download(op!.url!, { fromByte: Number(op!.fileSize) })) rows.push(row);
    expect(rows).toEqual([]);
    expect(storage.requests.at(-1)?.headers.range).toBe(`bytes=${op!.fileSize}-`);
  });

  it('reports the download and its resume as events, with the signed URL redacted', async () => {
    const { h } = await withStorage({ cutAtBytes: [60_001] });
    const requests: string[] = [];
    const resumes: unknown[] = [];
    h.shopify.on('request', (e) => {
      if (e.url.includes('/bulk-results/')) requests.push(e.url);
    });
    h.shopify.on('bulkDownloadResume', (e) => resumes.push(e));
    for await (const row of h.shopify.bulk.run(QUERY)) void row;
    expect(requests).toHaveLength(2);
    expect(requests.join(' ')).not.toContain('mock-signature');
    expect(resumes).toEqual([{ requestId: expect.any(String), resume: 1, fromByte: expect.any(Number), objectsDelivered: expect.any(Number), reason: expect.stringMatching(/^NETWORK_ERROR: /) }]);
  });

  it('bad download options are a VALIDATION_ERROR before the network', async () => {
    const { h, storage } = await withStorage({});
    for (const options of [{ fromByte: -1 }, { maxResumes: 1.5 }, { maxResumes: -1 }, { resume: true }]) {
      const error = await h.shopify.bulk.download(`${storage.baseUrl}/bulk-results/1.jsonl`, options as never).next().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    const error = await (async () => h.shopify.bulk.run(QUERY, { maxResumes: 101 }).next())().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(storage.requests).toHaveLength(0);
    expect(h.requests()).toHaveLength(0);
  });
});

describe('bulk download: credentials', () => {
  it('never sends the shop token to the result URL, even on the API origin (a proxy, a mock)', async () => {
    h = await startShopify({ mock: { bulk: { lines: 9 } }, connector: { headers: { 'x-proxy-secret': 'proxy-only' } } });
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.run(QUERY)) rows.push(row);
    expect(rows).toHaveLength(9);
    const download = h.server.requests.find((r) => r.path.startsWith('/bulk-results/'));
    expect(download?.method).toBe('GET');
    expect(download?.headers['x-shopify-access-token']).toBeUndefined();
    expect(download?.headers['x-proxy-secret']).toBeUndefined();
    expect(JSON.stringify(download?.headers)).not.toContain(TOKEN);
    // The API calls themselves still carry it.
    expect(h.server.requests.find((r) => r.path.endsWith('/graphql.json'))?.headers['x-shopify-access-token']).toBe(TOKEN);
  });

  it('after disconnect(), a download fails with CLIENT_CLOSED and sends nothing; connect() opens it again', async () => {
    const { h, storage } = await withStorage({ lines: 6 });
    for await (const row of h.shopify.bulk.run(QUERY)) void row;
    const url = (await h.shopify.bulk.current())!.url!;
    const sent = storage.requests.length;
    await h.shopify.disconnect();
    const error = await h.shopify.bulk.download(url).next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(storage.requests).toHaveLength(sent);
    await h.shopify.connect();
    const rows: BulkRecord[] = [];
    for await (const row of h.shopify.bulk.download(url)) rows.push(row);
    expect(rows).toHaveLength(6);
  });
});
