import { http, type RequestHandler } from 'msw';
import { repositoryJson } from '../render.js';
import { notFound } from '../responses.js';
import { pageOf, route } from '../route.js';
import type { MockGitHub } from '../state.js';
import { repoOf, validLogin } from './lookup.js';

/** `GET /repos/{owner}/{repo}`, `GET /users/{username}/repos`, `GET /orgs/{org}/repos` (and their `Link` forms). */
export function repositoryHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);

  const list = (kind: 'user' | 'org') =>
    route(mock, 'core', (ctx) => {
      const { login, id } = ctx.params;
      const path = ctx.url.pathname;
      const owner =
        id !== undefined
          ? [...mock.accounts.values()].find((a) => String(a.id) === id)
          : validLogin(login)
            ? mock.accounts.get(login.toLowerCase())
            : undefined;
      if (!owner || (kind === 'org') !== (owner.type === 'Organization')) return notFound();
      const type = ctx.url.searchParams.get('type') ?? (kind === 'org' ? 'all' : 'owner');
      let repos = mock.repositories.filter((r) => r.owner.toLowerCase() === owner.login.toLowerCase());
      if (type === 'public') repos = repos.filter((r) => !r.private);
      if (type === 'private') repos = repos.filter((r) => r.private);
      if (type === 'forks') repos = repos.filter((r) => r.fork);
      if (type === 'sources') repos = repos.filter((r) => !r.fork);
      const sort = ctx.url.searchParams.get('sort') ?? (kind === 'org' ? 'created' : 'full_name');
      const key = (r: (typeof repos)[number]): string => (sort === 'full_name' ? `${r.owner}/${r.name}`.toLowerCase() : sort === 'updated' ? r.updatedAt : sort === 'pushed' ? r.pushedAt : r.createdAt);
      const direction = ctx.url.searchParams.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
      repos = [...repos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id) * (direction === 'asc' ? 1 : -1));
      const marker = id !== undefined ? (kind === 'org' ? '/organizations/' : '/user/') : kind === 'org' ? '/orgs/' : '/users/';
      const prefix = path.slice(0, path.indexOf(marker));
      const canonical = kind === 'org' ? `/organizations/${owner.id}/repos` : `/user/${owner.id}/repos`;
      const { items, link } = pageOf(ctx.url, repos, canonical, prefix);
      return { body: items.map((r) => repositoryJson(r, account)), link };
    });

  return [
    http.get(
      '*/repos/:owner/:repo',
      route(mock, 'core', (ctx) => {
        const found = repoOf(ctx);
        return found instanceof Response ? found : { body: repositoryJson(found.repo, account) };
      }),
    ),
    http.get('*/users/:login/repos', list('user')),
    http.get('*/user/:id/repos', list('user')),
    http.get('*/orgs/:login/repos', list('org')),
    http.get('*/organizations/:id/repos', list('org')),
  ];
}
