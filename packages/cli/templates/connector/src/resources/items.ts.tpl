import { cursorPagination, validateInput, type CallOptions, type HttpClient, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';

/** One item as the API returns it: the fields you rely on are declared, unknown ones pass through. */
export const itemSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof itemSchema>;

/** `GET /items`: a page of items and the cursor of the next one (null on the last page). */
export const itemPageSchema = z.looseObject({ data: z.array(itemSchema), nextCursor: z.nullable(z.string()) });
export type ItemPage = z.infer<typeof itemPageSchema>;

const idSchema = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"')) });

const listQuerySchema = z.strictObject({
  /** Items per request. @default 50 (the API allows 1-100) */
  pageSize: z.optional(
    z.int('must be an integer').check(z.gte(1, 'must be at least 1'), z.lte(100, 'must be at most 100, the API maximum')),
  ),
  /** A page's `checkpoint` from `.pages()`: resumes exactly after that page. */
  start: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
});
export type ListItemsQuery = z.input<typeof listQuerySchema>;

/** The items resource: one file per resource, wired into the client in src/client.ts. */
export class ItemsResource {
  constructor(private readonly http: () => HttpClient) {}

  /** `GET /items/{id}`: one item; NOT_FOUND when there is none. */
  async get(id: string, options: CallOptions = {}): Promise<Item> {
    const input = validateInput(idSchema, { id }, 'Invalid items.get() input', '{{name}}');
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
