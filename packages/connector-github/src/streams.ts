import * as z from '@cf/core/zod';
import { defineStreams, validateInput, type CallOptions, type JsonValue, type StreamImplementation, type StreamReadArgs } from '@cf/core';
import type { GitHubContext } from './context.js';
import { metadata } from './metadata.js';
import { linkedList } from './request.js';
import { changedSinceCommits, commitsStart } from './resources/commits-since.js';
import { changedSinceIssues, issuesStart } from './resources/issues-since.js';
import { pullRequestSchema } from './resources/pulls.js';
import { releaseSchema } from './resources/releases.js';
import { repositorySchema } from './resources/repositories.js';
import { commitSchema, committedAt, isPullRequest, issueSchema, type Commit } from './schemas.js';
import { ownerSchema, refSchema, repoSchema, startUrlSchema } from './validation.js';

/**
 * The streams `sync()` (in `@cf/load`) and `cf sync github` land in tables, as declared in `metadata.streams`.
 *
 * Records are delivered as GitHub sent them, plus `repository` (`owner/repo`) so several repositories can share a
 * table: a stream validates only what its checkpoint is made of (ids, dates, the page), and the sync validates each
 * record against the stream's `schema()`, so one record that does not match is set aside in the rejects table
 * while the rest of its page lands. Reads go through the connector's client: paced, conditional, retried.
 */

const repoParamsSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema }));
const commitsParamsSchema = z.lazySchema(() => z.strictObject({ owner: ownerSchema, repo: repoSchema, branch: z.optional(refSchema) }));
const ownerParamsSchema = z.lazySchema(() =>
  z.strictObject({ owner: ownerSchema, ownerType: z.optional(z.enum(['org', 'user'], { error: 'must be org or user' })) }),
);
const urlCheckpointSchema = z.lazySchema(() => z.nullable(startUrlSchema));

/** What a stream's pages are checked for: only what paging and checkpoints read; each record is the sync's to validate. */
const anyPageSchema = z.lazySchema(() => z.array(z.unknown()));
const issueKeysPageSchema = z.lazySchema(() => z.array(z.looseObject({ id: z.number(), updated_at: z.string() })));
const commitKeysPageSchema = z.lazySchema(() =>
  z.array(
    z.looseObject({
      sha: z.string(),
      commit: z.looseObject({
        committer: z.nullable(z.looseObject({ date: z.optional(z.string()) })),
        author: z.nullable(z.looseObject({ date: z.optional(z.string()) })),
      }),
    }),
  ),
);

function readParams<S extends z.ZodType>(stream: string, schema: S, params: StreamReadArgs['params']): z.output<S> {
  return validateInput(schema, params ?? {}, `Invalid params of the github ${stream} stream`, 'github');
}

const callOf = (signal: AbortSignal | undefined): CallOptions => (signal ? { signal } : {});
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The record with fields saying where it belongs; anything not an object is left for the sync to reject. */
const withFields = (record: unknown, fields: Record<string, unknown>): unknown => (isObject(record) ? { ...record, ...fields } : record);
const json = (value: object): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

const issueRecordSchema = z.lazySchema(() => z.extend(issueSchema, { repository: z.string() }));
const pullRequestRecordSchema = z.lazySchema(() => z.extend(pullRequestSchema, { repository: z.string() }));
const releaseRecordSchema = z.lazySchema(() => z.extend(releaseSchema, { repository: z.string() }));
const commitRecordSchema = z.lazySchema(() => z.extend(commitSchema, { repository: z.string(), committed_at: z.string() }));

/** Issues, pull requests left out, from `issues.changedSince`'s exact checkpoints. */
const issues: StreamImplementation<GitHubContext> = {
  schema: () => issueRecordSchema,
  async *read(ctx, { checkpoint, params, signal }) {
    const { owner, repo } = readParams('issues', repoParamsSchema, params);
    const start = issuesStart(checkpoint === null ? null : (checkpoint as never));
    const repository = `${owner}/${repo}`;
    const scan = changedSinceIssues(ctx, { owner, repo }, start, { schema: issueKeysPageSchema }, callOf(signal));
    for await (const page of scan.pages()) {
      const items = page.items.filter((issue) => !isPullRequest(issue)).map((issue) => withFields(issue, { repository }));
      yield { items, checkpoint: page.checkpoint === null ? null : json(page.checkpoint), hasMore: page.hasMore };
    }
  },
};

