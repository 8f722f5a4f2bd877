import type { CallOptions } from '@cf/core';
import type { FrankfurterV2Context } from '../../context.js';
import { v2ProvidersSchema, type V2Provider } from '../../schemas-v2.js';

/**
 * `GET /v2/providers`: the data sources (central banks and other official publishers) with rates, sorted by key.
 * @see https://frankfurter.dev/
 */
export async function providers(ctx: FrankfurterV2Context, options: CallOptions): Promise<V2Provider[]> {
  const { data } = await ctx.http.request({ ...options, path: '/providers', schema: v2ProvidersSchema, operation: 'providers.list' });
  return data;
}
