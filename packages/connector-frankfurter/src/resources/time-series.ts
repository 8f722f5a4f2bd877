import { paginate, type CallOptions, type Paginated } from '@cf/core';
import { parse, type FrankfurterContext } from '../context.js';
import { timeSeriesQuerySchema, timeSeriesSchema, type Rates, type TimeSeriesQuery } from '../schemas.js';

/**
 * `GET /{start}..{end}` as one row per business day in [start, end], fetched one calendar year per request:
 * memory stays at one year, a page's checkpoint (the next year's first day) passed as `start` resumes a
 * backfill, and past years, which never change, are cached for good when a response cache is configured.
 */
export function timeSeries(ctx: FrankfurterContext, query: TimeSeriesQuery, options: CallOptions): Paginated<Rates, string> {
  const q = parse(timeSeriesQuerySchema(ctx.today), query, 'timeSeries');
  const end = q.end ?? ctx.today;
  return paginate<Rates, string>({
    signal: options.signal,
    fetchPage: async (cursor) => {
      const from = cursor ?? q.start;
      const year = Number(from.slice(0, 4));
      const to = `${year}-12-31` < end ? `${year}-12-31` : end;
      const openEnded = to === end && q.end === undefined;
      const { data } = await ctx.http.request({
        ...options,
        path: openEnded ? '/{from}..' : '/{from}..{to}',
        params: openEnded ? { from } : { from, to },
        query: { base: q.base, symbols: q.symbols?.join(','), amount: q.amount },
        schema: timeSeriesSchema,
        cache: { ttlMs: to < ctx.today ? Number.POSITIVE_INFINITY : 0 },
        operation: 'rates.timeSeries',
      });
      // The API snaps a range's start back to the previous business day; rows stay within [start, end].
      const items = Object.entries(data.rates)
        .filter(([date]) => date >= from)
        .map(([date, rates]) => ({ amount: data.amount, base: data.base, date, rates }));
      return { items, next: to < end ? `${year + 1}-01-01` : undefined };
    },
  });
}
