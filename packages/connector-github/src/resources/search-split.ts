import { paginate, UnsupportedError, type CallOptions, type Paginated, type RequestSpec } from '@cf/core';
import { parseLinkHeader } from '@cf/core/internal';
import type * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { CONDITIONAL } from '../request.js';

/** GitHub answers at most 1,000 results per search query (page 11 of 100 is a 422). */
export const SEARCH_RESULT_CAP = 1_000;
/** The earliest date a split starts from by default: GitHub opened in 2008. */
export const GITHUB_EPOCH = '2008-01-01T00:00:00Z';

/**
 * Where a split search stands: the date ranges still to read, oldest first (each inclusive, to the second), and
 * the next page's URL within the first one when it is being paged.
 */
export type SearchSplitCheckpoint = {
  /** The date ranges still to read, oldest first: `[from, to]`, ISO 8601, both inclusive. */
  ranges: Array<[string, string]>;
  /** The next page's URL within the first range, while it is being paged. */
  next?: string;
};

interface SearchEnvelope {
  total_count: number;
  incomplete_results: boolean;
  items: unknown[];
}

export interface SplitSearch {
  /** `/search/issues` or `/search/repositories`. */
  path: string;
  operation: string;
  query: string;
  /** The date qualifier the query is split by: `created`, `updated`, `pushed`. */
  by: string;
  /** Sent as `sort` within a range (with `order=asc`), when the endpoint sorts by that date. */
  sort: string | undefined;
  perPage: number;
  schema: z.ZodType;
  start: SearchSplitCheckpoint;
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const isoOf = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
/** GitHub's date qualifiers take `YYYY-MM-DDTHH:MM:SS+00:00`. */
const qualifierDate = (iso: string): string => iso.replace(/Z$/, '+00:00');

/**
 * Reads every result of a search past GitHub's 1,000-result cap by splitting it into date ranges
 * (`created:A..B`) small enough to answer in full: a range with more than 1,000 results (or whose answer GitHub
 * marks `incomplete_results`, a timeout) is cut in two, recursively, and ranges are read oldest first. Each page
 * is checkpointed, a split too (as an empty page), so a read resumes where it stopped.
 */
export function splitSearch<T>(ctx: GitHubContext, search: SplitSearch, call: CallOptions): Paginated<T, SearchSplitCheckpoint> {
  const request = (spec: RequestSpec): Promise<{ data: unknown; headers: Record<string, string> }> =>
    ctx.http.request({ ...call, ...spec, method: 'GET', schema: search.schema, cache: CONDITIONAL, rateLimiter: ctx.searchLimiter, operation: search.operation });
  return paginate<T, SearchSplitCheckpoint>({
    start: search.start,
    signal: call.signal,
    fetchPage: async (cursor) => {
      const state = cursor ?? search.start;
      const [range, ...rest] = state.ranges;
      if (!range) return { items: [], next: undefined, checkpoint: { ranges: [] } };
      const { data, headers } = state.next
        ? await request({ url: state.next })
        : await request({
            path: search.path,
            query: {
              q: `${search.query} ${search.by}:${qualifierDate(range[0])}..${qualifierDate(range[1])}`,
              sort: search.sort,
              order: search.sort ? 'asc' : undefined,
              per_page: search.perPage,
            },
          });
      const envelope = data as SearchEnvelope;
      if (!state.next && (envelope.total_count > SEARCH_RESULT_CAP || envelope.incomplete_results)) {
        const from = seconds(range[0]);
        const to = seconds(range[1]);
        if (to > from) {
          const mid = from + Math.floor((to - from) / 2);
          const split: SearchSplitCheckpoint = { ranges: [[isoOf(from), isoOf(mid)], [isoOf(mid + 1), isoOf(to)], ...rest] };
          return { items: [], next: split, checkpoint: split };
        }
        if (envelope.total_count > SEARCH_RESULT_CAP) {
          throw new UnsupportedError({
            message:
              `GitHub has ${envelope.total_count} results for "${search.query}" within the one second ${range[0]}, more than the 1,000 one search ` +
              `returns, and a second cannot be split further. Narrow the query (by repo:, label:, state:) and search each part.`,
            source: 'github',
            details: { totalCount: envelope.total_count, range },
          });
        }
      }
      const nextUrl = parseLinkHeader(headers.link).next;
      const after: SearchSplitCheckpoint = nextUrl !== undefined && envelope.items.length > 0 ? { ranges: state.ranges, next: nextUrl } : { ranges: rest };
      return { items: envelope.items as T[], next: after.ranges.length > 0 ? after : undefined, checkpoint: after };
    },
  });
}
