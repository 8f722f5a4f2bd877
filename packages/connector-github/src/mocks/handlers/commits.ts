import { http, type RequestHandler } from 'msw';
import { commitJson } from '../render.js';
import { errorBody, json, validationFailed } from '../responses.js';
import { pageOf, route } from '../route.js';
import type { MockGitHub } from '../state.js';
import { repoOf } from './lookup.js';

const timestamp = (value: string): number => (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN);

/**
 * `GET /repos/{owner}/{repo}/commits`: newest first; `sha` (a branch or a SHA on it), `path`, `author`, and
 * `since`/`until` on the commit date, both inclusive. An empty repository answers 409, as GitHub does.
 */
export function commitHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);
  const list = route(mock, 'core', (ctx) => {
    const found = repoOf(ctx);
    if (found instanceof Response) return found;
    const { repo, prefix } = found;
    if (repo.commits.length === 0) return json(errorBody(409, 'Git Repository is empty.'), 409);
    const q = ctx.url.searchParams;
    const bounds: Record<string, number | undefined> = {};
    for (const name of ['since', 'until'] as const) {
      const raw = q.get(name);
      if (raw === null) continue;
      const t = timestamp(raw);
      if (Number.isNaN(t)) return validationFailed([{ resource: 'Commit', field: name, code: 'invalid' }]);
      bounds[name] = t;
    }
    const sha = q.get('sha');
    const path = q.get('path');
    const author = q.get('author');
    let commits = repo.commits;
    if (sha !== null) {
      const byBranch = commits.filter((c) => c.branches.includes(sha));
      const index = commits.findIndex((c) => c.sha.startsWith(sha.toLowerCase()) && sha.length >= 7);
      commits = byBranch.length > 0 ? byBranch : index >= 0 ? commits.slice(0, index + 1) : [];
      if (commits.length === 0) return validationFailed([], undefined, `No commit found for SHA: ${sha}`);
    }
    if (path !== null) commits = commits.filter((c) => c.paths.includes(path.replace(/^\/+/, '')));
    if (author !== null) commits = commits.filter((c) => c.author.login?.toLowerCase() === author.toLowerCase() || c.author.email.toLowerCase() === author.toLowerCase());
    const since = bounds.since;
    const until = bounds.until;
    if (since !== undefined) commits = commits.filter((c) => Date.parse(c.committer.date) >= since);
    if (until !== undefined) commits = commits.filter((c) => Date.parse(c.committer.date) <= until);
    // Newest first; commits of one second in reverse order of their chain.
    const ordered = commits.map((c, i) => ({ c, i })).sort((a, b) => Date.parse(b.c.committer.date) - Date.parse(a.c.committer.date) || b.i - a.i);
    const { items, link } = pageOf(
      ctx.url,
      ordered.map((o) => o.c),
      `/repositories/${repo.id}/commits`,
      prefix,
    );
    return { body: items.map((c) => commitJson(repo, c, account)), link };
  });
  return [http.get('*/repos/:owner/:repo/commits', list), http.get('*/repositories/:id/commits', list)];
}

