import type { CallOptions } from '@cf/core';
import { commaList, parse, type FrankfurterV2Context } from '../../context.js';
import { v2RatesQuerySchema, v2RatesSchema, type V2Rate, type V2RatesQuery } from '../../schemas-v2.js';

/**
 * `GET /v2/rates` for one day: the latest rates, or those of `date` (a weekend or holiday gives the rates in force
 * then, each row dated when it was observed). One row per quote currency, sorted by quote, with the base's
 * identity row (rate 1) unless `quotes` leaves it out. A date before any data gives `[]`.
 * @see https://frankfurter.dev/
 */
export async function rates(ctx: FrankfurterV2Context, query: V2RatesQuery, options: CallOptions): Promise<V2Rate[]> {
  const q = parse(v2RatesQuerySchema(ctx.tomorrow), query, 'rates');
  const { data } = await ctx.http.request({
    ...options,
    path: '/rates',
    query: { date: q.date, base: q.base, quotes: commaList(q.quotes), providers: commaList(q.providers), expand: q.expand },
    schema: v2RatesSchema,
    operation: 'rates.get',
  });
  return data;
}
