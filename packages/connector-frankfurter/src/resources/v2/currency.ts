import type { CallOptions } from '@cf/core';
import { parse, type FrankfurterV2Context } from '../../context.js';
import { v2CurrencyArgSchema, v2CurrencyDetailSchema, type V2CurrencyDetail } from '../../schemas-v2.js';

/**
 * `GET /v2/currency/{code}`: one currency, the providers that publish it, and its peg when it has one. A code the
 * API has no rates for is NOT_FOUND (404).
 * @see https://frankfurter.dev/
 */
export async function currency(ctx: FrankfurterV2Context, code: string, options: CallOptions): Promise<V2CurrencyDetail> {
  const q = parse(v2CurrencyArgSchema, { code }, 'currency');
  const { data } = await ctx.http.request({ ...options, path: '/currency/{code}', params: { code: q.code }, schema: v2CurrencyDetailSchema, operation: 'currency.get' });
  return data;
}
