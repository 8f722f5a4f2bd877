import { z } from 'zod';

/** The first day of ECB reference rates: earlier dates answer 404. */
export const FIRST_DATE = '1999-01-04';

// ---- Input ---------------------------------------------------------------------------------------

/** An ISO 4217 code: three letters, upper-cased (the API upper-cases too). */
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as "USD"')
  .transform((code) => code.toUpperCase());

/**
 * A calendar date `YYYY-MM-DD`, between the first ECB fixing and `today` (UTC). A value that is not a date reports
 * that rule alone (`abort`): "latest" is not "in the future", and "0000-00-00" is not "before 1999".
 */
export const isoDate = (today: string) =>
  z.iso
    .date({ error: 'must be a real calendar date written YYYY-MM-DD', abort: true })
    .refine((d) => d >= FIRST_DATE, `must be on or after ${FIRST_DATE}, the first day of ECB reference rates`)
    .refine((d) => d <= today, `must not be in the future (today is ${today} UTC)`);

/** One code, a comma list or an array of codes (v1 `symbols`, v2 `quotes`). */
export const currencyList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z.array(currencyCode).min(1, 'must name at least one currency').max(50),
);
const symbols = currencyList;
const amount = z.number().positive('must be positive').refine(Number.isFinite, 'must be finite');

export const ratesQuerySchema = z
  .object({ base: currencyCode.optional(), symbols: symbols.optional(), amount: amount.optional() })
  .strict()
  .refine((q) => !(q.base !== undefined && q.symbols?.length === 1 && q.symbols[0] === q.base), {
    path: ['symbols'],
    message: 'must include a currency other than base (the API answers 422 "bad currency pair")',
  });

export const dateArgSchema = (today: string) => z.object({ date: isoDate(today) });

export const timeSeriesQuerySchema = (today: string) =>
  z
    .object({ start: isoDate(today), end: isoDate(today).optional(), base: currencyCode.optional(), symbols: symbols.optional(), amount: amount.optional() })
    .strict()
    .refine((q) => q.end === undefined || q.end >= q.start, { path: ['end'], message: 'must not be before start' });

export const convertInputSchema = (today: string) =>
  z.object({ amount, from: currencyCode, to: currencyCode, date: isoDate(today).optional() }).strict();

/** Rates for one day. `base` and `symbols` accept one code, a comma list or an array. */
export type RatesQuery = { base?: string; symbols?: string | readonly string[]; amount?: number };
/** A date range; without `end` it runs to the latest business day. */
export type TimeSeriesQuery = RatesQuery & { start: string; end?: string };
/** An amount to convert on a date (default: the latest rates). */
export type ConvertInput = { amount: number; from: string; to: string; date?: string };

// ---- Responses ---------------------------------------------------------------------------------------

const rateMap = z.record(z.string(), z.number());

/** `GET /latest`, `GET /{date}`: one day of rates. `date` is the business day actually served. */
export const ratesSchema = z.looseObject({ amount: z.number(), base: z.string(), date: z.string(), rates: rateMap });
export type Rates = z.infer<typeof ratesSchema>;

/** `GET /{start}..{end}`: business days only; `start_date` snaps back to the business day on or before `start`. */
export const timeSeriesSchema = z.looseObject({
  amount: z.number(),
  base: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  rates: z.record(z.string(), rateMap),
});
export type TimeSeries = z.infer<typeof timeSeriesSchema>;

/** `GET /currencies`: ISO code to English name, for the currencies in the latest publication. */
export const currenciesSchema = z.record(z.string(), z.string());
export type Currencies = z.infer<typeof currenciesSchema>;
