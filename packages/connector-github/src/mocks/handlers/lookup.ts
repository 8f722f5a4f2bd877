import type { MockRepository } from '../dataset.js';
import { notFound } from '../responses.js';
import type { RouteContext } from '../route.js';

/** GitHub's naming rules: a name that breaks them (an encoded `/`, spaces, `..`) names nothing, so it is a 404. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export const validLogin = (login: string | undefined): login is string => login !== undefined && LOGIN.test(login);
export const validRepoName = (name: string | undefined): name is string => name !== undefined && REPO.test(name) && name !== '.' && name !== '..';

/**
 * The repository a route names, by `owner/repo` or (the form of GitHub's `Link` URLs) `/repositories/{id}`; a 404
 * `Response` when the name is malformed or unknown. Also the path prefix before the route, for `Link` headers.
 */
export function repoOf(ctx: RouteContext): { repo: MockRepository; prefix: string } | Response {
  const { owner, repo: name, id } = ctx.params;
  const path = ctx.url.pathname;
  if (id !== undefined) {
    if (!/^\d+$/.test(id)) return notFound();
    const repo = ctx.mock.repositoryById(Number(id));
    return repo ? { repo, prefix: path.slice(0, path.indexOf('/repositories/')) } : notFound();
  }
  if (!validLogin(owner) || !validRepoName(name)) return notFound();
  const repo = ctx.mock.repository(owner, name);
  return repo ? { repo, prefix: path.slice(0, path.indexOf('/repos/')) } : notFound();
}

/** A positive issue or pull request number from the path, or undefined. */
export function numberParam(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}
