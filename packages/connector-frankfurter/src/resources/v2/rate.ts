import { type CallOptions } from '@cf/core';
import { commaList, parse, type FrankfurterV2Context } from '../../context.js';
import { v2RateArgsSchema, v2RateSchema, type V2Rate, type V2RateQuery } from '../../schemas-v2.js';

/**
 * `GET /v2/rate/{base}/{quote}`: one pair, the latest or on `date`. A pair with no rate that day is NOT_FOUND (404).
 * @see https://frankfurter.dev/
 */
export async function rate(ctx: FrankfurterV2Context, base: string, quote: string, query: V2RateQuery, options: CallOptions): Promise<V2Rate> {
  const q = parse(v2RateArgsSchema(ctx.tomorrow), { ...query, base, quote }, 'rate');
  const { data } = await ctx.http.request({
    ...options,
    path: '/rate/{base}/{quote}',
    params: { base: q.base, quote: q.quote },
    query: { date: q.date, providers: commaList(q.providers) },
    schema: v2RateSchema,
    operation: 'rate.get',
  });
  return data;
}
