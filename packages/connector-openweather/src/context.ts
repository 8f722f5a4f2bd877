import type { ApiResponse, RateLimiter, RequestSpec } from '@cf/core';
import type { Units } from './units.js';

/** What a resource needs from the client: the request funnel, the client's defaults and the One Call limiter. */
export interface ResourceContext {
  request<T>(spec: RequestSpec<T>): Promise<ApiResponse<T>>;
  /** The client's unit system. */
  units(): Units;
  /** The client's language, if set. */
  lang(): string | undefined;
  /** The limiter One Call requests go through (per-minute plus daily), or undefined when local limits are off. */
  oneCallLimiter(): RateLimiter | undefined;
  /** The client's clock (epoch ms): time rules ("up to 4 days ahead") are checked against it, never `Date.now()`. */
  now(): number;
}
