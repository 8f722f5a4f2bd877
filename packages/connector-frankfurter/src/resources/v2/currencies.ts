import type { CallOptions } from '@cf/core';
import { commaList, parse, type FrankfurterV2Context } from '../../context.js';
import { v2CurrenciesQuerySchema, v2CurrenciesSchema, type V2CurrenciesQuery, type V2Currency } from '../../schemas-v2.js';

/**
 * `GET /v2/currencies`: the currencies with rates in the last 30 days, sorted by code; `scope: 'all'` adds those no
 * longer published (HRK); `providers` keeps the ones those providers cover.
 * @see https://frankfurter.dev/
 */
export async function currencies(ctx: FrankfurterV2Context, query: V2CurrenciesQuery, options: CallOptions): Promise<V2Currency[]> {
  const q = parse(v2CurrenciesQuerySchema, query, 'currencies');
  const { data } = await ctx.http.request({
    ...options,
    path: '/currencies',
    query: { scope: q.scope, providers: commaList(q.providers) },
    schema: v2CurrenciesSchema,
    operation: 'currencies.list',
  });
  return data;
}
