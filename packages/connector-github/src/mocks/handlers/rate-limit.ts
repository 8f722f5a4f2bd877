import { http, type RequestHandler } from 'msw';
import { route } from '../route.js';
import type { MockGitHub } from '../state.js';

/** `GET /rate_limit`: every quota of the token. It counts against none (GitHub: "does not count against your primary rate limit"). */
export function rateLimitHandlers(mock: MockGitHub): RequestHandler[] {
  return [
    http.get(
      '*/rate_limit',
      route(mock, 'none', (ctx) => {
        const core = mock.quota.snapshot(ctx.token, 'core');
        const search = mock.quota.snapshot(ctx.token, 'search');
        const fixed = (limit: number) => ({ limit, used: 0, remaining: limit, reset: core.reset });
        return {
          body: {
            resources: { core, search, graphql: fixed(5000), integration_manifest: fixed(5000), code_search: fixed(10), source_import: fixed(100), code_scanning_upload: fixed(1000) },
            rate: core,
          },
        };
      }),
    ),
  ];
}
