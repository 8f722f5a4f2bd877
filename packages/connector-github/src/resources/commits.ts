import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { linkedList } from '../request.js';
import { commitPageSchema, type Commit } from '../schemas.js';
import { ownerSchema, pageSizeSchema, pathSchema, refSchema, repoSchema, startUrlSchema, timestampSchema } from '../validation.js';
import { changedSinceCommits, type CommitsCheckpoint } from './commits-since.js';

export { commitSchema, commitPageSchema, committedAt, type Commit } from '../schemas.js';

const nameSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const filterFields = () => ({
  /** A SHA or a branch to list from. @default the default branch */
  sha: z.optional(refSchema),
  /** Only commits touching this file path. */
  path: z.optional(pathSchema),
  /** A login or an email address. */
  author: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  perPage: z.optional(pageSizeSchema),
});
const listSchema = z.lazySchema(() =>
  z.strictObject({
    ...filterFields(),
    /** Only commits committed at or after this time. */
    since: z.optional(timestampSchema),
    /** Only commits committed at or before this time. */
    until: z.optional(timestampSchema),
    start: z.optional(startUrlSchema),
  }),
);
/**
 * Options of `commits.list`: the branch or SHA (`sha`), a `path`, an `author`, a `since`/`until` window, `perPage`,
 * and `start` (a page URL to resume from). Validated before the network.
 */
export type ListCommitsOptions = z.input<typeof listSchema>;
const changedSinceSchema = z.lazySchema(() => z.strictObject(filterFields()));
/** Options of `commits.changedSince`: the branch or SHA, a `path`, an `author`, and `perPage`. */
export type ChangedSinceCommitsOptions = z.input<typeof changedSinceSchema>;

/** Commits of a repository's branch. */
export class CommitsApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /repos/{owner}/{repo}/commits`, newest first, page after page.
   * @see https://docs.github.com/en/rest/commits/commits#list-commits
   */
  list(owner: string, repo: string, options: ListCommitsOptions = {}, call: CallOptions = {}): Paginated<Commit, string> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid commits.list() input', 'github');
    const o = validateInput(listSchema, options, 'Invalid commits.list() options', 'github');
    return linkedList<Commit>(
      this.ctx,
      {
        ...call,
        path: '/repos/{owner}/{repo}/commits',
        params,
        query: { sha: o.sha, path: o.path, author: o.author, since: o.since, until: o.until, per_page: o.perPage ?? 100 },
        schema: commitPageSchema,
        operation: 'commits.list',
      },
      (data) => data as Commit[],
      o.start,
    );
  }

  /**
   * Every commit committed at or after a checkpoint, with exact checkpoints. GitHub lists newest first, so a read
   * fixes an upper bound (`until`, when it starts) and walks down to the checkpoint; the checkpoint moves to the
   * newest commit only once the walk is done, and a page's checkpoint mid-walk resumes the walk. Commits sharing
   * the newest timestamp are remembered by SHA, so a rerun neither repeats nor loses them. Start from `null`
   * (everything), a timestamp, or a saved checkpoint.
   *
   * GitHub filters by commit date: a branch merged later whose commits carry older dates is not "since" a
   * checkpoint taken after those dates; a full read (`start: null`) catches them.
   */
  changedSince(
    owner: string,
    repo: string,
    start: CommitsCheckpoint | Date | string | null,
    options: ChangedSinceCommitsOptions = {},
    call: CallOptions = {},
  ): Paginated<Commit, CommitsCheckpoint> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid commits.changedSince() input', 'github');
    const o = validateInput(changedSinceSchema, options, 'Invalid commits.changedSince() options', 'github');
    return changedSinceCommits(this.ctx, params, start, o, call);
  }
}
