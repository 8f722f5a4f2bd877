import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { getOne, linkedList } from '../request.js';
import { simpleUserSchema } from '../schemas.js';
import { ownerSchema, pageSizeSchema, repoSchema, startUrlSchema } from '../validation.js';

/** A repository (`repository` / `full-repository` in GitHub's OpenAPI): the fields relied on, the rest passes through. */
export const repositorySchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    name: z.string(),
    full_name: z.string(),
    owner: simpleUserSchema,
    private: z.boolean(),
    html_url: z.string(),
    description: z.nullable(z.string()),
    fork: z.boolean(),
    default_branch: z.optional(z.string()),
    archived: z.optional(z.boolean()),
    visibility: z.optional(z.string()),
    created_at: z.nullable(z.string()),
    updated_at: z.nullable(z.string()),
    pushed_at: z.nullable(z.string()),
    stargazers_count: z.optional(z.number()),
    open_issues_count: z.optional(z.number()),
  }),
);
/**
 * A repository: `id`, `name`, `full_name`, `owner`, `private`, `description`, `default_branch`, flags and counts, and
 * its timestamps.
 */
export type Repository = z.infer<typeof repositorySchema>;

export const repositoryPageSchema = z.lazySchema(() => z.array(repositorySchema));

const nameSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const loginSchema = z.lazySchema(() => z.strictObject({ login: ownerSchema }));

const commonListSchema = {
  sort: () => z.optional(z.enum(['created', 'updated', 'pushed', 'full_name'], { error: 'must be created, updated, pushed or full_name' })),
  direction: () => z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
  perPage: () => z.optional(pageSizeSchema),
  start: () => z.optional(startUrlSchema),
};

const userListSchema = z.lazySchema(() =>
  z.strictObject({
    type: z.optional(z.enum(['all', 'owner', 'member'], { error: 'must be all, owner or member' })),
    sort: commonListSchema.sort(),
    direction: commonListSchema.direction(),
    perPage: commonListSchema.perPage(),
    start: commonListSchema.start(),
  }),
);
const orgListSchema = z.lazySchema(() =>
  z.strictObject({
    type: z.optional(z.enum(['all', 'public', 'private', 'forks', 'sources', 'member'], { error: 'must be all, public, private, forks, sources or member' })),
    sort: commonListSchema.sort(),
    direction: commonListSchema.direction(),
    perPage: commonListSchema.perPage(),
    start: commonListSchema.start(),
  }),
);

/** Options of `repositories.listForUser`: `type` (all, owner, member), `sort`/`direction`, `perPage` and `start`. */
export type ListUserRepositoriesOptions = z.input<typeof userListSchema>;
/**
 * Options of `repositories.listForOrg`: `type` (all, public, private, forks, sources, member), `sort`/`direction`,
 * `perPage` and `start`.
 */
export type ListOrgRepositoriesOptions = z.input<typeof orgListSchema>;

/** Repositories: one, or every repository of a user or an organization. */
export class RepositoriesApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /repos/{owner}/{repo}`: one repository. NOT_FOUND when it does not exist or the token cannot see it.
   * @see https://docs.github.com/en/rest/repos/repos#get-a-repository
   */
  async get(owner: string, repo: string, call: CallOptions = {}): Promise<Repository> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid repositories.get() input', 'github');
    return getOne(this.ctx, { path: '/repos/{owner}/{repo}', params, schema: repositorySchema, operation: 'repositories.get' }, call);
  }

  /**
   * `GET /users/{username}/repos`: a user's public repositories (all the token can see with `type`), page after page.
   * @see https://docs.github.com/en/rest/repos/repos#list-repositories-for-a-user
   */
  listForUser(username: string, options: ListUserRepositoriesOptions = {}, call: CallOptions = {}): Paginated<Repository, string> {
    const { login } = validateInput(loginSchema, { login: username }, 'Invalid repositories.listForUser() input', 'github');
    const o = validateInput(userListSchema, options, 'Invalid repositories.listForUser() options', 'github');
    return linkedList<Repository>(
      this.ctx,
      {
        ...call,
        path: '/users/{username}/repos',
        params: { username: login },
        query: { type: o.type, sort: o.sort, direction: o.direction, per_page: o.perPage ?? 100 },
        schema: repositoryPageSchema,
        operation: 'repositories.listForUser',
      },
      (data) => data as Repository[],
      o.start,
    );
  }

  /**
   * `GET /orgs/{org}/repos`: an organization's repositories, page after page.
   * @see https://docs.github.com/en/rest/repos/repos#list-organization-repositories
   */
  listForOrg(org: string, options: ListOrgRepositoriesOptions = {}, call: CallOptions = {}): Paginated<Repository, string> {
    const { login } = validateInput(loginSchema, { login: org }, 'Invalid repositories.listForOrg() input', 'github');
    const o = validateInput(orgListSchema, options, 'Invalid repositories.listForOrg() options', 'github');
    return linkedList<Repository>(
      this.ctx,
      {
        ...call,
        path: '/orgs/{org}/repos',
        params: { org: login },
        query: { type: o.type, sort: o.sort, direction: o.direction, per_page: o.perPage ?? 100 },
        schema: repositoryPageSchema,
        operation: 'repositories.listForOrg',
      },
      (data) => data as Repository[],
      o.start,
    );
  }
}
