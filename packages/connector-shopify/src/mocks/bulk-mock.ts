import { HttpResponse } from 'msw';
import { parseGid } from '../gid.js';
import { iso } from './store.js';

/**
 * Bulk operations as the mock runs them: an operation advances one step per status poll
 * (CREATED → RUNNING → the configured outcome), and its result is a JSONL file generated while it is
 * read (a ReadableStream pulled by the HTTP server), never held in memory.
 */
export interface MockBulkOptions {
  /** Lines in the result file (roots and their children). @default 9 */
  lines?: number;
  /** Children (`__parentId` lines) after each root. @default 2 */
  childrenPerRoot?: number;
  /** Status polls before the operation ends. @default 2 */
  pollsUntilDone?: number;
  /** How the operation ends. @default 'COMPLETED' */
  outcome?: 'COMPLETED' | 'FAILED' | 'CANCELED' | 'EXPIRED';
  /** `errorCode` of a FAILED operation. @default 'INTERNAL_SERVER_ERROR' */
  errorCode?: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';
  /** Origin of the result URL (Shopify's storage host); the request's own origin by default. */
  resultOrigin?: string;
  /** Characters of description added to each root line (to make large files). @default 0 */
  padding?: number;
  /**
   * How the storage host answers `Range: bytes=N-`: `'honour'` with 206 and `Content-Range` (Google Cloud Storage
   * does for signed URLs; a start past the end is 416), `'ignore'` with 200 and the whole file. @default 'honour'
   */
  range?: 'honour' | 'ignore';
  /**
   * Drops the connection mid-body: the i-th download of a result file stops after sending the file's byte
   * `cutAtBytes[i]` (an offset in the whole file, wherever the download started). Later downloads are whole.
   */
  cutAtBytes?: number[];
}

/**
 * A bulk operation as the mock keeps it (`ShopifyMock.bulkOperations`): Shopify's fields plus the mock's poll count
 * and origin.
 */
export interface MockBulkOperation {
  /** The operation's GID (`gid://shopify/BulkOperation/…`). */
  id: string;
  /** Its status; it moves CREATED → RUNNING → the configured outcome as it is polled. */
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';
  /** Shopify's error code on a failed operation (e.g. `ACCESS_DENIED`, `TIMEOUT`), else null. */
  errorCode: string | null;
  /** Creation time, ISO 8601. */
  createdAt: string;
  /** Completion time, ISO 8601, once it ended. */
  completedAt: string | null;
  /** Objects in the result so far (a string of digits, as Shopify's `UnsignedInt64`). */
  objectCount: string;
  /** Top-level objects in the result so far (a string of digits). */
  rootObjectCount: string;
  /** The result file's size in bytes (a string of digits) once completed, else null. */
  fileSize: string | null;
  /** The result file's signed URL once completed with at least one line, else null. */
  url: string | null;
  /** The partial result's URL after a failure, when there is one. */
  partialDataUrl: string | null;
  /** The bulk query it runs. */
  query: string;
  /** Status polls so far (the mock's own counter). */
  polls: number;
  /** The origin its result URL is built on (the request's, unless `resultOrigin` is set). */
  origin: string;
}

export interface BulkStats {
  /** Result lines generated so far (streamed), across downloads. */
  linesProduced: number;
}

function rootLine(n: number, padding: number): string {
  return JSON.stringify({
    id: `gid://shopify/Product/${1_000_000 + n}`,
    title: `Bulk product ${n}`,
    handle: `bulk-product-${n}`,
    updatedAt: '2025-01-15T08:00:00Z',
    ...(padding > 0 ? { descriptionHtml: `<p>${'x'.repeat(padding)}</p>` } : {}),
  });
}

function childLine(root: number, child: number): string {
  return JSON.stringify({
    id: `gid://shopify/ProductVariant/${50_000_000 + root * 100 + child}`,
    sku: `BULK-${root}-${child}`,
    price: '19.99',
    __parentId: `gid://shopify/Product/${1_000_000 + root}`,
  });
}

/** The n-th line (0-based) of a result with `childrenPerRoot` children after each root. */
export function bulkLine(index: number, childrenPerRoot: number, padding = 0): string {
  const group = childrenPerRoot + 1;
  const root = Math.floor(index / group);
  const position = index % group;
  return position === 0 ? rootLine(root, padding) : childLine(root, position);
}

/** What a result file holds: `lines` lines, `childrenPerRoot` children after each root, roots padded. */
export interface ResultFile {
  lines: number;
  childrenPerRoot: number;
  padding: number;
}

const sizes = new Map<string, number>();

/** The file's exact size in bytes (every line and its newline). */
export function resultFileSize(file: ResultFile): number {
  const key = `${file.lines}:${file.childrenPerRoot}:${file.padding}`;
  let size = sizes.get(key);
  if (size === undefined) {
    size = 0;
    for (let i = 0; i < file.lines; i += 1) size += Buffer.byteLength(bulkLine(i, file.childrenPerRoot, file.padding)) + 1;
    if (sizes.size > 50) sizes.clear();
    sizes.set(key, size);
  }
  return size;
}

