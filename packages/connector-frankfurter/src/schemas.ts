import * as z from '@cf/core/zod';

/** The first day of ECB reference rates: earlier dates answer 404. */
export const FIRST_DATE = '1999-01-04';

// ---- Input ---------------------------------------------------------------------------------------

/** An ISO 4217 code: three letters, upper-cased (the API upper-cases too). */
export const currencyCode = z.lazySchema(() => z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as "USD"')),
  z.transform((code) => code.toUpperCase()),
));

/**
 * `z.iso.date({ error, abort: true })`: a string `YYYY-MM-DD` that is a real calendar date, and nothing else reported
 * when it is not. Built from its class because `@cf/core/zod` has no `iso` namespace.
 */
export const calendarDate = (error: string) =>
  new z.ZodMiniISODate({ type: 'string', format: 'date', check: 'string_format', abort: true, error: () => error });

/**
 * A calendar date `YYYY-MM-DD`, between the first ECB fixing and `today` (UTC). A value that is not a date reports
 * that rule alone (`abort`): "latest" is not "in the future", and "0000-00-00" is not "before 1999".
 */
export const isoDate = (today: string) =>
  calendarDate('must be a real calendar date written YYYY-MM-DD').check(
    z.refine((d) => d >= FIRST_DATE, `must be on or after ${FIRST_DATE}, the first day of ECB reference rates`),
    z.refine((d) => d <= today, `must not be in the future (today is ${today} UTC)`),
  );

/** One code, a comma list or an array of codes (v1 `symbols`, v2 `quotes`). */
export const currencyList = z.lazySchema(() => z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? v.split(',') : v)),
  z.array(currencyCode).check(z.minLength(1, 'must name at least one currency'), z.maxLength(50)),
));
const symbols = currencyList;
const amount = z.lazySchema(() => z.number().check(z.positive('must be positive'), z.refine(Number.isFinite, 'must be finite')));

export const ratesQuerySchema = z.lazySchema(() => z
  .strictObject({ base: z.optional(currencyCode), symbols: z.optional(symbols), amount: z.optional(amount) })
  .check(
    z.refine((q) => !(q.base !== undefined && q.symbols?.length === 1 && q.symbols[0] === q.base), {
      path: ['symbols'],
      message: 'must include a currency other than base (the API answers 422 "bad currency pair")',
    }),
  ));

export const dateArgSchema = (today: string) => z.object({ date: isoDate(today) });

export const timeSeriesQuerySchema = (today: string) =>
  z
    .strictObject({
      start: isoDate(today),
      end: z.optional(isoDate(today)),
      base: z.optional(currencyCode),
      symbols: z.optional(symbols),
      amount: z.optional(amount),
    })
    .check(z.refine((q) => q.end === undefined || q.end >= q.start, { path: ['end'], message: 'must not be before start' }));

export const convertInputSchema = (today: string) =>
  z.strictObject({ amount, from: currencyCode, to: currencyCode, date: z.optional(isoDate(today)) });

/** Rates for one day. `base` and `symbols` accept one code, a comma list or an array. */
export type RatesQuery = {
  /** The currency the rates are for (ISO 4217). @default 'EUR' (on the API side) */
  base?: string;
  /** The quote currencies to return: one code, a comma list or an array. @default every currency */
  symbols?: string | readonly string[];
  /** Rates for this amount of `base` instead of 1. @default 1 */
  amount?: number;
};
/** A date range; without `end` it runs to the latest business day. */
export type TimeSeriesQuery = RatesQuery & {
  /** The first day, `YYYY-MM-DD` (snapped back to the business day on or before it). */
  start: string;
  /** The last day, `YYYY-MM-DD`. @default the latest business day */
  end?: string;
};
/** An amount to convert on a date (default: the latest rates). */
export type ConvertInput = {
  /** The amount of `from` to convert. */
  amount: number;
  /** The currency converted from (ISO 4217). */
  from: string;
  /** The currency converted to (ISO 4217). */
  to: string;
  /** The day whose rates to use, `YYYY-MM-DD`. @default the latest */
  date?: string;
};

// ---- Responses ---------------------------------------------------------------------------------------

const rateMap = z.lazySchema(() => z.record(z.string(), z.number()));

/** `GET /latest`, `GET /{date}`: one day of rates. `date` is the business day actually served. */
export const ratesSchema = z.lazySchema(() => z.looseObject({ amount: z.number(), base: z.string(), date: z.string(), rates: rateMap }));
/** One day of rates: `amount`, `base`, `date` (the business day served) and `rates` by quote currency. */
export type Rates = z.infer<typeof ratesSchema>;

/** `GET /{start}..{end}`: business days only; `start_date` snaps back to the business day on or before `start`. */
export const timeSeriesSchema = z.lazySchema(() => z.looseObject({
  amount: z.number(),
  base: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  rates: z.record(z.string(), rateMap),
}));
/** Rates over a range: `amount`, `base`, `start_date`, `end_date`, and `rates` by day, then by quote currency. */
export type TimeSeries = z.infer<typeof timeSeriesSchema>;

/** `GET /currencies`: ISO code to English name, for the currencies in the latest publication. */
export const currenciesSchema = z.lazySchema(() => z.record(z.string(), z.string()));
/** ISO 4217 code to English name, for the currencies in the latest publication. */
export type Currencies = z.infer<typeof currenciesSchema>;
