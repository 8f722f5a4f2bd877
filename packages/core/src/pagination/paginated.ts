import { InvalidRequestError, ServerError, ValidationError } from '../errors/error-classes.js';
import { CursorCycleGuard } from './cursor-cycle-guard.js';

/** A plain JSON value: what a checkpoint must be so it can be saved anywhere and restored. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What fetching one page produces. */
export interface PageResult<TItem, C extends JsonValue> {
  /** This page's items. */
  items: TItem[];
  /** The cursor for the next page, or undefined when this was the last page. */
  next: C | undefined;
  /** Where to resume after this page; defaults to `next`. Incremental syncs keep one even on the last page. */
  checkpoint?: C;
}

/** One page as `Paginated.pages()` yields it: the items, the page's index, and where to resume after it. */
export interface Page<TItem, C extends JsonValue> {
  /** This page's items, in the API's order. */
  items: TItem[];
  /** Zero-based page number within this iteration. */
  index: number;
  /** Pass as `start` to resume exactly after this page. Null when there is nothing after it. */
  checkpoint: C | null;
  /** Whether another page follows. */
  hasMore: boolean;
}

/** Options of `paginate`: how to fetch a page from a cursor, where to start, and a page cap. */
export interface PaginateOptions<TItem, C extends JsonValue> {
  /** Fetches the page at `cursor` (undefined for the first page); called once per page, in order. */
  fetchPage: (cursor: C | undefined, signal: AbortSignal | undefined) => Promise<PageResult<TItem, C>>;
  /** Resume from a checkpoint saved from a previous page. */
  start?: C | undefined;
  /** Stop with an error after this many pages (a guard against runaway loops). @default 100000 */
  maxPages?: number | undefined;
  /** Passed to each `fetchPage` call, to abort the walk. */
  signal?: AbortSignal | undefined;
}

/**
 * A list result: an async iterable of items that also offers `.pages()` and a bounded `.toArray({ limit })`.
 * Nothing is fetched until iteration starts; memory stays at one page.
 */
export class Paginated<TItem, C extends JsonValue = JsonValue> implements AsyncIterable<TItem> {
  constructor(private readonly options: PaginateOptions<TItem, C>) {}

  /**
   * The pages one at a time, each with its checkpoint. Fetches lazily: nothing is requested until iteration starts,
   * and the next page only when asked for.
   *
   * @throws InvalidRequestError past `maxPages`; ServerError when the API returns a cursor it returned before (a
   * cycle).
   */
  async *pages(): AsyncGenerator<Page<TItem, C>, void, undefined> {
    const maxPages = this.options.maxPages ?? 100_000;
    // Bounded memory over any walk: recent cursors plus Brent's anchor, not a Set of every cursor.
    const seen = new CursorCycleGuard();
    let cursor = this.options.start;
    if (cursor !== undefined) seen.repeats(JSON.stringify(cursor));
    for (let index = 0; ; index += 1) {
      if (index >= maxPages) {
        throw new InvalidRequestError({
          message: `Stopped after ${maxPages} pages (maxPages). Raise maxPages, or resume from the last checkpoint.`,
          details: { reason: 'page_cap', maxPages },
        });
      }
      const page = await this.options.fetchPage(cursor, this.options.signal);
      const next = page.next;
      if (next !== undefined) {
        const key = JSON.stringify(next);
        if (seen.repeats(key)) {
          throw new ServerError({
            message: `The API returned a cursor it had already returned (${key.slice(0, 80)}); stopping instead of looping forever.`,
            retryable: false,
            details: { reason: 'pagination_cycle' },
          });
        }
      }
      const checkpoint = page.checkpoint ?? next ?? null;
      yield { items: page.items, index, checkpoint, hasMore: next !== undefined };
      if (next === undefined) return;
      cursor = next;
    }
  }

  /** The items of every page, in order, fetching one page at a time. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects at most `limit` items (a limit is required: collecting everything must be a decision). */
  async toArray(options: { limit: number }): Promise<TItem[]> {
    if (!Number.isInteger(options?.limit) || options.limit < 0) {
      throw new ValidationError({ message: 'toArray needs { limit } as a non-negative integer.', issues: [{ path: 'limit', message: 'must be a non-negative integer' }] });
    }
    const out: TItem[] = [];
    if (options.limit === 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= options.limit) break;
    }
    return out;
  }

  /** The first item, or undefined. Fetches one page. */
  async first(): Promise<TItem | undefined> {
    const [item] = await this.toArray({ limit: 1 });
    return item;
  }
}

/**
 * Builds a `Paginated` list over `fetchPage`: the building block the pagination strategies (`cursorPagination`,
 * `offsetPagination`…) use.
 */
export function paginate<TItem, C extends JsonValue>(options: PaginateOptions<TItem, C>): Paginated<TItem, C> {
  return new Paginated(options);
}
