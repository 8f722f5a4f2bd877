import { linkHeaderPagination, type CallOptions, type Paginated, type RequestSpec } from '@cf/core';
import type * as z from '@cf/core/zod';
import type { GitHubContext } from './context.js';

/**
 * Conditional requests on every GET: each answer is kept with its ETag and the next identical GET sends
 * `If-None-Match`; GitHub's 304 costs no quota and the kept body answers. `ttlMs: 0` makes every read ask GitHub
 * (GitHub says `max-age=60`, but a read after a write must see the write).
 */
export const CONDITIONAL = { ttlMs: 0 } as const;

/** A GET of one resource, conditional, validated with `schema`. */
export async function getOne<S extends z.ZodType>(
  ctx: GitHubContext,
  spec: Omit<RequestSpec<z.output<S>>, 'schema'> & { schema: S },
  call: CallOptions,
): Promise<z.output<S>> {
  const { data } = await ctx.http.request({ ...call, ...spec, method: 'GET', cache: CONDITIONAL });
  return data as z.output<S>;
}

/**
 * A list GitHub pages with `Link: <…>; rel="next"` (absolute URLs, in its `/repositories/{id}/…` form): one page
 * in memory at a time; a page's checkpoint is the next page's URL, from which `start` resumes.
 */
export function linkedList<T>(ctx: GitHubContext, request: RequestSpec, items: (data: unknown) => T[], start?: string): Paginated<T, string> {
  return linkHeaderPagination<T>(ctx.http, {
    request: { ...request, method: 'GET', cache: CONDITIONAL },
    items,
    ...(start !== undefined ? { start } : {}),
  });
}

/** Per-call options first, then the request: a caller cannot replace the path or the schema. */
export const withCall = (call: CallOptions, spec: RequestSpec): RequestSpec => ({ ...call, ...spec });
