import { http, type RequestHandler } from 'msw';
import type { MockIssue, MockRepository } from '../dataset.js';
import { issueJson, repositoryJson } from '../render.js';
import { DOCS, errorBody, json, validationFailed } from '../responses.js';
import { pageParams, route, type RouteContext } from '../route.js';
import { dateRange, parseSearchQuery, within, type SearchQuery } from '../search-query.js';
import type { MockGitHub } from '../state.js';

/** GitHub returns at most 1,000 results per search; a page past them is a 422. */
export const SEARCH_CAP = 1000;

function issueMatches(repo: MockRepository, issue: MockIssue, query: SearchQuery): boolean {
  const text = `${issue.title} ${issue.body ?? ''}`.toLowerCase();
  if (!query.words.every((w) => text.includes(w))) return false;
  return query.qualifiers.every(({ name, value, negated }) => {
    const v = value.toLowerCase();
    let ok: boolean;
    switch (name) {
      case 'repo':
        ok = `${repo.owner}/${repo.name}`.toLowerCase() === v;
        break;
      case 'org':
      case 'user':
        ok = repo.owner.toLowerCase() === v;
        break;
      case 'is':
      case 'type':
        ok = v === 'issue' ? !issue.pull : v === 'pr' || v === 'pull-request' ? Boolean(issue.pull) : v === 'open' || v === 'closed' ? issue.state === v : true;
        break;
      case 'state':
        ok = issue.state === v;
        break;
      case 'label':
        ok = issue.labels.some((l) => l.toLowerCase() === v);
        break;
      case 'author':
        ok = issue.user.toLowerCase() === v;
        break;
      case 'assignee':
        ok = issue.assignees.some((a) => a.toLowerCase() === v);
        break;
      case 'created':
        ok = within(issue.createdAt, dateRange(value));
        break;
      case 'updated':
        ok = within(issue.updatedAt, dateRange(value));
        break;
      case 'closed':
        ok = issue.closedAt !== null && within(issue.closedAt, dateRange(value));
        break;
      case 'in':
        ok = true;
        break;
      default:
        ok = true;
    }
    return negated ? !ok : ok;
  });
}

function repositoryMatches(repo: MockRepository, query: SearchQuery): boolean {
  const text = `${repo.name} ${repo.description ?? ''}`.toLowerCase();
  if (!query.words.every((w) => text.includes(w))) return false;
  return query.qualifiers.every(({ name, value, negated }) => {
    const v = value.toLowerCase();
    let ok: boolean;
    switch (name) {
      case 'user':
      case 'org':
        ok = repo.owner.toLowerCase() === v;
        break;
      case 'repo':
        ok = `${repo.owner}/${repo.name}`.toLowerCase() === v;
        break;
      case 'created':
        ok = within(repo.createdAt, dateRange(value));
        break;
      case 'pushed':
        ok = within(repo.pushedAt, dateRange(value));
        break;
      case 'is':
        ok = v === 'public' ? !repo.private : v === 'private' ? repo.private : true;
        break;
      case 'archived':
        ok = String(repo.archived) === v;
        break;
      default:
        ok = true;
    }
    return negated ? !ok : ok;
  });
}

/**
 * The paging every search shares: `q` required (422 without it, or with more than 256 characters of text), at most
 * 1,000 results reachable (a page past them is GitHub's 422), `Link` only within them, `total_count` the full
 * count, and `incomplete_results` with part of the matches when the query "times out" (`searchTimesOut`).
 */
function searchPage<T>(ctx: RouteContext, all: (query: SearchQuery) => T[], render: (item: T) => unknown): Response | { body: unknown; link: string | undefined } {
  const q = ctx.url.searchParams.get('q');
  if (q === null || q.trim() === '') return validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }], DOCS.search);
  const query = parseSearchQuery(q);
  if (query.textLength > 256) return validationFailed([{ resource: 'Search', field: 'q', code: 'invalid', message: 'The search is longer than 256 characters.' }], DOCS.search);
  const { perPage, page } = pageParams(ctx.url);
  if ((page - 1) * perPage >= SEARCH_CAP) return json(errorBody(422, 'Only the first 1000 search results are available', DOCS.search), 422);
  let matches = all(query);
  const total = matches.length;
  const timedOut = ctx.mock.options.searchTimesOut?.(q) ?? false;
  if (timedOut) matches = matches.slice(0, Math.ceil(matches.length / 2));
  const reachable = Math.min(matches.length, SEARCH_CAP);
  const items = matches.slice((page - 1) * perPage, Math.min(page * perPage, reachable));
  const last = Math.max(1, Math.ceil(reachable / perPage));
  const at = (n: number): string => {
    const next = new URL(ctx.url.href);
    next.searchParams.set('page', String(n));
    return next.href;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`<${at(page - 1)}>; rel="prev"`);
  if (page < last) rels.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${at(1)}>; rel="first"`);
  return { body: { total_count: total, incomplete_results: timedOut, items: items.map(render) }, link: rels.length > 0 ? rels.join(', ') : undefined };
}

/** `GET /search/issues` and `GET /search/repositories`, on the `search` quota (30 a minute). */
export function searchHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);
  const issues = route(mock, 'search', (ctx) => {
    const sort = ctx.url.searchParams.get('sort');
    const order = ctx.url.searchParams.get('order') ?? 'desc';
    return searchPage(
      ctx,
      (query) => {
        const found: Array<{ repo: MockRepository; issue: MockIssue }> = [];
        for (const repo of mock.repositories) for (const issue of repo.issues) if (!issue.deleted && issueMatches(repo, issue, query)) found.push({ repo, issue });
        // Best match (no sort) is approximated by newest first.
        const key = (f: (typeof found)[number]): number =>
          sort === 'updated' ? Date.parse(f.issue.updatedAt) : sort === 'comments' ? f.issue.comments : Date.parse(f.issue.createdAt);
        const sign = sort !== null && order === 'asc' ? 1 : -1;
        return found.sort((a, b) => (key(a) - key(b) || a.issue.id - b.issue.id) * sign);
      },
      (f) => ({ ...issueJson(f.repo, f.issue, account), score: 1 }),
    );
  });
  const repositories = route(mock, 'search', (ctx) => {
    const sort = ctx.url.searchParams.get('sort');
    const order = ctx.url.searchParams.get('order') ?? 'desc';
    return searchPage(
      ctx,
      (query) => {
        const found = mock.repositories.filter((r) => repositoryMatches(r, query));
        const key = (r: MockRepository): number => (sort === 'updated' ? Date.parse(r.updatedAt) : sort === 'stars' ? r.stars : r.id);
        const sign = sort !== null && order === 'asc' ? 1 : -1;
        return found.sort((a, b) => (key(a) - key(b) || a.id - b.id) * sign);
      },
      (r) => ({ ...repositoryJson(r, account), score: 1 }),
    );
  });
  return [http.get('*/search/issues', issues), http.get('*/search/repositories', repositories)];
}
