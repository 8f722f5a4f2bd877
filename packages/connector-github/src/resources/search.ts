import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { linkedList } from '../request.js';
import { issueSchema, type Issue } from '../schemas.js';
import { pageSizeSchema, startUrlSchema, timestampSchema } from '../validation.js';
import { repositorySchema, type Repository } from './repositories.js';
import { GITHUB_EPOCH, splitSearch, type SearchSplitCheckpoint } from './search-split.js';

export { SEARCH_RESULT_CAP, GITHUB_EPOCH, type SearchSplitCheckpoint } from './search-split.js';

/** A search answer: `total_count`, `incomplete_results` (the query timed out: maybe not every match) and `items`. */
const envelope = (item: z.ZodType) => z.looseObject({ total_count: z.number(), incomplete_results: z.boolean(), items: z.array(item) });
export const issueSearchSchema = z.lazySchema(() => envelope(issueSchema));
export const repositorySearchSchema = z.lazySchema(() => envelope(repositorySchema));

const querySchema = () => z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(1_024, 'must be at most 1,024 characters (GitHub takes 256 without qualifiers)'));

const issuesOptionsSchema = z.lazySchema(() =>
  z.strictObject({
    sort: z.optional(
      z.enum(['comments', 'reactions', 'reactions-+1', 'reactions--1', 'reactions-smile', 'reactions-thinking_face', 'reactions-heart', 'reactions-tada', 'interactions', 'created', 'updated'], {
        error: 'must be one of GitHub\'s issue search sorts: comments, reactions, interactions, created, updated, …',
      }),
    ),
    order: z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
    perPage: z.optional(pageSizeSchema),
    start: z.optional(startUrlSchema),
  }),
);
/**
 * Options of `search.issues`: `sort` (comments, reactions, interactions, created, updated…), `order`, `perPage` and
 * `start` (a page URL to resume from).
 */
export type SearchIssuesOptions = z.input<typeof issuesOptionsSchema>;

const repositoriesOptionsSchema = z.lazySchema(() =>
  z.strictObject({
    sort: z.optional(z.enum(['stars', 'forks', 'help-wanted-issues', 'updated'], { error: 'must be stars, forks, help-wanted-issues or updated' })),
    order: z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
    perPage: z.optional(pageSizeSchema),
    start: z.optional(startUrlSchema),
  }),
);
/**
 * Options of `search.repositories`: `sort` (stars, forks, help-wanted-issues, updated), `order`, `perPage` and
 * `start`.
 */
export type SearchRepositoriesOptions = z.input<typeof repositoriesOptionsSchema>;

const rangesSchema = () =>
  z.array(z.tuple([timestampSchema, timestampSchema])).check(z.maxLength(10_000));
const splitStartSchema = () => z.strictObject({ ranges: rangesSchema(), next: z.optional(startUrlSchema) });

const allOptionsSchema = (by: readonly [string, ...string[]]) =>
  z
    .strictObject({
      /** The date qualifier to split by. */
      by: z.optional(z.enum(by, { error: `must be ${by.join(' or ')}` })),
      /** The earliest date to read from. @default 2008-01-01 */
      from: z.optional(timestampSchema),
      /** The latest date to read to. @default now */
      to: z.optional(timestampSchema),
      perPage: z.optional(pageSizeSchema),
      /** A page's checkpoint, to resume. */
      start: z.optional(splitStartSchema()),
    })
    .check(z.refine((o) => o.from === undefined || o.to === undefined || Date.parse(o.from) <= Date.parse(o.to), { message: 'from must not be after to', path: ['from'] }));
const allIssuesSchema = z.lazySchema(() => allOptionsSchema(['created', 'updated']));
const allRepositoriesSchema = z.lazySchema(() => allOptionsSchema(['created', 'pushed']));
/**
 * Options of `search.allIssues`: the date qualifier to split by (`by`), the `from`/`to` range, `perPage`, and `start`
 * (a page's checkpoint).
 */
export type SearchAllIssuesOptions = z.input<typeof allIssuesSchema>;
/**
 * Options of `search.allRepositories`: the date qualifier to split by (`by`), the `from`/`to` range, `perPage`, and
 * `start` (a page's checkpoint).
 */
export type SearchAllRepositoriesOptions = z.input<typeof allRepositoriesSchema>;

const isoSecond = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Search (its own quota: 30 requests a minute, with its own limiter). `issues` and `repositories` read what
 * GitHub returns for one query, at most 1,000 results; `allIssues` and `allRepositories` read every result by
 * splitting the query into date ranges.
 */
