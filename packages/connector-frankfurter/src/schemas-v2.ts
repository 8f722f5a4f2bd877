import { z } from 'zod';
import { currencyCode, currencyList } from './schemas.js';

// The Frankfurter v2 API (`/v2/...`): rates blended across many central banks, one row per currency pair.
// Source: lineofflight/frankfurter `lib/versions/v2.rb`, `lib/versions/v2/rate_query.rb`, `lib/public/v2/openapi.json`.

// ---- Input ---------------------------------------------------------------------------------------

/**
 * A calendar date `YYYY-MM-DD`, at most `latest` (tomorrow, UTC): v2's latest rates include provider rates dated
 * one day ahead. There is no lower bound: a date before a currency's first rate gives no rows, not an error.
 */
export const v2Date = (latest: string) =>
  z.iso
    .date({ error: 'must be a real calendar date written YYYY-MM-DD', abort: true })
    .refine((d) => d <= latest, `must not be after ${latest} (tomorrow UTC: the API serves rates dated at most one day ahead)`);

/** A provider key as `providers()` lists them (`ECB`, `BOC`, `CBKKW`), upper-cased. */
export const providerKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{1,11}$/, 'must be a provider key such as "ECB" (see providers())')
  .transform((key) => key.toUpperCase());

const providerList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z.array(providerKey).min(1, 'must name at least one provider').max(20),
);

/** `expand=providers`: each row lists the providers behind it (`{ key, date, rate, excluded? }`). */
const expand = z.literal('providers', { error: 'must be "providers", the only expansion the API has' });

const common = { base: currencyCode.optional(), quotes: currencyList.optional(), providers: providerList.optional(), expand: expand.optional() };

export const v2RatesQuerySchema = (latest: string) => z.object({ date: v2Date(latest).optional(), ...common }).strict();

export const v2TimeSeriesQuerySchema = (latest: string) =>
  z
    .object({ from: v2Date(latest), to: v2Date(latest).optional(), group: z.enum(['week', 'month']).optional(), ...common })
    .strict()
    .refine((q) => q.to === undefined || q.to >= q.from, { path: ['to'], message: 'must not be before from' });

export const v2RateArgsSchema = (latest: string) =>
  z.object({ base: currencyCode, quote: currencyCode, date: v2Date(latest).optional(), providers: providerList.optional() }).strict();

export const v2CurrenciesQuerySchema = z.object({ scope: z.literal('all').optional(), providers: providerList.optional() }).strict();

export const v2CurrencyArgSchema = z.object({ code: currencyCode });

/** `base` and `quotes` take a code, a comma list or an array; `providers` the same with provider keys. */
interface V2Filters {
  /** @default 'EUR' */
  base?: string;
  /** Only these quote currencies (the base's identity row, rate 1, is included when it is listed). */
  quotes?: string | readonly string[];
  /** Blend only these providers' rates (`providers()` lists them); by default every provider is blended. */
  providers?: string | readonly string[];
  /** `'providers'`: every row lists the providers behind its rate. */
  expand?: 'providers';
}
/** `rates()`: the latest rates, or those of `date`. */
export type V2RatesQuery = V2Filters & { date?: string };
/** `timeSeries()`: `from` to `to` (default: today), daily or one row per week or month. */
export type V2TimeSeriesQuery = V2Filters & { from: string; to?: string; group?: 'week' | 'month' };
/** `rate(base, quote, ...)`: on `date` (default: the latest), from some providers only. */
export type V2RateQuery = { date?: string; providers?: string | readonly string[] };
/** `currencies()`: `scope: 'all'` adds currencies no longer published; `providers` keeps those they cover. */
export type V2CurrenciesQuery = { scope?: 'all'; providers?: string | readonly string[] };

// ---- Responses ---------------------------------------------------------------------------------------

/** One provider's part in a blended rate (`expand=providers`); `excluded` marks an outlier or a pegged value. */
export const v2ProviderRateSchema = z.looseObject({ key: z.string(), date: z.string(), rate: z.number(), excluded: z.boolean().optional() });

/**
 * One currency pair on one day: `GET /rates` returns an array of these, `GET /rate/{base}/{quote}` one. `date` is the
 * day the rate was observed, which in the latest rates can differ from one quote to the next.
 */
export const v2RateSchema = z.looseObject({
  date: z.string(),
  base: z.string(),
  quote: z.string(),
  rate: z.number(),
  providers: z.array(v2ProviderRateSchema).optional(),
});
export type V2Rate = z.infer<typeof v2RateSchema>;
export const v2RatesSchema = z.array(v2RateSchema);

/** `GET /currencies`: a currency with the first and last day it has rates. */
export const v2CurrencySchema = z.looseObject({
  iso_code: z.string(),
  iso_numeric: z.string().nullable().optional(),
  name: z.string(),
  symbol: z.string().nullable().optional(),
  start_date: z.string().nullable().optional(),
  end_date: z.string().nullable().optional(),
});
export type V2Currency = z.infer<typeof v2CurrencySchema>;
export const v2CurrenciesSchema = z.array(v2CurrencySchema);

/** `GET /currency/{code}`: the currency, the providers that publish it, and its peg when it has one. */
export const v2CurrencyDetailSchema = v2CurrencySchema.extend({
  providers: z.array(z.string()).default([]),
  peg: z.looseObject({ base: z.string(), rate: z.number(), authority: z.string().optional(), source: z.string().optional() }).optional(),
});
export type V2CurrencyDetail = z.infer<typeof v2CurrencyDetailSchema>;

/** `GET /providers`: a data source (a central bank) with what it publishes and how often. */
export const v2ProviderSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  country_code: z.string().nullable().optional(),
  rate_type: z.string().nullable().optional(),
  pivot_currency: z.string().nullable().optional(),
  data_url: z.string().nullable().optional(),
  terms_url: z.string().nullable().optional(),
  start_date: z.string().nullable().optional(),
  end_date: z.string().nullable().optional(),
  /** `daily`, `weekly`, `monthly` (more may come), or null for a historical-only source. */
  publish_cadence: z.string().nullable().optional(),
  publishes_missed: z.number().int().nullable().optional(),
  currencies: z.array(z.string()),
});
export type V2Provider = z.infer<typeof v2ProviderSchema>;
export const v2ProvidersSchema = z.array(v2ProviderSchema);
