import { http, type RequestHandler } from 'msw';
import { iso, type MockIssue, type MockRepository } from '../dataset.js';
import { commentJson, issueJson } from '../render.js';
import { DOCS, errorBody, gone, json, notFound, validationFailed, type FieldError } from '../responses.js';
import { pageOf, route, type Answer, type RouteContext } from '../route.js';
import type { MockGitHub } from '../state.js';
import { numberParam, repoOf, validLogin } from './lookup.js';

const STATES = ['open', 'closed', 'all'];

/** The timestamp GitHub's `since` takes (ISO 8601), or NaN. */
const timestampParam = (value: string): number => (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN);

function withIssues(ctx: RouteContext, then: (repo: MockRepository, prefix: string) => Answer): Answer {
  const found = repoOf(ctx);
  if (found instanceof Response) return found;
  if (!found.repo.hasIssues) return gone('Issues are disabled for this repo');
  return then(found.repo, found.prefix);
}

function issueAt(ctx: RouteContext, repo: MockRepository): MockIssue | Response {
  const number = numberParam(ctx.params.number);
  const issue = number === undefined ? undefined : ctx.mock.issue(repo, number);
  if (!issue) return notFound();
  if (issue.deleted) return gone('This issue was deleted');
  return issue;
}

function forbiddenWrite(): Response {
  return json(errorBody(403, 'Resource not accessible by personal access token', DOCS.createIssue), 403, { 'x-accepted-github-permissions': 'issues=write' });
}

/** Checks a write's fields the way GitHub does; the 422 names each bad one. */
function checkIssueFields(mock: MockGitHub, body: Record<string, unknown>, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string, code = 'invalid') => errors.push({ resource: 'Issue', field, code });
  const title = body.title;
  if (creating && (title === undefined || title === null || title === '')) bad('title', 'missing_field');
  else if (title !== undefined && (typeof title !== 'string' || title.trim() === '') && typeof title !== 'number') bad('title');
  if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') bad('body');
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') bad('state');
  if (body.state_reason !== undefined && body.state_reason !== null && (typeof body.state_reason !== 'string' || !['completed', 'not_planned', 'reopened'].includes(body.state_reason))) bad('state_reason');
  if (body.labels !== undefined && (!Array.isArray(body.labels) || body.labels.some((l) => typeof l !== 'string' && !(typeof l === 'object' && l !== null && 'name' in l)))) bad('labels');
  if (body.assignees !== undefined) {
    if (!Array.isArray(body.assignees) || body.assignees.some((a) => typeof a !== 'string' || !validLogin(a) || !mock.accounts.has(a.toLowerCase()))) bad('assignees');
  }
  if (body.milestone !== undefined && body.milestone !== null && !(typeof body.milestone === 'number' && Number.isInteger(body.milestone) && body.milestone > 0)) bad('milestone');
  return errors;
}

const labelNames = (labels: unknown[]): string[] => labels.map((l) => (typeof l === 'string' ? l : String((l as { name: unknown }).name)));

/**
 * Issues: the list (GitHub's filters and sorts, pull requests included), one issue, create and update (with
 * GitHub's 422 for bad fields and 410 for a deleted issue or disabled issues), and comments.
 */
