import { paginate, validateInput, type CallOptions, type Paginated } from '@cf/core';
import { parseLinkHeader } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { CONDITIONAL } from '../request.js';
import { timestampSchema } from '../validation.js';
import { isPullRequest, issuePageSchema, type Issue } from '../schemas.js';

/**
 * Where an incremental read of a repository's issues stands. GitHub filters with `since` (updated at or after,
 * inclusive) and sorts by `updated_at` to the second, so many issues can share the last timestamp of a page:
 *
 * - `since`: re-read from this `updated_at` (null: from the beginning);
 * - `seen`: the ids already delivered whose `updated_at` is exactly `since` (skipped when read again);
 * - `page`: set only while more than a page of issues share `since` (the next page of that same query).
 *
 * Each page re-anchors the query at its last timestamp instead of following `page=2`, so an issue updated while
 * the read goes on moves behind the anchor and is read once more later, never skipped.
 */
export type IssuesCheckpoint = {
  /** Re-read from this `updated_at` (ISO 8601); null: from the beginning. */
  since: string | null;
  /** Ids already delivered whose `updated_at` is exactly `since`. */
  seen: number[];
  /** The next page of the same query, while more than a page of issues share `since`. */
  page?: number;
};

const checkpointSchema = z.lazySchema(() =>
  z.strictObject({
    since: z.nullable(timestampSchema),
    seen: z.array(z.int().check(z.positive())).check(z.maxLength(100_000)),
    page: z.optional(z.int().check(z.gte(2))),
  }),
);

/** A checkpoint from a saved one, a timestamp (`Date` or ISO string), or null (everything). */
export function issuesStart(start: IssuesCheckpoint | Date | string | null): IssuesCheckpoint {
  if (start === null) return { since: null, seen: [] };
  if (start instanceof Date || typeof start === 'string') {
    return { since: validateInput(timestampSchema, start, 'Invalid changedSince() start', 'github'), seen: [] };
  }
  const parsed = validateInput(checkpointSchema, start, 'Invalid changedSince() checkpoint (pass back the one a page carried)', 'github');
  return { since: parsed.since, seen: parsed.seen, ...(parsed.page !== undefined ? { page: parsed.page } : {}) };
}

const at = (iso: string): number => Date.parse(iso);

/** What follows a page: the anchor moves to its last `updated_at`, or, when the whole page shares the anchor, one page on. */
export function nextIssuesCheckpoint(state: IssuesCheckpoint, items: readonly Issue[]): IssuesCheckpoint {
  const last = items.at(-1);
  if (!last) return state;
  if (state.since !== null && at(last.updated_at) === at(state.since)) {
    const seen = new Set([...state.seen, ...items.map((i) => i.id)]);
    return { since: state.since, seen: [...seen], page: (state.page ?? 1) + 1 };
  }
  const t = at(last.updated_at);
  return { since: last.updated_at, seen: items.filter((i) => at(i.updated_at) === t).map((i) => i.id) };
}

/** Drops what the checkpoint says was delivered (and anything older than the anchor, which GitHub should not send). */
export function unseenIssues(state: IssuesCheckpoint, items: readonly Issue[]): Issue[] {
  if (state.since === null) return [...items];
  const since = at(state.since);
  const seen = new Set(state.seen);
  return items.filter((i) => at(i.updated_at) > since || (at(i.updated_at) === since && !seen.has(i.id)));
}

export function changedSinceIssues(
  ctx: GitHubContext,
  repo: { owner: string; repo: string },
  start: IssuesCheckpoint | Date | string | null,
  options: { perPage?: number | undefined; labels?: string[] | undefined; excludePullRequests?: boolean | undefined; schema?: z.ZodType | undefined },
  call: CallOptions,
): Paginated<Issue, IssuesCheckpoint> {
  const first = issuesStart(start);
  const perPage = options.perPage ?? 100;
  return paginate<Issue, IssuesCheckpoint>({
    start: first,
    signal: call.signal,
    fetchPage: async (cursor) => {
      const state = cursor ?? first;
      const { data, headers } = await ctx.http.request({
        ...call,
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues',
        params: repo,
        query: {
          state: 'all',
          sort: 'updated',
          direction: 'asc',
          since: state.since ?? undefined,
          labels: options.labels?.join(','),
          per_page: perPage,
          page: state.page,
        },
        schema: options.schema ?? issuePageSchema,
        cache: CONDITIONAL,
        operation: 'issues.changedSince',
      });
      const page = data as Issue[];
      const checkpoint = nextIssuesCheckpoint(state, page);
      const more = parseLinkHeader(headers.link).next !== undefined && page.length > 0;
      const fresh = unseenIssues(state, page);
      return { items: options.excludePullRequests ? fresh.filter((i) => !isPullRequest(i)) : fresh, next: more ? checkpoint : undefined, checkpoint };
    },
  });
}
