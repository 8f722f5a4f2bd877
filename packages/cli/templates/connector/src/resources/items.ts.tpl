import { cursorPagination, validateInput, type CallOptions, type HttpClient, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import { itemPageSchema, itemSchema, type Item, type ItemPage } from '../schemas.js';
import { idSchema, pageSizeSchema } from '../validation.js';

const getInput = z.lazySchema(() => z.strictObject({ id: idSchema }));

const listQuerySchema = z.lazySchema(() =>
  z.strictObject({
    /** Items per request. @default 50 (the API allows 1-100) */
    pageSize: z.optional(pageSizeSchema),
    /** A page's `checkpoint` from `.pages()`: resumes exactly after that page. */
    start: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  }),
);
export type ListItemsQuery = z.input<typeof listQuerySchema>;

/** The items resource: one file per resource, wired into the client in the connector class. */
export class ItemsResource {
  constructor(private readonly http: () => HttpClient) {}

  /** `GET /items/{id}`: one item; NOT_FOUND when there is none. */
  async get(id: string, options: CallOptions = {}): Promise<Item> {
    const input = validateInput(getInput, { id }, 'Invalid items.get() input', '{{name}}');
    const { data } = await this.http().request({ ...options, path: '/items/{id}', params: { id: input.id }, schema: itemSchema, operation: 'items.get' });
    return data;
  }

  /**
   * `GET /items`, page after page: iterate it for items (one page in memory at a time), use `.pages()` for pages
   * with checkpoints, or `.toArray({ limit })` to collect a bounded number.
   */
  list(query: ListItemsQuery = {}, options: CallOptions = {}): Paginated<Item, string> {
    const q = validateInput(listQuerySchema, query, 'Invalid items.list() input', '{{name}}');
    return cursorPagination<Item>(this.http(), {
      request: { ...options, path: '/items', query: { limit: q.pageSize ?? 50 }, schema: itemPageSchema, operation: 'items.list' },
      cursorParam: 'cursor',
      items: (data) => (data as ItemPage).data,
      nextCursor: (data) => (data as ItemPage).nextCursor,
      ...(q.start !== undefined ? { start: q.start } : {}),
    });
  }
}
