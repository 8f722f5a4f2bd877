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
}

export interface MockBulkOperation {
  id: string;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  query: string;
  polls: number;
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

/** Streams `lines` JSONL lines, generating each batch when the reader asks for it. */
export function jsonlStream(lines: number, childrenPerRoot: number, stats: BulkStats, padding = 0, batch = 100): Response {
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= lines) {
        controller.close();
        return;
      }
      const end = Math.min(lines, next + batch);
      let text = '';
      for (let i = next; i < end; i += 1) text += `${bulkLine(i, childrenPerRoot, padding)}\n`;
      stats.linesProduced += end - next;
      next = end;
      controller.enqueue(encoder.encode(text));
    },
  });
  return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/jsonl' } });
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
    op.fileSize = lines === 0 ? null : String(lines * 110);
    op.url = lines === 0 ? null : `${bulk.resultOrigin ?? op.origin}/bulk-results/${parseGid(op.id)?.id ?? '0'}.jsonl?GoogleAccessId=mock&Signature=mock-signature`;
  }
  if (outcome === 'FAILED') op.errorCode = bulk.errorCode ?? 'INTERNAL_SERVER_ERROR';
}

/** The operation as the API shows it (without the mock's bookkeeping). */
export function bulkView(op: MockBulkOperation): Record<string, unknown> {
  const { polls: _polls, origin: _origin, ...rest } = op;
  return rest;
}
