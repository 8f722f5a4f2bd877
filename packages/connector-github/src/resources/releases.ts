import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';
import { getOne, linkedList } from '../request.js';
import { simpleUserSchema, timestampString } from '../schemas.js';
import { ownerSchema, pageSizeSchema, repoSchema, startUrlSchema } from '../validation.js';

/** A release (`release` in GitHub's OpenAPI). Drafts have no `published_at` and are listed only to users with push access. */
export const releaseSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    tag_name: z.string(),
    target_commitish: z.string(),
    name: z.nullable(z.string()),
    body: z.optional(z.nullable(z.string())),
    draft: z.boolean(),
    prerelease: z.boolean(),
    created_at: timestampString(),
    published_at: z.nullable(z.string()),
    author: simpleUserSchema,
    html_url: z.string(),
    url: z.string(),
    tarball_url: z.nullable(z.string()),
    zipball_url: z.nullable(z.string()),
    assets: z.array(z.looseObject({ id: z.number(), name: z.string(), size: z.number(), download_count: z.number(), browser_download_url: z.string() })),
  }),
);
/**
 * A release: `tag_name`, `name`, `body`, `draft`, `prerelease`, `author`, timestamps, archive URLs and its `assets`.
 */
export type Release = z.infer<typeof releaseSchema>;
export const releasePageSchema = z.lazySchema(() => z.array(releaseSchema));

const nameSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const listSchema = z.lazySchema(() => z.strictObject({ perPage: z.optional(pageSizeSchema), start: z.optional(startUrlSchema) }));
/** Options of `releases.list`: `perPage` and `start` (a page URL to resume from). */
export type ListReleasesOptions = z.input<typeof listSchema>;

/** Releases of a repository. */
export class ReleasesApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /repos/{owner}/{repo}/releases`, newest first, page after page (tags without a release are not listed).
   * @see https://docs.github.com/en/rest/releases/releases#list-releases
   */
  list(owner: string, repo: string, options: ListReleasesOptions = {}, call: CallOptions = {}): Paginated<Release, string> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid releases.list() input', 'github');
    const o = validateInput(listSchema, options, 'Invalid releases.list() options', 'github');
    return linkedList<Release>(
      this.ctx,
      { ...call, path: '/repos/{owner}/{repo}/releases', params, query: { per_page: o.perPage ?? 100 }, schema: releasePageSchema, operation: 'releases.list' },
      (data) => data as Release[],
      o.start,
    );
  }

  /**
   * `GET /repos/{owner}/{repo}/releases/latest`: the most recent published release that is neither a draft nor a
   * prerelease. NOT_FOUND when there is none.
   * @see https://docs.github.com/en/rest/releases/releases#get-the-latest-release
   */
  async getLatest(owner: string, repo: string, call: CallOptions = {}): Promise<Release> {
    const params = validateInput(nameSchema, { owner, repo }, 'Invalid releases.getLatest() input', 'github');
    return getOne(this.ctx, { path: '/repos/{owner}/{repo}/releases/latest', params, schema: releaseSchema, operation: 'releases.getLatest' }, call);
  }
}
