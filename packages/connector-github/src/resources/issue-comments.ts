import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { explainUnsafeWrite } from '../errors.js';
import { linkedList } from '../request.js';
import { simpleUserSchema, timestampString } from '../schemas.js';
import { numberSchema, ownerSchema, pageSizeSchema, repoSchema, startUrlSchema, timestampSchema } from '../validation.js';

/** A comment on an issue or pull request (`issue-comment` in GitHub's OpenAPI). */
export const issueCommentSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    body: z.optional(z.string()),
    user: z.nullable(simpleUserSchema),
    html_url: z.string(),
    issue_url: z.string(),
    author_association: z.optional(z.string()),
    created_at: timestampString(),
    updated_at: timestampString(),
  }),
);
/**
 * An issue comment: `id`, `body`, `user`, `html_url`, `issue_url`, `author_association`, `created_at`, `updated_at`.
 */
export type IssueComment = z.infer<typeof issueCommentSchema>;

export const issueCommentPageSchema = z.lazySchema(() => z.array(issueCommentSchema));

const targetSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema, issueNumber: numberSchema }));
const listSchema = z.lazySchema(() => z.strictObject({ since: z.optional(timestampSchema), perPage: z.optional(pageSizeSchema), start: z.optional(startUrlSchema) }));
/**
 * Options of `issues.comments.list`: `since` (comments updated at or after it), `perPage`, and `start` (a page URL to
 * resume from).
 */
export type ListIssueCommentsOptions = z.input<typeof listSchema>;
const createSchema = z.lazySchema(() =>
  z.strictObject({ body: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(65_536, "must be at most 65,536 characters (GitHub's limit)")) }),
);

/** The comments of one issue or pull request (`issues.comments`). */
export class IssueCommentsApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`, oldest first, page after page; `since` keeps those
   * updated at or after it.
   * @see https://docs.github.com/en/rest/issues/comments#list-issue-comments
   */
  list(owner: string, repo: string, issueNumber: number, options: ListIssueCommentsOptions = {}, call: CallOptions = {}): Paginated<IssueComment, string> {
    const p = validateInput(targetSchema, { owner, repo, issueNumber }, 'Invalid issues.comments.list() input', 'github');
    const o = validateInput(listSchema, options, 'Invalid issues.comments.list() options', 'github');
    return linkedList<IssueComment>(
      this.ctx,
      {
        ...call,
        path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        params: { owner: p.owner, repo: p.repo, issue_number: p.issueNumber },
        query: { since: o.since, per_page: o.perPage ?? 100 },
        schema: issueCommentPageSchema,
        operation: 'issues.comments.list',
      },
      (data) => data as IssueComment[],
      o.start,
    );
  }

  /**
   * `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. Not idempotent: a failure after the request may
   * have reached GitHub is not retried and carries `writeOutcome: 'may-have-applied'`.
   * @see https://docs.github.com/en/rest/issues/comments#create-an-issue-comment
   */
  async create(owner: string, repo: string, issueNumber: number, body: string, call: CallOptions = {}): Promise<IssueComment> {
    const p = validateInput(targetSchema, { owner, repo, issueNumber }, 'Invalid issues.comments.create() input', 'github');
    const input = validateInput(createSchema, { body }, 'Invalid issues.comments.create() input', 'github');
    try {
      const { data } = await this.ctx.http.request({
        ...call,
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        params: { owner: p.owner, repo: p.repo, issue_number: p.issueNumber },
        body: input,
        schema: issueCommentSchema,
        operation: 'issues.comments.create',
      });
      return data;
    } catch (error) {
      throw explainUnsafeWrite(error, 'comment', "List the issue's comments");
    }
  }
}
