import type { HttpClient } from '../client/http-client.js';
import type { RequestSpec } from '../client/request-types.js';
import { paginate, type Paginated } from './paginated.js';
import { parseLinkHeader } from './link-header.js';

type Extract<TItem> = (data: unknown) => TItem[];

interface Common<TItem> {
  /** The request for the first page; the strategy adds its own paging parameters. */
  request: RequestSpec;
  items: Extract<TItem>;
  maxPages?: number;
}

/** Cursor pagination: the response names the next cursor (`after`, `page_info`, `endCursor`), sent back as a query or body field. */
export function cursorPagination<TItem>(
  http: HttpClient,
  options: Common<TItem> & {
    cursorParam: string;
    /** Where the cursor goes. @default 'query' */
    cursorIn?: 'query' | 'body';
    nextCursor: (data: unknown) => string | null | undefined;
    start?: string;
  },
): Paginated<TItem, string> {
  return paginate<TItem, string>({
    start: options.start,
    maxPages: options.maxPages,
    signal: options.request.signal,
    fetchPage: async (cursor) => {
      const req: RequestSpec = { ...options.request };
      if (cursor !== undefined) {
        if (options.cursorIn === 'body') req.body = { ...(req.body as object), [options.cursorParam]: cursor };
        else req.query = { ...req.query, [options.cursorParam]: cursor };
      }
      const { data } = await http.request(req);
      const next = options.nextCursor(data);
      return { items: options.items(data), next: next === null || next === undefined || next === '' ? undefined : next };
    },
  });
}

/** Offset pagination: `offset`/`limit`; stops on a short page or when `total` is reached. */
export function offsetPagination<TItem>(
  http: HttpClient,
  options: Common<TItem> & { offsetParam?: string; limitParam?: string; pageSize: number; total?: (data: unknown) => number | undefined; start?: number },
): Paginated<TItem, number> {
  return paginate<TItem, number>({
    start: options.start,
    maxPages: options.maxPages,
    signal: options.request.signal,
    fetchPage: async (cursor) => {
      const offset = cursor ?? 0;
      const { data } = await http.request({
        ...options.request,
        query: { ...options.request.query, [options.offsetParam ?? 'offset']: offset, [options.limitParam ?? 'limit']: options.pageSize },
      });
      const items = options.items(data);
      const total = options.total?.(data);
      const end = offset + items.length;
      const more = items.length >= options.pageSize && items.length > 0 && (total === undefined || end < total);
      return { items, next: more ? end : undefined };
    },
  });
}

/** Page-number pagination: `page=1,2,...`; stops on an empty or short page, or when `hasMore` says so. */
export function pagePagination<TItem>(
  http: HttpClient,
  options: Common<TItem> & { pageParam?: string; firstPage?: number; pageSize?: number; hasMore?: (data: unknown, items: TItem[]) => boolean; start?: number },
): Paginated<TItem, number> {
  return paginate<TItem, number>({
    start: options.start,
    maxPages: options.maxPages,
    signal: options.request.signal,
    fetchPage: async (cursor) => {
      const page = cursor ?? options.firstPage ?? 1;
      const { data } = await http.request({ ...options.request, query: { ...options.request.query, [options.pageParam ?? 'page']: page } });
      const items = options.items(data);
      const more = options.hasMore ? options.hasMore(data, items) : items.length > 0 && (options.pageSize === undefined || items.length >= options.pageSize);
      return { items, next: more ? page + 1 : undefined };
    },
  });
}

/**
 * Link-header pagination (RFC 8288 `rel="next"`). The next URL is absolute; if it points to another origin
 * the funnel sends it without credentials.
 */
export function linkHeaderPagination<TItem>(http: HttpClient, options: Common<TItem> & { start?: string }): Paginated<TItem, string> {
  return paginate<TItem, string>({
    start: options.start,
    maxPages: options.maxPages,
    signal: options.request.signal,
    fetchPage: async (cursor) => {
      let req: RequestSpec = options.request;
      if (cursor !== undefined) {
        const { path: _path, query: _query, ...rest } = options.request;
        req = { ...rest, url: cursor };
      }
      const { data, headers } = await http.request(req);
      const next = parseLinkHeader(headers.link).next;
      return { items: options.items(data), next };
    },
  });
}
