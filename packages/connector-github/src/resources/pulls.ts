import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { getOne, linkedList } from '../request.js';
import { labelSchema, milestoneSchema, simpleUserSchema, timestampString } from '../schemas.js';
import { numberSchema, ownerSchema, pageSizeSchema, repoSchema, startUrlSchema } from '../validation.js';

const branchSchema = () =>
  z.looseObject({
    label: z.optional(z.string()),
    ref: z.string(),
    sha: z.string(),
    repo: z.optional(z.nullable(z.looseObject({ id: z.number(), full_name: z.string() }))),
  });

/** A pull request as the list returns it (`pull-request-simple`); `get` adds merge state and counts. */
export const pullRequestSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    number: z.number(),
    state: z.string(),
    locked: z.optional(z.boolean()),
    title: z.string(),
    user: z.nullable(simpleUserSchema),
    body: z.optional(z.nullable(z.string())),
    labels: z.array(labelSchema),
    milestone: z.optional(z.nullable(milestoneSchema)),
    draft: z.optional(z.boolean()),
    head: branchSchema(),
    base: branchSchema(),
    html_url: z.string(),
    url: z.string(),
    created_at: timestampString(),
    updated_at: timestampString(),
    closed_at: z.nullable(z.string()),
    merged_at: z.nullable(z.string()),
    merge_commit_sha: z.optional(z.nullable(z.string())),
    // `get` only:
    merged: z.optional(z.boolean()),
    mergeable: z.optional(z.nullable(z.boolean())),
    commits: z.optional(z.number()),
    additions: z.optional(z.number()),
    deletions: z.optional(z.number()),
    changed_files: z.optional(z.number()),
  }),
);
/**
 * A pull request (`pull-request-simple`): `number`, `state`, `title`, `user`, `body`, `labels`, `milestone`, `draft`,
 * `head` and `base` refs, URLs, timestamps, `merged_at` and `merge_commit_sha`.
 */
export type PullRequest = z.infer<typeof pullRequestSchema>;
export const pullRequestPageSchema = z.lazySchema(() => z.array(pullRequestSchema));

/** A file a pull request changes (`diff-entry`). GitHub lists at most 3,000 files per pull request. */
export const pullRequestFileSchema = z.lazySchema(() =>
  z.looseObject({
    sha: z.nullable(z.string()),
    filename: z.string(),
    status: z.string(),
    additions: z.number(),
    deletions: z.number(),
    changes: z.number(),
    patch: z.optional(z.string()),
    previous_filename: z.optional(z.string()),
  }),
);
/** A changed file: `filename`, `status`, line counts, and its `patch` when GitHub includes one. */
export type PullRequestFile = z.infer<typeof pullRequestFileSchema>;
export const pullRequestFilePageSchema = z.lazySchema(() => z.array(pullRequestFileSchema));

/** A review (`pull-request-review`): APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
export const reviewSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    user: z.nullable(simpleUserSchema),
    body: z.string(),
    state: z.string(),
    html_url: z.string(),
    commit_id: z.nullable(z.string()),
    submitted_at: z.optional(z.string()),
    author_association: z.optional(z.string()),
  }),
);
/** A review: its `state`, `user`, `body` and `submitted_at`. */
export type Review = z.infer<typeof reviewSchema>;
export const reviewPageSchema = z.lazySchema(() => z.array(reviewSchema));

const nameSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const numberedSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema, pullNumber: numberSchema }));
const pageOnlySchema = z.lazySchema(() => z.strictObject({ perPage: z.optional(pageSizeSchema), start: z.optional(startUrlSchema) }));
/** Paging options: `perPage` (1 to 100) and `start` (a page URL to resume from). */
export type PageOptions = z.input<typeof pageOnlySchema>;
const listSchema = z.lazySchema(() =>
  z.strictObject({
    state: z.optional(z.enum(['open', 'closed', 'all'], { error: 'must be open, closed or all' })),
    /** `user:ref-name` or `org:ref-name`. */
    head: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]+:\S+$/, 'must be user:branch or org:branch'))),
    base: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
    sort: z.optional(z.enum(['created', 'updated', 'popularity', 'long-running'], { error: 'must be created, updated, popularity or long-running' })),
    direction: z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
    perPage: z.optional(pageSizeSchema),
    start: z.optional(startUrlSchema),
  }),
);
/**
 * Options of `pulls.list`: `state`, `head` (`user:branch`), `base`, `sort`/`direction`, `perPage`, and `start` (a
 * page URL to resume from). Validated before the network.
 */
