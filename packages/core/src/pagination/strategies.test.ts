import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerAuth } from '../auth/static-auth.js';
import { HttpClient } from '../client/http-client.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { cursorPagination, linkHeaderPagination, offsetPagination, pagePagination } from './strategies.js';

const rows = Array.from({ length: 25 }, (_, i) => ({ id: i }));
let server: MockServer;
let other: MockServer;

beforeAll(async () => {
  other = await startMockServer([http.get('*/linked', () => HttpResponse.json({ rows: [{ id: 'foreign' }] }))]);
  server = await startMockServer([
    http.get('*/cursor', ({ request }) => {
      const after = Number(new URL(request.url).searchParams.get('after') ?? 0);
      return HttpResponse.json({ results: rows.slice(after, after + 10), paging: after + 10 < rows.length ? { next: { after: String(after + 10) } } : undefined });
    }),
    http.post('*/search', async ({ request }) => {
      const body = (await request.json()) as { after?: string };
      const after = Number(body.after ?? 0);
      return HttpResponse.json({ results: rows.slice(after, after + 10), next: after + 10 < rows.length ? String(after + 10) : null });
    }),
    http.get('*/offset', ({ request }) => {
      const q = new URL(request.url).searchParams;
      const offset = Number(q.get('offset'));
      return HttpResponse.json({ rows: rows.slice(offset, offset + Number(q.get('limit'))), total: rows.length });
    }),
    http.get('*/paged', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return HttpResponse.json({ rows: rows.slice((page - 1) * 10, page * 10) });
    }),
    http.get('*/linked', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      const next = page < 3 ? `<${new URL(`/linked?page=${page + 1}`, request.url).href}>; rel="next"` : `<${other.baseUrl}/linked>; rel="next"`;
      return HttpResponse.json({ rows: [{ id: page }] }, { headers: page <= 3 ? { link: next } : {} });
    }),
  ]);
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const client = () => new HttpClient({ baseUrl: server.baseUrl, source: 'paging', auth: bearerAuth('paging-token-1') });
const ids = (items: unknown[]) => items.map((r) => (r as { id: unknown }).id);

describe('pagination strategies', () => {
  it('cursor in the query (HubSpot style), resumable from a page checkpoint', async () => {
    const c = client();
    const list = cursorPagination(c, {
      request: { path: '/cursor' },
      cursorParam: 'after',
      items: (d) => (d as { results: unknown[] }).results,
      nextCursor: (d) => (d as { paging?: { next?: { after?: string } } }).paging?.next?.after,
    });
    expect(ids(await list.toArray({ limit: 100 }))).toEqual(rows.map((r) => r.id));
    const resumed = cursorPagination(c, { request: { path: '/cursor' }, cursorParam: 'after', start: '20', items: (d) => (d as { results: unknown[] }).results, nextCursor: () => undefined });
    expect(ids(await resumed.toArray({ limit: 100 }))).toEqual([20, 21, 22, 23, 24]);
    await c.close();
  });

  it('cursor in a POST body (search style)', async () => {
    const c = client();
    const list = cursorPagination(c, {
      request: { method: 'POST', path: '/search', body: { query: 'x' }, idempotent: true },
      cursorParam: 'after',
      cursorIn: 'body',
      items: (d) => (d as { results: unknown[] }).results,
      nextCursor: (d) => (d as { next: string | null }).next,
    });
    expect(await list.toArray({ limit: 100 })).toHaveLength(25);
    expect(server.requests.at(-1)!.json).toEqual({ query: 'x', after: '20' });
    await c.close();
  });

  it('offset/limit stops at total; page numbers stop on a short page', async () => {
    const c = client();
    const byOffset = offsetPagination(c, { request: { path: '/offset' }, pageSize: 10, items: (d) => (d as { rows: unknown[] }).rows, total: (d) => (d as { total: number }).total });
    expect(await byOffset.toArray({ limit: 100 })).toHaveLength(25);
    const byPage = pagePagination(c, { request: { path: '/paged' }, pageSize: 10, items: (d) => (d as { rows: unknown[] }).rows });
    expect(await byPage.toArray({ limit: 100 })).toHaveLength(25);
    const byHasMore = pagePagination(c, { request: { path: '/paged' }, items: (d) => (d as { rows: unknown[] }).rows, hasMore: (_d, items) => items.length === 10 });
    expect(await byHasMore.toArray({ limit: 100 })).toHaveLength(25);
    await c.close();
  });

  it('Link header pagination follows rel="next", and a link to another host gets no credentials', async () => {
    const c = client();
    const list = linkHeaderPagination(c, { request: { path: '/linked' }, items: (d) => (d as { rows: unknown[] }).rows });
    expect(ids(await list.toArray({ limit: 100 }))).toEqual([1, 2, 3, 'foreign']);
    expect(server.requests.filter((r) => r.path === '/linked').every((r) => r.headers.authorization === 'Bearer paging-token-1')).toBe(true);
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
    await c.close();
  });
});
