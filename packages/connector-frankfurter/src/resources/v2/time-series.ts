import { paginate, type CallOptions, type Paginated } from '@cf/core';
import { commaList, parse, type FrankfurterV2Context } from '../../context.js';
import { v2RatesSchema, v2TimeSeriesQuerySchema, type V2Rate, type V2TimeSeriesQuery } from '../../schemas-v2.js';

/**
 * `GET /v2/rates?from=…&to=…` split into one request per calendar year. The API answers a range with one array, and a
 * full history for every currency is tens of megabytes (over core's 50 MB body cap): a year per page keeps memory at
 * one year, keeps `providers`/`expand` ranges under the API's 5-year cap for them, and a page's checkpoint (the next
 * year's first day) passed as `from` resumes a backfill. Weekly and monthly buckets never straddle a year.
 *
 * Rows are those dated in [from, to]: a range that starts on a day without rates makes the API add the rates in force
 * (dated earlier); they are dropped, so a resumed series repeats nothing.
 */
export function timeSeries(ctx: FrankfurterV2Context, query: V2TimeSeriesQuery, options: CallOptions): Paginated<V2Rate, string> {
  const q = parse(v2TimeSeriesQuerySchema(ctx.tomorrow), query, 'timeSeries');
  const end = q.to ?? ctx.today;
  return paginate<V2Rate, string>({
    signal: options.signal,
    fetchPage: async (cursor) => {
      const from = cursor ?? q.from;
      const year = Number(from.slice(0, 4));
      const to = `${year}-12-31` < end ? `${year}-12-31` : end;
      // Without `to`, the last request is open-ended: the API runs it to its own today.
      const openEnded = to === end && q.to === undefined;
      const { data } = await ctx.http.request({
        ...options,
        path: '/rates',
        query: {
          from,
          to: openEnded ? undefined : to,
          base: q.base,
          quotes: commaList(q.quotes),
          providers: commaList(q.providers),
          group: q.group,
          expand: q.expand,
        },
        schema: v2RatesSchema,
        operation: 'rates.timeSeries',
      });
      return { items: data.filter((row) => row.date >= from), next: to < end ? `${year + 1}-01-01` : undefined };
    },
  });
}