/**
 * Streams the file from byte `from`, generating each batch of lines when the reader asks for it. With `cutAt`,
 * the stream errors once it has sent the file's byte `cutAt` (the server then drops the connection mid-body).
 */
export function resultStream(file: ResultFile, stats: BulkStats, from = 0, cutAt?: number, batch = 100): ReadableStream<Uint8Array> {
  const lineBytes = (i: number): Buffer => Buffer.from(`${bulkLine(i, file.childrenPerRoot, file.padding)}\n`);
  let next = 0;
  let position = 0;
  while (next < file.lines) {
    const length = Buffer.byteLength(bulkLine(next, file.childrenPerRoot, file.padding)) + 1;
    if (position + length > from) break;
    position += length;
    next += 1;
  }
  let skip = from - position;
  let sent = from;
  let cut = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (cut) {
        // Let the bytes already written reach the client before the connection drops.
        await new Promise((resolve) => setTimeout(resolve, 10));
        controller.error(new Error('the storage host dropped the connection mid-body'));
        return;
      }
      if (next >= file.lines) {
        controller.close();
        return;
      }
      const end = Math.min(file.lines, next + batch);
      const parts: Buffer[] = [];
      for (let i = next; i < end; i += 1) parts.push(lineBytes(i));
      stats.linesProduced += end - next;
      next = end;
      let bytes = Buffer.concat(parts);
      if (skip > 0) {
        bytes = bytes.subarray(skip);
        skip = 0;
      }
      if (cutAt !== undefined && sent + bytes.length > cutAt) {
        bytes = bytes.subarray(0, Math.max(0, cutAt - sent));
        cut = true;
      }
      sent += bytes.length;
      controller.enqueue(new Uint8Array(bytes));
    },
  });
}

/** `Range: bytes=N-` or `bytes=N-M` (one range), as a storage host reads it; undefined when absent or not one of those. */
export function parseRange(header: string | null, size: number): { start: number } | 'unsatisfiable' | undefined {
  const match = header === null ? null : /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  if (start >= size) return 'unsatisfiable';
  return { start };
}

/** The storage host's answer for a result file: 200 whole, 206 from the requested byte, or 416 past the end. */
export function resultResponse(file: ResultFile, stats: BulkStats, options: { range: string | null; honourRange: boolean; cutAt: number | undefined }): Response {
  const size = resultFileSize(file);
  const headers: Record<string, string> = { 'content-type': 'application/jsonl' };
  if (options.honourRange) headers['accept-ranges'] = 'bytes';
  const range = options.honourRange ? parseRange(options.range, size) : undefined;
  if (range === 'unsatisfiable') {
    return new HttpResponse(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  }
  const start = range?.start ?? 0;
  headers['content-length'] = String(size - start);
  if (range) headers['content-range'] = `bytes ${start}-${size - 1}/${size}`;
  return new HttpResponse(resultStream(file, stats, start, options.cutAt), { status: range ? 206 : 200, headers });
}

/** One status poll: CREATED → RUNNING → the configured outcome after `pollsUntilDone` polls; CANCELING → CANCELED. */
export function advanceBulkOperation(op: MockBulkOperation, bulk: MockBulkOptions, now: number): void {
  op.polls += 1;
  if (op.status === 'CANCELING') {
    op.status = 'CANCELED';
    op.completedAt = iso(now);
    return;
  }
  if (op.status !== 'CREATED' && op.status !== 'RUNNING') return;
  if (op.polls < (bulk.pollsUntilDone ?? 2)) {
    op.status = 'RUNNING';
    return;
  }
  const outcome = bulk.outcome ?? 'COMPLETED';
  op.status = outcome;
  op.completedAt = iso(now);
  const lines = bulk.lines ?? 9;
  const children = bulk.childrenPerRoot ?? 2;
  if (outcome === 'COMPLETED') {
    op.objectCount = String(lines);
    op.rootObjectCount = String(Math.ceil(lines / (children + 1)));
    op.fileSize = lines === 0 ? null : String(resultFileSize({ lines, childrenPerRoot: children, padding: bulk.padding ?? 0 }));
    op.url = lines === 0 ? null : `${bulk.resultOrigin ?? op.origin}/bulk-results/${parseGid(op.id)?.id ?? '0'}.jsonl?GoogleAccessId=mock&Signature=mock-signature`;
  }
  if (outcome === 'FAILED') op.errorCode = bulk.errorCode ?? 'INTERNAL_SERVER_ERROR';
}

/** The operation as the API shows it (without the mock's bookkeeping). */
export function bulkView(op: MockBulkOperation): Record<string, unknown> {
  const { polls: _polls, origin: _origin, ...rest } = op;
  return rest;
}
