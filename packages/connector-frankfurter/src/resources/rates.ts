import { NotFoundError, type CallOptions } from '@cf/core';
import { checkKnown, parse, type FrankfurterContext } from '../context.js';
import { convertInputSchema, dateArgSchema, ratesQuerySchema, ratesSchema, type ConvertInput, type Rates, type RatesQuery } from '../schemas.js';

interface Query {
  base?: string | undefined;
  symbols?: string[] | undefined;
  amount?: number | undefined;
}

/**
 * `GET /latest` or `GET /{date}`. A past date's rates never change, so a configured response cache keeps
 * them for good; today's and the latest rates are revalidated with their ETag (a 304 costs no body).
 */
async function fetchRates(ctx: FrankfurterContext, date: string | undefined, q: Query, options: CallOptions): Promise<Rates> {
  const { data } = await ctx.http.request({
    ...options,
    path: date === undefined ? '/latest' : '/{date}',
    params: date === undefined ? {} : { date },
    query: { base: q.base, symbols: q.symbols?.join(','), amount: q.amount },
    schema: ratesSchema,
    cache: { ttlMs: date !== undefined && date < ctx.today ? Number.POSITIVE_INFINITY : 0 },
    operation: date === undefined ? 'rates.latest' : 'rates.historical',
  });
  return data;
}

export async function latest(ctx: FrankfurterContext, query: RatesQuery, options: CallOptions): Promise<Rates> {
  const q = parse(ratesQuerySchema, query, 'latest');
  checkKnown(ctx, 'latest', { base: q.base, symbols: q.symbols });
  return fetchRates(ctx, undefined, q, options);
}

export async function historical(ctx: FrankfurterContext, date: string, query: RatesQuery, options: CallOptions): Promise<Rates> {
  const d = parse(dateArgSchema(ctx.today), { date }, 'historical').date;
  return fetchRates(ctx, d, parse(ratesQuerySchema, query, 'historical'), options);
}

export async function convert(ctx: FrankfurterContext, input: ConvertInput, options: CallOptions): Promise<number> {
  const c = parse(convertInputSchema(ctx.today), input, 'convert');
  if (c.date === undefined) checkKnown(ctx, 'convert', { from: c.from, to: c.to });
  // The API answers 422 "bad currency pair" for from = to; the answer is known without asking.
  if (c.from === c.to) return c.amount;
  const rates = await fetchRates(ctx, c.date, { base: c.from, symbols: [c.to], amount: c.amount }, options);
  const value = rates.rates[c.to];
  if (value === undefined) {
    throw new NotFoundError({ message: `Frankfurter returned no ${c.from}/${c.to} rate for ${rates.date}.`, source: 'frankfurter', body: rates });
  }
  return value;
}