export class SearchApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /search/issues`: issues and pull requests matching `q` (GitHub's search syntax: `repo:o/r is:issue
   * label:bug`), page after page, at most 1,000. Best match first unless `sort`.
   * @see https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests
   */
  issues(q: string, options: SearchIssuesOptions = {}, call: CallOptions = {}): Paginated<Issue, string> {
    const query = validateInput(querySchema(), q, 'Invalid search.issues() query', 'github');
    const o = validateInput(issuesOptionsSchema, options, 'Invalid search.issues() options', 'github');
    return linkedList<Issue>(
      this.ctx,
      {
        ...call,
        path: '/search/issues',
        query: { q: query, sort: o.sort, order: o.order, per_page: o.perPage ?? 100 },
        schema: issueSearchSchema,
        rateLimiter: this.ctx.searchLimiter,
        operation: 'search.issues',
      },
      (data) => (data as { items: Issue[] }).items,
      o.start,
    );
  }

  /**
   * `GET /search/repositories`: repositories matching `q` (`topic:rust stars:>100`), page after page, at most 1,000.
   * @see https://docs.github.com/en/rest/search/search#search-repositories
   */
  repositories(q: string, options: SearchRepositoriesOptions = {}, call: CallOptions = {}): Paginated<Repository, string> {
    const query = validateInput(querySchema(), q, 'Invalid search.repositories() query', 'github');
    const o = validateInput(repositoriesOptionsSchema, options, 'Invalid search.repositories() options', 'github');
    return linkedList<Repository>(
      this.ctx,
      {
        ...call,
        path: '/search/repositories',
        query: { q: query, sort: o.sort, order: o.order, per_page: o.perPage ?? 100 },
        schema: repositorySearchSchema,
        rateLimiter: this.ctx.searchLimiter,
        operation: 'search.repositories',
      },
      (data) => (data as { items: Repository[] }).items,
      o.start,
    );
  }

  /**
   * Every issue and pull request matching `q`, past the 1,000 cap: the query is split by `created` (default, stable)
   * or `updated` dates until each range has at most 1,000 results, oldest range first. Splitting by `updated` may
   * deliver an issue twice when it changes during the read.
   */
  allIssues(q: string, options: SearchAllIssuesOptions = {}, call: CallOptions = {}): Paginated<Issue, SearchSplitCheckpoint> {
    const o = validateInput(allIssuesSchema, options, 'Invalid search.allIssues() options', 'github');
    const by = o.by ?? 'created';
    return splitSearch<Issue>(this.ctx, searchSplit(this.ctx, '/search/issues', 'search.allIssues', q, by, by, o, issueSearchSchema), call);
  }

  /**
   * Every repository matching `q`, past the 1,000 cap, split by `created` (default) or `pushed` dates.
   */
  allRepositories(q: string, options: SearchAllRepositoriesOptions = {}, call: CallOptions = {}): Paginated<Repository, SearchSplitCheckpoint> {
    const o = validateInput(allRepositoriesSchema, options, 'Invalid search.allRepositories() options', 'github');
    const by = o.by ?? 'created';
    return splitSearch<Repository>(this.ctx, searchSplit(this.ctx, '/search/repositories', 'search.allRepositories', q, by, undefined, o, repositorySearchSchema), call);
  }
}

/** The split search's parameters, validated: the query must not filter by the date it is split by. */
function searchSplit(
  ctx: GitHubContext,
  path: string,
  operation: string,
  q: string,
  by: string,
  sort: string | undefined,
  o: { from?: string | undefined; to?: string | undefined; perPage?: number | undefined; start?: { ranges: Array<[string, string]>; next?: string | undefined } | undefined },
  schema: z.ZodType,
) {
  const query = validateInput(
    querySchema().check(z.refine((text) => !new RegExp(`(^|\\s)${by}:`).test(text), `must not filter by ${by}: already (the read splits by ${by} dates; pass from and to)`)),
    q,
    `Invalid ${operation}() query`,
    'github',
  );
  const start: SearchSplitCheckpoint = o.start
    ? { ranges: o.start.ranges, ...(o.start.next !== undefined ? { next: o.start.next } : {}) }
    : { ranges: [[o.from ?? GITHUB_EPOCH, o.to ?? isoSecond(ctx.http.clock.now())]] };
  return { path, operation, query, by, sort, perPage: o.perPage ?? 100, schema, start };
}
