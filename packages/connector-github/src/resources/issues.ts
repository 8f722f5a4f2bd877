import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { explainUnsafeWrite } from '../errors.js';
import { getOne, linkedList } from '../request.js';
import { issuePageSchema, issueSchema, type Issue } from '../schemas.js';
import { labelNameSchema, numberSchema, ownerSchema, pageSizeSchema, repoSchema, startUrlSchema, timestampSchema } from '../validation.js';
import { IssueCommentsApi } from './issue-comments.js';
import { changedSinceIssues, type IssuesCheckpoint } from './issues-since.js';

export { isPullRequest, issueSchema, issuePageSchema, type Issue } from '../schemas.js';

const nameSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const numberedSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema, issueNumber: numberSchema }));

const listSchema = z.lazySchema(() =>
  z.strictObject({
    state: z.optional(z.enum(['open', 'closed', 'all'], { error: 'must be open, closed or all' })),
    /** Only issues updated at or after this time. */
    since: z.optional(timestampSchema),
    labels: z.optional(z.array(labelNameSchema).check(z.minLength(1, 'must name at least one label'), z.maxLength(100, 'at most 100 labels'))),
    sort: z.optional(z.enum(['created', 'updated', 'comments'], { error: 'must be created, updated or comments' })),
    direction: z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
    /** A login, `none` or `*`. */
    assignee: z.optional(z.string().check(z.minLength(1), z.maxLength(39))),
    creator: z.optional(z.string().check(z.minLength(1), z.maxLength(39))),
    mentioned: z.optional(z.string().check(z.minLength(1), z.maxLength(39))),
    /** A milestone number, `none` or `*`. */
    milestone: z.optional(z.string().check(z.regex(/^(\d+|none|\*)$/, 'must be a milestone number, "none" or "*"'))),
    perPage: z.optional(pageSizeSchema),
    start: z.optional(startUrlSchema),
  }),
);
/**
 * Options of `issues.list`: `state`, `since`, `labels`, `sort`/`direction`, `assignee`, `creator`, `mentioned`,
 * `milestone`, `perPage`, and `start` (a page URL to resume from). Validated before the network.
 */
export type ListIssuesOptions = z.input<typeof listSchema>;

const titleSchema = () => z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(256, 'must be at most 256 characters'));
const bodyTextSchema = () => z.nullable(z.string({ error: 'must be a string' }).check(z.maxLength(65_536, "must be at most 65,536 characters (GitHub's limit)")));
const loginsSchema = () => z.array(ownerSchema).check(z.maxLength(10, 'GitHub assigns at most 10 people'));
const labelsSchema = () => z.array(labelNameSchema).check(z.maxLength(100, 'at most 100 labels'));

const createSchema = z.lazySchema(() =>
  z.strictObject({
    title: titleSchema(),
    body: z.optional(bodyTextSchema()),
    assignees: z.optional(loginsSchema()),
    milestone: z.optional(z.nullable(numberSchema)),
    labels: z.optional(labelsSchema()),
    type: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  }),
);
/**
 * The input of `issues.create`: `title` (1 to 256 characters), `body`, up to 10 `assignees`, `milestone`, up to 100
 * `labels`, `type`. Validated before the network.
 */
export type CreateIssueInput = z.input<typeof createSchema>;

const updateSchema = z.lazySchema(() =>
  z
    .strictObject({
      title: z.optional(titleSchema()),
      body: z.optional(bodyTextSchema()),
      state: z.optional(z.enum(['open', 'closed'], { error: 'must be open or closed' })),
      state_reason: z.optional(z.nullable(z.enum(['completed', 'not_planned', 'reopened'], { error: 'must be completed, not_planned or reopened' }))),
      assignees: z.optional(loginsSchema()),
      milestone: z.optional(z.nullable(numberSchema)),
      labels: z.optional(labelsSchema()),
      type: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    })
    .check(z.refine((u) => Object.keys(u).length > 0, 'must change at least one field')),
);
/**
 * The input of `issues.update`: the fields to change (at least one) among `title`, `body`, `state` and
 * `state_reason`, `assignees`, `milestone`, `labels`, `type`.
 */
export type UpdateIssueInput = z.input<typeof updateSchema>;

const changedSinceSchema = z.lazySchema(() =>
  z.strictObject({
    perPage: z.optional(pageSizeSchema),
    labels: z.optional(z.array(labelNameSchema).check(z.minLength(1), z.maxLength(100))),
    /** Leave pull requests out (their `pull_request` key says which). @default false */
    excludePullRequests: z.optional(z.boolean()),
  }),
);
/** Options of `issues.changedSince`: `perPage`, and `excludePullRequests`. */
export type ChangedSinceIssuesOptions = z.input<typeof changedSinceSchema>;

const UNSAFE_CREATE_CHECK = 'List the repository\'s issues sorted by created (or search by title)';

/** Issues of a repository (pull requests included, as GitHub returns them), and their comments. */
export class IssuesApi {
  /** An issue's comments: `list` and `create`. */
  readonly comments: IssueCommentsApi;

