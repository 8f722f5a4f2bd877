import * as z from '@cf/core/zod';
import { calendarDate, currencyCode, currencyList } from './schemas.js';

// The Frankfurter v2 API (`/v2/...`): rates blended across many central banks, one row per currency pair.
// Source: lineofflight/frankfurter `lib/versions/v2.rb`, `lib/versions/v2/rate_query.rb`, `lib/public/v2/openapi.json`.

// ---- Input ---------------------------------------------------------------------------------------

/**
 * A calendar date `YYYY-MM-DD`, at most `latest` (tomorrow, UTC): v2's latest rates include provider rates dated
 * one day ahead. There is no lower bound: a date before a currency's first rate gives no rows, not an error.
 */
export const v2Date = (latest: string) =>
  calendarDate('must be a real calendar date written YYYY-MM-DD').check(
    z.refine((d) => d <= latest, `must not be after ${latest} (tomorrow UTC: the API serves rates dated at most one day ahead)`),
  );

/** A provider key as `providers()` lists them (`ECB`, `BOC`, `CBKKW`), upper-cased. */
export const providerKey = z.lazySchema(() => z.pipe(
  z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{1,11}$/, 'must be a provider key such as "ECB" (see providers())')),
  z.transform((key) => key.toUpperCase()),
));

const providerList = z.lazySchema(() => z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? v.split(',') : v)),
  z.array(providerKey).check(z.minLength(1, 'must name at least one provider'), z.maxLength(20)),
));

/** `expand=providers`: each row lists the providers behind it (`{ key, date, rate, excluded? }`). */
const expand = z.lazySchema(() => z.literal('providers', { error: 'must be "providers", the only expansion the API has' }));

// A function, not a module-level object: its fields are schemas, built with the query schema, not on import.
const common = () => ({ base: z.optional(currencyCode), quotes: z.optional(currencyList), providers: z.optional(providerList), expand: z.optional(expand) });

export const v2RatesQuerySchema = (latest: string) => z.strictObject({ date: z.optional(v2Date(latest)), ...common() });

export const v2TimeSeriesQuerySchema = (latest: string) =>
  z
    .strictObject({ from: v2Date(latest), to: z.optional(v2Date(latest)), group: z.optional(z.enum(['week', 'month'])), ...common() })
    .check(z.refine((q) => q.to === undefined || q.to >= q.from, { path: ['to'], message: 'must not be before from' }));

export const v2RateArgsSchema = (latest: string) =>
  z.strictObject({ base: currencyCode, quote: currencyCode, date: z.optional(v2Date(latest)), providers: z.optional(providerList) });

export const v2CurrenciesQuerySchema = z.lazySchema(() => z.strictObject({ scope: z.optional(z.literal('all')), providers: z.optional(providerList) }));

export const v2CurrencyArgSchema = z.lazySchema(() => z.object({ code: currencyCode }));

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
export type V2RatesQuery = V2Filters & {
  /** The day, `YYYY-MM-DD`. @default the latest */
  date?: string;
};
/** `timeSeries()`: `from` to `to` (default: today), daily or one row per week or month. */
export type V2TimeSeriesQuery = V2Filters & {
  /** The first day, `YYYY-MM-DD`. */
  from: string;
  /** The last day, `YYYY-MM-DD`. @default today */
  to?: string;
  /** One row per week or month instead of per day. */
  group?: 'week' | 'month';
};
/** `rate(base, quote, ...)`: on `date` (default: the latest), from some providers only. */
export type V2RateQuery = {
  /** The day, `YYYY-MM-DD`. @default the latest */
  date?: string;
  /** Blend only these providers' rates (keys from `providers()`). @default every provider */
  providers?: string | readonly string[];
};
/** `currencies()`: `scope: 'all'` adds currencies no longer published; `providers` keeps those they cover. */
export type V2CurrenciesQuery = {
  /** `'all'` adds currencies no longer published. */
  scope?: 'all';
  /** Only currencies these providers cover. */
  providers?: string | readonly string[];
};

// ---- Responses ---------------------------------------------------------------------------------------

/** One provider's part in a blended rate (`expand=providers`); `excluded` marks an outlier or a pegged value. */
export const v2ProviderRateSchema = z.lazySchema(() => z.looseObject({ key: z.string(), date: z.string(), rate: z.number(), excluded: z.optional(z.boolean()) }));

/**
 * One currency pair on one day: `GET /rates` returns an array of these, `GET /rate/{base}/{quote}` one. `date` is the
 * day the rate was observed, which in the latest rates can differ from one quote to the next.
 */
export const v2RateSchema = z.lazySchema(() => z.looseObject({
  date: z.string(),
  base: z.string(),
  quote: z.string(),
  rate: z.number(),
  providers: z.optional(z.array(v2ProviderRateSchema)),
}));
/** One v2 rate: on `date`, 1 `base` buys `rate` `quote`, with the providers behind it when expanded. */
export type V2Rate = z.infer<typeof v2RateSchema>;
/** The zod schema of a v2 rates answer: an array of rates. */
export const v2RatesSchema = z.lazySchema(() => z.array(v2RateSchema));

/** `GET /currencies`: a currency with the first and last day it has rates. */
export const v2CurrencySchema = z.lazySchema(() => z.looseObject({
  iso_code: z.string(),
  iso_numeric: z.optional(z.nullable(z.string())),
  name: z.string(),
  symbol: z.optional(z.nullable(z.string())),
  start_date: z.optional(z.nullable(z.string())),
  end_date: z.optional(z.nullable(z.string())),
}));
/** A v2 currency: `iso_code`, `iso_numeric`, `name`, `symbol`, and its first and last day with rates. */
export type V2Currency = z.infer<typeof v2CurrencySchema>;
/** The zod schema of `GET /currencies` (v2): an array of currencies. */
export const v2CurrenciesSchema = z.lazySchema(() => z.array(v2CurrencySchema));

/** `GET /currency/{code}`: the currency, the providers that publish it, and its peg when it has one. */
export const v2CurrencyDetailSchema = z.lazySchema(() => z.extend(v2CurrencySchema, {
  providers: z._default(z.array(z.string()), []),
  peg: z.optional(z.looseObject({ base: z.string(), rate: z.number(), authority: z.optional(z.string()), source: z.optional(z.string()) })),
}));
/** A v2 currency with the providers that publish it and its `peg`, when it has one. */
export type V2CurrencyDetail = z.infer<typeof v2CurrencyDetailSchema>;

/** `GET /providers`: a data source (a central bank) with what it publishes and how often. */
export const v2ProviderSchema = z.lazySchema(() => z.looseObject({
  key: z.string(),
  name: z.string(),
  country_code: z.optional(z.nullable(z.string())),
  rate_type: z.optional(z.nullable(z.string())),
  pivot_currency: z.optional(z.nullable(z.string())),
  data_url: z.optional(z.nullable(z.string())),
  terms_url: z.optional(z.nullable(z.string())),
  start_date: z.optional(z.nullable(z.string())),
  end_date: z.optional(z.nullable(z.string())),
  /** `daily`, `weekly`, `monthly` (more may come), or null for a historical-only source. */
  publish_cadence: z.optional(z.nullable(z.string())),
  publishes_missed: z.optional(z.nullable(z.int())),
  currencies: z.array(z.string()),
}));
/** A v2 data source: `key`, `name`, `country_code`, its currencies, publishing cadence and date range. */
export type V2Provider = z.infer<typeof v2ProviderSchema>;
/** The zod schema of `GET /providers` (v2): an array of providers. */
export const v2ProvidersSchema = z.lazySchema(() => z.array(v2ProviderSchema));
