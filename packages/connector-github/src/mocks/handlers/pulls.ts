import { http, type RequestHandler } from 'msw';
import type { MockIssue } from '../dataset.js';
import { pullFileJson, pullJson, reviewJson } from '../render.js';
import { notFound, validationFailed } from '../responses.js';
import { pageOf, route, type RouteContext } from '../route.js';
import type { MockGitHub } from '../state.js';
import { numberParam, repoOf } from './lookup.js';

/** Pull requests: the list (state, head, base, sorts), one with its merge state, its files and its reviews. */
export function pullHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);

  const pullAt = (ctx: RouteContext) => {
    const found = repoOf(ctx);
    if (found instanceof Response) return found;
    const number = numberParam(ctx.params.number);
    const issue = number === undefined ? undefined : mock.issue(found.repo, number);
    // An issue that is no pull request is a 404 on the pulls endpoints.
    if (!issue?.pull || issue.deleted) return notFound();
    return { ...found, issue, pull: issue.pull };
  };

  const list = route(mock, 'core', (ctx) => {
    const found = repoOf(ctx);
    if (found instanceof Response) return found;
    const { repo, prefix } = found;
    const q = ctx.url.searchParams;
    const state = q.get('state') ?? 'open';
    const sort = q.get('sort') ?? 'created';
    if (!['open', 'closed', 'all'].includes(state)) return validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    if (!['created', 'updated', 'popularity', 'long-running'].includes(sort)) return validationFailed([{ resource: 'PullRequest', field: 'sort', code: 'invalid' }]);
    // GitHub: desc when sorting by created (the default), else asc.
    const direction = q.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
    const head = q.get('head');
    const base = q.get('base');
    let pulls = repo.issues.filter((i): i is MockIssue & { pull: NonNullable<MockIssue['pull']> } => i.pull !== undefined && !i.deleted);
    if (state !== 'all') pulls = pulls.filter((p) => p.state === state);
    if (head !== null) pulls = pulls.filter((p) => `${repo.owner}:${p.pull.head}`.toLowerCase() === head.toLowerCase());
    if (base !== null) pulls = pulls.filter((p) => p.pull.base === base);
    const key = (p: MockIssue): number => (sort === 'updated' ? Date.parse(p.updatedAt) : sort === 'popularity' ? p.comments : Date.parse(p.createdAt));
    const sign = direction === 'asc' ? 1 : -1;
    pulls = [...pulls].sort((a, b) => (key(a) - key(b) || a.number - b.number) * sign);
    const { items, link } = pageOf(ctx.url, pulls, `/repositories/${repo.id}/pulls`, prefix);
    return { body: items.map((p) => pullJson(repo, p, account, false)), link };
  });

  const get = route(mock, 'core', (ctx) => {
    const found = pullAt(ctx);
    return found instanceof Response ? found : { body: pullJson(found.repo, found.issue, account, true) };
  });

  const files = route(mock, 'core', (ctx) => {
    const found = pullAt(ctx);
    if (found instanceof Response) return found;
    const { repo, issue, pull, prefix } = found;
    // GitHub lists at most 3,000 files of a pull request.
    const { items, link } = pageOf(ctx.url, pull.files, `/repositories/${repo.id}/pulls/${issue.number}/files`, prefix, 3000);
    return { body: items.map((f, i) => pullFileJson(repo, f, i)), link };
  });

  const reviews = route(mock, 'core', (ctx) => {
    const found = pullAt(ctx);
    if (found instanceof Response) return found;
    const { repo, issue, pull, prefix } = found;
    const { items, link } = pageOf(ctx.url, pull.reviews, `/repositories/${repo.id}/pulls/${issue.number}/reviews`, prefix);
    return { body: items.map((r) => reviewJson(repo, issue, r, account)), link };
  });

  return [
    http.get('*/repos/:owner/:repo/pulls/:number/files', files),
    http.get('*/repositories/:id/pulls/:number/files', files),
    http.get('*/repos/:owner/:repo/pulls/:number/reviews', reviews),
    http.get('*/repositories/:id/pulls/:number/reviews', reviews),
    http.get('*/repos/:owner/:repo/pulls/:number', get),
    http.get('*/repos/:owner/:repo/pulls', list),
    http.get('*/repositories/:id/pulls', list),
  ];
}
