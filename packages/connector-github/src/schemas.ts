import * as z from '@cf/core/zod';

/**
 * Shapes shared by several resources, from GitHub's OpenAPI description (`simple-user`, `label`, `milestone`).
 * Loose objects: unknown fields pass through, and only what the connector or its users rely on is declared.
 */

/** A user or bot as GitHub embeds it (`simple-user`). */
export const simpleUserSchema = z.lazySchema(() =>
  z.looseObject({
    login: z.string(),
    id: z.number(),
    node_id: z.optional(z.string()),
    type: z.optional(z.string()),
    site_admin: z.optional(z.boolean()),
    html_url: z.optional(z.string()),
  }),
);
/** A user or bot as GitHub embeds it: `login`, `id`, `type`, `site_admin`, `html_url`. */
export type SimpleUser = z.infer<typeof simpleUserSchema>;

/** The zod schema of a label (`label`): `id`, `name`, `color`, `description`, `default`. */
export const labelSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    name: z.string(),
    color: z.optional(z.nullable(z.string())),
    description: z.optional(z.nullable(z.string())),
    default: z.optional(z.boolean()),
  }),
);
/** A label: `id`, `name`, `color` (hex, no `#`), `description`, `default`. */
export type Label = z.infer<typeof labelSchema>;

/** The zod schema of a milestone: `id`, `number`, `title`, `state`, `due_on`. */
export const milestoneSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    number: z.number(),
    title: z.string(),
    state: z.string(),
    due_on: z.optional(z.nullable(z.string())),
  }),
);
/** A milestone: `id`, `number`, `title`, `state`, `due_on`. */
export type Milestone = z.infer<typeof milestoneSchema>;

/** GitHub's timestamps: ISO 8601 in UTC, to the second (`2024-05-01T10:00:00Z`). */
export const timestampString = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 timestamp'));

/**
 * An issue (`issue` in GitHub's OpenAPI). The issues endpoints return pull requests too: those carry a
 * `pull_request` object (see `isPullRequest`).
 */
export const issueSchema = z.lazySchema(() =>
  z.looseObject({
    id: z.number(),
    node_id: z.optional(z.string()),
    number: z.number(),
    title: z.string(),
    state: z.string(),
    state_reason: z.optional(z.nullable(z.string())),
    locked: z.optional(z.boolean()),
    user: z.nullable(simpleUserSchema),
    labels: z.array(z.union([z.string(), labelSchema])),
    assignee: z.optional(z.nullable(simpleUserSchema)),
    assignees: z.optional(z.nullable(z.array(simpleUserSchema))),
    milestone: z.nullable(milestoneSchema),
    comments: z.number(),
    body: z.optional(z.nullable(z.string())),
    pull_request: z.optional(z.looseObject({ url: z.optional(z.string()), merged_at: z.optional(z.nullable(z.string())) })),
    html_url: z.string(),
    url: z.string(),
    repository_url: z.string(),
    author_association: z.optional(z.string()),
    created_at: timestampString(),
    updated_at: timestampString(),
    closed_at: z.nullable(z.string()),
  }),
);
/**
 * An issue (or a pull request, as the issues endpoints return both: see `isPullRequest`): `number`, `title`, `body`,
 * `state` and `state_reason`, `user`, `labels`, `assignees`, `milestone`, `comments`, URLs and timestamps.
 */
export type Issue = z.infer<typeof issueSchema>;

export const issuePageSchema = z.lazySchema(() => z.array(issueSchema));

/** True for the pull requests the issues endpoints return alongside issues. */
export const isPullRequest = (issue: { pull_request?: unknown }): boolean => issue.pull_request !== undefined && issue.pull_request !== null;


const gitActorSchema = () => z.nullable(z.looseObject({ name: z.optional(z.string()), email: z.optional(z.string()), date: z.optional(z.string()) }));

/** A commit as the list returns it (`commit` in GitHub's OpenAPI). `author`/`committer` at the top are GitHub accounts, or null. */
export const commitSchema = z.lazySchema(() =>
  z.looseObject({
    sha: z.string(),
    node_id: z.optional(z.string()),
    html_url: z.string(),
    url: z.string(),
    commit: z.looseObject({
      message: z.string(),
      author: gitActorSchema(),
      committer: gitActorSchema(),
      comment_count: z.optional(z.number()),
    }),
    author: z.nullable(z.union([simpleUserSchema, z.looseObject({})])),
    committer: z.nullable(z.union([simpleUserSchema, z.looseObject({})])),
    parents: z.array(z.looseObject({ sha: z.string() })),
  }),
);
/**
 * A commit: `sha`, its `commit` (message, author and committer with dates), the GitHub accounts `author` and
 * `committer` (or null), `parents` and URLs.
 */
export type Commit = z.infer<typeof commitSchema>;
export const commitPageSchema = z.lazySchema(() => z.array(commitSchema));

/** When a commit was committed (what `since`/`until` filter on), else when it was authored. */
export const committedAt = (commit: Commit): string | undefined => commit.commit.committer?.date ?? commit.commit.author?.date;