/** Commits by commit date, from `commits.changedSince`'s checkpoints, with `repository` and `committed_at` on top. */
const commits: StreamImplementation<GitHubContext> = {
  schema: () => commitRecordSchema,
  async *read(ctx, { checkpoint, params, signal }) {
    const { owner, repo, branch } = readParams('commits', commitsParamsSchema, params);
    const start = commitsStart(checkpoint === null ? null : (checkpoint as never));
    const repository = `${owner}/${repo}`;
    const scan = changedSinceCommits(ctx, { owner, repo }, start, { sha: branch, schema: commitKeysPageSchema }, callOf(signal));
    for await (const page of scan.pages()) {
      const items = page.items.map((commit: Commit) => withFields(commit, { repository, committed_at: committedAt(commit) }));
      yield { items, checkpoint: page.checkpoint === null ? null : json(page.checkpoint), hasMore: page.hasMore };
    }
  },
};

/** A list read in full: Link pages, each checkpointed by the next page's URL; the last page's checkpoint is null. */
function fullList(
  stream: string,
  schema: () => z.ZodType,
  list: (ctx: GitHubContext, params: Record<string, string>, call: CallOptions, start: string | undefined) => ReturnType<typeof linkedList<unknown>>,
  paramsSchema: z.ZodType<Record<string, string | undefined>>,
  fields: (params: Record<string, string | undefined>) => Record<string, unknown>,
): StreamImplementation<GitHubContext> {
  return {
    schema,
    async *read(ctx, { checkpoint, params, signal }) {
      const p = readParams(stream, paramsSchema, params) as Record<string, string>;
      const start = validateInput(urlCheckpointSchema, checkpoint, `Invalid checkpoint of the github ${stream} stream (save and pass back the one a page carried)`, 'github');
      const extra = fields(p);
      for await (const page of list(ctx, p, callOf(signal), start ?? undefined).pages()) {
        yield { items: page.items.map((item) => withFields(item, extra)), checkpoint: page.hasMore ? page.checkpoint : null, hasMore: page.hasMore };
      }
    },
  };
}

const repositoryOf = (p: Record<string, string | undefined>) => ({ repository: `${p.owner ?? ''}/${p.repo ?? ''}` });

const pullRequests = fullList(
  'pull_requests',
  () => pullRequestRecordSchema,
  (ctx, p, call, start) =>
    linkedList<unknown>(
      ctx,
      { ...call, path: '/repos/{owner}/{repo}/pulls', params: { owner: p.owner ?? '', repo: p.repo ?? '' }, query: { state: 'all', sort: 'created', direction: 'asc', per_page: 100 }, schema: anyPageSchema, operation: 'pulls.list' },
      (data) => data as unknown[],
      start,
    ),
  repoParamsSchema,
  repositoryOf,
);

const releases = fullList(
  'releases',
  () => releaseRecordSchema,
  (ctx, p, call, start) =>
    linkedList<unknown>(
      ctx,
      { ...call, path: '/repos/{owner}/{repo}/releases', params: { owner: p.owner ?? '', repo: p.repo ?? '' }, query: { per_page: 100 }, schema: anyPageSchema, operation: 'releases.list' },
      (data) => data as unknown[],
      start,
    ),
  repoParamsSchema,
  repositoryOf,
);

const repositories = fullList(
  'repositories',
  () => repositorySchema,
  (ctx, p, call, start) => {
    const user = p.ownerType === 'user';
    return linkedList<unknown>(
      ctx,
      {
        ...call,
        path: user ? '/users/{owner}/repos' : '/orgs/{owner}/repos',
        params: { owner: p.owner ?? '' },
        query: { type: user ? 'owner' : 'all', sort: 'full_name', per_page: 100 },
        schema: anyPageSchema,
        operation: user ? 'repositories.listForUser' : 'repositories.listForOrg',
      },
      (data) => data as unknown[],
      start,
    );
  },
  ownerParamsSchema,
  () => ({}),
);

/** Binds `metadata.streams` to their implementations, for `GitHubConnector.streams()`. */
export const githubStreams = defineStreams<GitHubContext>(metadata.streams, {
  issues,
  pull_requests: pullRequests,
  commits,
  releases,
  repositories,
});
