import { http, type RequestHandler } from 'msw';
import { releaseJson } from '../render.js';
import { notFound } from '../responses.js';
import { pageOf, route } from '../route.js';
import type { MockGitHub } from '../state.js';
import { repoOf } from './lookup.js';

/** `GET /repos/{owner}/{repo}/releases` (newest first) and `/releases/latest` (newest published, neither draft nor prerelease). */
export function releaseHandlers(mock: MockGitHub): RequestHandler[] {
  const account = (login: string) => mock.account(login);
  const newestFirst = <T extends { createdAt: string; id: number }>(all: readonly T[]): T[] => [...all].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);

  const list = route(mock, 'core', (ctx) => {
    const found = repoOf(ctx);
    if (found instanceof Response) return found;
    const { repo, prefix } = found;
    const { items, link } = pageOf(ctx.url, newestFirst(repo.releases), `/repositories/${repo.id}/releases`, prefix);
    return { body: items.map((r) => releaseJson(repo, r, account)), link };
  });

  const latest = route(mock, 'core', (ctx) => {
    const found = repoOf(ctx);
    if (found instanceof Response) return found;
    const published = found.repo.releases.filter((r) => !r.draft && !r.prerelease && r.publishedAt !== null);
    const release = [...published].sort((a, b) => Date.parse(b.publishedAt ?? '') - Date.parse(a.publishedAt ?? ''))[0];
    return release ? { body: releaseJson(found.repo, release, account) } : notFound();
  });

  return [http.get('*/repos/:owner/:repo/releases/latest', latest), http.get('*/repos/:owner/:repo/releases', list), http.get('*/repositories/:id/releases', list)];
}
