import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { GitHubContext } from '../context.js';

const quotaSchema = () => z.looseObject({ limit: z.number(), used: z.number(), remaining: z.number(), reset: z.number() });

/** `GET /rate_limit`: every quota of the token, by resource (`core`, `search`, `graphql`, `code_search`, …). */
export const rateLimitStatusSchema = z.lazySchema(() =>
  z.looseObject({
    resources: z.looseObject({ core: quotaSchema(), search: quotaSchema() }),
    rate: quotaSchema(),
  }),
);
/**
 * The token's quotas: `resources.core`, `resources.search` (and any others GitHub reports), each with `limit`,
 * `used`, `remaining` and `reset` (epoch seconds).
 */
export type RateLimitStatus = z.infer<typeof rateLimitStatusSchema>;

/** The token's quotas. */
export class RateLimitApi {
  constructor(private readonly ctx: GitHubContext) {}

  /**
   * `GET /rate_limit`: what is left of each quota and when it resets (epoch seconds). It costs no primary quota,
   * so it bypasses the limiters; it is never answered from the cache.
   * @see https://docs.github.com/en/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
   */
  async get(call: CallOptions = {}): Promise<RateLimitStatus> {
    const { data } = await this.ctx.http.request({ ...call, method: 'GET', path: '/rate_limit', schema: rateLimitStatusSchema, rateLimiter: false, cache: false, operation: 'rateLimit.get' });
    return data;
  }
}
