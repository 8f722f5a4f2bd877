import type { CallOptions } from '@cf/core';
import type { FrankfurterContext } from '../context.js';
import { currenciesSchema, type Currencies } from '../schemas.js';

/** `GET /currencies`: the currencies of the latest ECB publication, by ISO code. */
export async function currencies(ctx: FrankfurterContext, options: CallOptions): Promise<Currencies> {
  const { data } = await ctx.http.request({ ...options, path: '/currencies', schema: currenciesSchema, operation: 'currencies.list' });
  return data;
}