export function issueHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);

  const list = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo, prefix) => {
      const q = ctx.url.searchParams;
      const state = q.get('state') ?? 'open';
      const sort = q.get('sort') ?? 'created';
      const direction = q.get('direction') ?? 'desc';
      if (!STATES.includes(state)) return validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
      if (!['created', 'updated', 'comments'].includes(sort)) return validationFailed([{ resource: 'Issue', field: 'sort', code: 'invalid' }]);
      if (direction !== 'asc' && direction !== 'desc') return validationFailed([{ resource: 'Issue', field: 'direction', code: 'invalid' }]);
      const since = q.get('since');
      const sinceMs = since === null ? undefined : timestampParam(since);
      if (sinceMs !== undefined && Number.isNaN(sinceMs)) return validationFailed([{ resource: 'Issue', field: 'since', code: 'invalid' }]);
      const labels = (q.get('labels') ?? '').split(',').map((l) => l.trim()).filter((l) => l !== '');
      const creator = q.get('creator');
      const assignee = q.get('assignee');
      const milestone = q.get('milestone');
      let issues = repo.issues.filter((i) => !i.deleted && (state === 'all' || i.state === state));
      if (sinceMs !== undefined) issues = issues.filter((i) => Date.parse(i.updatedAt) >= sinceMs);
      if (labels.length > 0) issues = issues.filter((i) => labels.every((l) => i.labels.some((have) => have.toLowerCase() === l.toLowerCase())));
      if (creator !== null) issues = issues.filter((i) => i.user.toLowerCase() === creator.toLowerCase());
      if (assignee !== null) {
        issues = issues.filter((i) => (assignee === 'none' ? i.assignees.length === 0 : assignee === '*' ? i.assignees.length > 0 : i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())));
      }
      if (milestone !== null) {
        issues = issues.filter((i) => (milestone === 'none' ? i.milestone === null : milestone === '*' ? i.milestone !== null : String(i.milestone) === milestone));
      }
      const key = (i: MockIssue): number => (sort === 'updated' ? Date.parse(i.updatedAt) : sort === 'comments' ? i.comments : Date.parse(i.createdAt));
      const sign = direction === 'asc' ? 1 : -1;
      issues = [...issues].sort((a, b) => (key(a) - key(b) || a.number - b.number) * sign);
      const { items, link } = pageOf(ctx.url, issues, `/repositories/${repo.id}/issues`, prefix);
      return { body: items.map((i) => issueJson(repo, i, account)), link };
    }),
  );

  const get = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo) => {
      const issue = issueAt(ctx, repo);
      return issue instanceof Response ? issue : { body: issueJson(repo, issue, account) };
    }),
  );

  const create = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo) => {
      if (!mock.canWrite(ctx.token)) return forbiddenWrite();
      const body = ctx.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], DOCS.createIssue);
      const fields = body as Record<string, unknown>;
      const errors = checkIssueFields(mock, fields, true);
      if (errors.length > 0) return validationFailed(errors, DOCS.createIssue);
      const now = iso(mock.clock.now());
      const number = repo.issues.reduce((n, i) => Math.max(n, i.number), 0) + 1;
      const issue: MockIssue = {
        id: mock.newId(),
        number,
        title: String(fields.title),
        body: typeof fields.body === 'string' ? fields.body : null,
        state: 'open',
        stateReason: null,
        user: 'octocat',
        labels: Array.isArray(fields.labels) ? labelNames(fields.labels) : [],
        assignees: Array.isArray(fields.assignees) ? (fields.assignees as string[]) : [],
        milestone: typeof fields.milestone === 'number' ? fields.milestone : null,
        comments: 0,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      };
      repo.issues.push(issue);
      repo.updatedAt = now;
      return { status: 201, body: issueJson(repo, issue, account), headers: { location: `https://api.github.com/repos/${repo.owner}/${repo.name}/issues/${number}` } };
    }),
  );

  const update = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo) => {
      if (!mock.canWrite(ctx.token)) return forbiddenWrite();
      const issue = issueAt(ctx, repo);
      if (issue instanceof Response) return issue;
      const fields = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
      const errors = checkIssueFields(mock, fields, false);
      if (errors.length > 0) return validationFailed(errors, DOCS.updateIssue);
      const now = iso(mock.clock.now());
      if (typeof fields.title === 'string' || typeof fields.title === 'number') issue.title = String(fields.title);
      if (fields.body === null || typeof fields.body === 'string') issue.body = fields.body;
      if (Array.isArray(fields.labels)) issue.labels = labelNames(fields.labels);
      if (Array.isArray(fields.assignees)) issue.assignees = fields.assignees as string[];
      if (fields.milestone !== undefined) issue.milestone = fields.milestone as number | null;
      if (fields.state === 'closed' && issue.state !== 'closed') {
        issue.state = 'closed';
        issue.closedAt = now;
        issue.stateReason = typeof fields.state_reason === 'string' ? fields.state_reason : 'completed';
      } else if (fields.state === 'open' && issue.state !== 'open') {
        issue.state = 'open';
        issue.closedAt = null;
        issue.stateReason = 'reopened';
      }
      issue.updatedAt = now;
      repo.updatedAt = now;
      return { body: issueJson(repo, issue, account) };
    }),
  );

  const listComments = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo, prefix) => {
      const issue = issueAt(ctx, repo);
      if (issue instanceof Response) return issue;
      const since = ctx.url.searchParams.get('since');
      const sinceMs = since === null ? undefined : timestampParam(since);
      if (sinceMs !== undefined && Number.isNaN(sinceMs)) return validationFailed([{ resource: 'IssueComment', field: 'since', code: 'invalid' }]);
      const comments = mock
        .comments(repo, issue.number)
        .filter((c) => sinceMs === undefined || Date.parse(c.updatedAt) >= sinceMs)
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
      const { items, link } = pageOf(ctx.url, comments, `/repositories/${repo.id}/issues/${issue.number}/comments`, prefix);
      return { body: items.map((c) => commentJson(repo, c, account)), link };
    }),
  );

  const createComment = route(mock, 'core', (ctx) =>
    withIssues(ctx, (repo) => {
      if (!mock.canWrite(ctx.token)) return forbiddenWrite();
      const issue = issueAt(ctx, repo);
      if (issue instanceof Response) return issue;
      const text = (ctx.body as { body?: unknown } | undefined)?.body;
      if (typeof text !== 'string' || text === '') return validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], DOCS.createComment);
      const now = iso(mock.clock.now());
      const comment = { id: mock.newId(), issueNumber: issue.number, user: 'octocat', body: text, createdAt: now, updatedAt: now };
      repo.comments.push(comment);
      issue.comments += 1;
      issue.updatedAt = now;
      return { status: 201, body: commentJson(repo, comment, account), headers: { location: `https://api.github.com/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}` } };
    }),
  );

  return [
    http.get('*/repos/:owner/:repo/issues/:number/comments', listComments),
    http.get('*/repositories/:id/issues/:number/comments', listComments),
    http.post('*/repos/:owner/:repo/issues/:number/comments', createComment),
    http.get('*/repos/:owner/:repo/issues/:number', get),
    http.patch('*/repos/:owner/:repo/issues/:number', update),
    http.get('*/repos/:owner/:repo/issues', list),
    http.get('*/repositories/:id/issues', list),
    http.post('*/repos/:owner/:repo/issues', create),
  ];
}
