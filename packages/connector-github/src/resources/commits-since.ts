import { paginate, validateInput, type CallOptions, type Paginated, type RequestSpec } from '@cf/core';
import { parseLinkHeader } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { CONDITIONAL } from '../request.js';
import { startUrlSchema, timestampSchema } from '../validation.js';
import { commitPageSchema, committedAt, type Commit } from '../schemas.js';

/**
 * Where an incremental read of commits stands:
 * - `since`: commits committed at or after it are still to read (null: from the beginning);
 * - `seen`: SHAs committed exactly at `since` that were delivered;
 * - `walk`: a read under way, from `until` (fixed when it started, so pushes during the read do not shift its
 *   pages) down to `since`: the next page's URL, and the newest commit date met so far with its SHAs.
 */
export type CommitsCheckpoint = {
  /** Commits committed at or after it are still to read (ISO 8601); null: from the beginning. */
  since: string | null;
  /** SHAs committed exactly at `since` already delivered. */
  seen: string[];
  /** A read under way: its fixed `until`, the next page's URL, and the newest commit date met so far with its SHAs. */
  walk?: { until: string; next: string; newest: string | null; newestShas: string[] };
};

const shaList = () => z.array(z.string().check(z.regex(/^[0-9a-f]{40}$/, 'must be a commit SHA'))).check(z.maxLength(100_000));
const checkpointSchema = z.lazySchema(() =>
  z.strictObject({
    since: z.nullable(timestampSchema),
    seen: shaList(),
    walk: z.optional(z.strictObject({ until: timestampSchema, next: startUrlSchema, newest: z.nullable(timestampSchema), newestShas: shaList() })),
  }),
);

export function commitsStart(start: CommitsCheckpoint | Date | string | null): CommitsCheckpoint {
  if (start === null) return { since: null, seen: [] };
  if (start instanceof Date || typeof start === 'string') return { since: validateInput(timestampSchema, start, 'Invalid changedSince() start', 'github'), seen: [] };
  const c = validateInput(checkpointSchema, start, 'Invalid changedSince() checkpoint (pass back the one a page carried)', 'github');
  return { since: c.since, seen: c.seen, ...(c.walk ? { walk: c.walk } : {}) };
}

const at = (iso: string | undefined): number => (iso === undefined ? Number.NaN : Date.parse(iso));
/** GitHub's `until`/`since` take seconds: now, rounded down. */
const isoSecond = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function changedSinceCommits(
  ctx: GitHubContext,
  repo: { owner: string; repo: string },
  start: CommitsCheckpoint | Date | string | null,
  options: { sha?: string | undefined; path?: string | undefined; author?: string | undefined; perPage?: number | undefined; schema?: z.ZodType | undefined },
  call: CallOptions,
): Paginated<Commit, CommitsCheckpoint> {
  const first = commitsStart(start);
  return paginate<Commit, CommitsCheckpoint>({
    start: first,
    signal: call.signal,
    fetchPage: async (cursor) => {
      const state = cursor ?? first;
      const until = state.walk?.until ?? isoSecond(ctx.http.clock.now());
      const common = { ...call, method: 'GET' as const, schema: options.schema ?? commitPageSchema, cache: CONDITIONAL, operation: 'commits.changedSince' };
      const spec: RequestSpec = state.walk
        ? { ...common, url: state.walk.next }
        : {
            ...common,
            path: '/repos/{owner}/{repo}/commits',
            params: repo,
            query: { sha: options.sha, path: options.path, author: options.author, since: state.since ?? undefined, until, per_page: options.perPage ?? 100 },
          };
      const { data, headers } = await ctx.http.request(spec);
      const page = data as Commit[];
      // The newest commit date of the walk, and the SHAs committed at it.
      let newest = state.walk?.newest ?? null;
      let newestShas = state.walk?.newestShas ?? [];
      for (const commit of page) {
        const date = committedAt(commit);
        if (date === undefined) continue;
        if (newest === null || at(date) > at(newest)) {
          newest = date;
          newestShas = [commit.sha];
        } else if (at(date) === at(newest) && !newestShas.includes(commit.sha)) newestShas = [...newestShas, commit.sha];
      }
      const since = state.since === null ? Number.NEGATIVE_INFINITY : at(state.since);
      const seen = new Set(state.seen);
      const items = page.filter((c) => {
        const t = at(committedAt(c));
        return Number.isNaN(t) || t > since || (t === since && !seen.has(c.sha));
      });
      const nextUrl = parseLinkHeader(headers.link).next;
      if (nextUrl !== undefined && page.length > 0) {
        const next: CommitsCheckpoint = { since: state.since, seen: state.seen, walk: { until, next: nextUrl, newest, newestShas } };
        return { items, next, checkpoint: next };
      }
      // The walk is done: later reads start at the newest commit met.
      let done: CommitsCheckpoint;
      if (newest === null) done = { since: state.since, seen: state.seen };
      else if (state.since !== null && at(newest) === at(state.since)) done = { since: state.since, seen: [...new Set([...state.seen, ...newestShas])] };
      else done = { since: newest, seen: newestShas };
      return { items, next: undefined, checkpoint: done };
    },
  });
}