export type ListPullRequestsOptions = z.input<typeof listSchema>;

/** Pull requests of a repository, with the files they change and their reviews. */
export class PullsApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /repos/{owner}/{repo}/pulls`, page after page (GitHub's default: open, newest first).
   * @see https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
   */
  list(owner: string, repo: string, options: ListPullRequestsOptions = {}, call: CallOptions = {}): Paginated<PullRequest, string> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid pulls.list() input', 'github');
    const o = validateInput(listSchema, options, 'Invalid pulls.list() options', 'github');
    return linkedList<PullRequest>(
      this.ctx,
      {
        ...call,
        path: '/repos/{owner}/{repo}/pulls',
        params,
        query: { state: o.state, head: o.head, base: o.base, sort: o.sort, direction: o.direction, per_page: o.perPage ?? 100 },
        schema: pullRequestPageSchema,
        operation: 'pulls.list',
      },
      (data) => data as PullRequest[],
      o.start,
    );
  }

  /**
   * `GET /repos/{owner}/{repo}/pulls/{pull_number}`: one pull request with its merge state and counts.
   * @see https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request
   */
  async get(owner: string, repo: string, pullNumber: number, call: CallOptions = {}): Promise<PullRequest> {
    const p = validateInput(numberedSchema, { owner, repo, pullNumber }, 'Invalid pulls.get() input', 'github');
    return getOne(
      this.ctx,
      { path: '/repos/{owner}/{repo}/pulls/{pull_number}', params: { owner: p.owner, repo: p.repo, pull_number: p.pullNumber }, schema: pullRequestSchema, operation: 'pulls.get' },
      call,
    );
  }

  /**
   * `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`: the files it changes (at most 3,000), page after page.
   * @see https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files
   */
  listFiles(owner: string, repo: string, pullNumber: number, options: PageOptions = {}, call: CallOptions = {}): Paginated<PullRequestFile, string> {
    return subList(this.ctx, 'listFiles', 'files', pullRequestFilePageSchema, owner, repo, pullNumber, options, call);
  }

  /**
   * `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`: its reviews, oldest first, page after page.
   * @see https://docs.github.com/en/rest/pulls/reviews#list-reviews-for-a-pull-request
   */
  listReviews(owner: string, repo: string, pullNumber: number, options: PageOptions = {}, call: CallOptions = {}): Paginated<Review, string> {
    return subList(this.ctx, 'listReviews', 'reviews', reviewPageSchema, owner, repo, pullNumber, options, call);
  }
}

/** A list under one pull request (`/files`, `/reviews`). */
function subList<T>(
  ctx: GitHubContext,
  method: string,
  segment: string,
  schema: z.ZodType,
  owner: string,
  repo: string,
  pullNumber: number,
  options: PageOptions,
  call: CallOptions,
): Paginated<T, string> {
  const p = validateInput(numberedSchema, { owner, repo, pullNumber }, `Invalid pulls.${method}() input`, 'github');
  const o = validateInput(pageOnlySchema, options, `Invalid pulls.${method}() options`, 'github');
  return linkedList<T>(
    ctx,
    {
      ...call,
      path: `/repos/{owner}/{repo}/pulls/{pull_number}/${segment}`,
      params: { owner: p.owner, repo: p.repo, pull_number: p.pullNumber },
      query: { per_page: o.perPage ?? 100 },
      schema,
      operation: `pulls.${method}`,
    },
    (data) => data as T[],
    o.start,
  );
}