  constructor(private readonly ctx: GitHubContext) {
    this.comments = new IssueCommentsApi(ctx);
  }

  /**
   * `GET /repos/{owner}/{repo}/issues`, page after page. GitHub's defaults: open issues, newest first; pull
   * requests are included (they carry `pull_request`).
   * @see https://docs.github.com/en/rest/issues/issues#list-repository-issues
   */
  list(owner: string, repo: string, options: ListIssuesOptions = {}, call: CallOptions = {}): Paginated<Issue, string> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid issues.list() input', 'github');
    const o = validateInput(listSchema, options, 'Invalid issues.list() options', 'github');
    return linkedList<Issue>(
      this.ctx,
      {
        ...call,
        path: '/repos/{owner}/{repo}/issues',
        params,
        query: {
          state: o.state,
          since: o.since,
          labels: o.labels?.join(','),
          sort: o.sort,
          direction: o.direction,
          assignee: o.assignee,
          creator: o.creator,
          mentioned: o.mentioned,
          milestone: o.milestone,
          per_page: o.perPage ?? 100,
        },
        schema: issuePageSchema,
        operation: 'issues.list',
      },
      (data) => data as Issue[],
      o.start,
    );
  }

  /**
   * `GET /repos/{owner}/{repo}/issues/{issue_number}`. NOT_FOUND for a number that does not exist; GONE (410, as
   * NOT_FOUND) for a deleted issue or a repository with issues turned off.
   * @see https://docs.github.com/en/rest/issues/issues#get-an-issue
   */
  async get(owner: string, repo: string, issueNumber: number, call: CallOptions = {}): Promise<Issue> {
    const p = validateInput(numberedSchema, { owner, repo, issueNumber }, 'Invalid issues.get() input', 'github');
    return getOne(
      this.ctx,
      { path: '/repos/{owner}/{repo}/issues/{issue_number}', params: { owner: p.owner, repo: p.repo, issue_number: p.issueNumber }, schema: issueSchema, operation: 'issues.get' },
      call,
    );
  }

  /**
   * `POST /repos/{owner}/{repo}/issues`. Not idempotent (GitHub takes no idempotency key): a failure after the
   * request may have reached GitHub is not retried and carries `writeOutcome: 'may-have-applied'`.
   * @see https://docs.github.com/en/rest/issues/issues#create-an-issue
   */
  async create(owner: string, repo: string, input: CreateIssueInput, call: CallOptions = {}): Promise<Issue> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid issues.create() input', 'github');
    const body = validateInput(createSchema, input, 'Invalid issues.create() input', 'github');
    try {
      const { data } = await this.ctx.http.request({ ...call, method: 'POST', path: '/repos/{owner}/{repo}/issues', params, body, schema: issueSchema, operation: 'issues.create' });
      return data;
    } catch (error) {
      throw explainUnsafeWrite(error, 'issue', UNSAFE_CREATE_CHECK);
    }
  }

  /**
   * `PATCH /repos/{owner}/{repo}/issues/{issue_number}`: sets the fields given (labels and assignees are replaced
   * as a whole), so sending it twice changes nothing more: it is retried like a read.
   * @see https://docs.github.com/en/rest/issues/issues#update-an-issue
   */
  async update(owner: string, repo: string, issueNumber: number, input: UpdateIssueInput, call: CallOptions = {}): Promise<Issue> {
    const p = validateInput(numberedSchema, { owner, repo, issueNumber }, 'Invalid issues.update() input', 'github');
    const body = validateInput(updateSchema, input, 'Invalid issues.update() input', 'github');
    const { data } = await this.ctx.http.request({
      ...call,
      method: 'PATCH',
      path: '/repos/{owner}/{repo}/issues/{issue_number}',
      params: { owner: p.owner, repo: p.repo, issue_number: p.issueNumber },
      body,
      idempotent: true,
      schema: issueSchema,
      operation: 'issues.update',
    });
    return data;
  }

  /**
   * Every issue (pull requests included unless `excludePullRequests`) updated at or after a checkpoint, oldest
   * change first (`state=all&sort=updated&direction=asc&since=…`), with exact checkpoints: a page's checkpoint
   * resumes right after it, even when issues share its last `updated_at` (see `IssuesCheckpoint`). Start from
   * `null` (everything), a timestamp, or a saved checkpoint; the last page's checkpoint reads later changes.
   */
  changedSince(
    owner: string,
    repo: string,
    start: IssuesCheckpoint | Date | string | null,
    options: ChangedSinceIssuesOptions = {},
    call: CallOptions = {},
  ): Paginated<Issue, IssuesCheckpoint> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid issues.changedSince() input', 'github');
    const o = validateInput(changedSinceSchema, options, 'Invalid issues.changedSince() options', 'github');
    return changedSinceIssues(this.ctx, params, start, o, call);
  }
}

export { UNSAFE_CREATE_CHECK };
