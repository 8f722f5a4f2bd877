import { defineStreams, parseStreamParams, isNotFoundError, NotFoundError, validateInput, ValidationError, type JsonValue, type StreamDeclaration, type StreamPage, type StreamReadArgs } from '@cf/core';
import * as z from '@cf/core/zod';
import type { FrankfurterConnector } from './frankfurter-connector.js';
import type { FrankfurterV2Connector } from './frankfurter-v2-connector.js';
import { metadata, metadataV2 } from './metadata.js';
import { calendarDate, currencyCode, currencyList, FIRST_DATE, isoDate, type Rates } from './schemas.js';
import { providerKey, v2CurrencySchema, v2Date, v2ProviderSchema, type V2Rate } from './schemas-v2.js';

// The streams `sync()` (`@cf/load`) and `cf sync` land in tables. Rates are rows, one per (date, base, quote), read a
// calendar year per page; each page's checkpoint names the last day that is complete *and* the query it belongs to
// (a checkpoint saved for other params is not applied: the read starts at `start`). See the README's "Streams".

const SOURCE = 'frankfurter';
/** v2 re-reads this many recent days on every sync by default: providers publish late and correct past days. */
export const V2_LOOKBACK_DAYS = 30;

// ---- Records --------------------------------------------------------------------------------------

const day = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

/** One rate: on `date`, 1 `base` buys `rate` `quote` (v1: ECB reference rates; v2: blended across providers). */
export const rateRecordSchema = z.lazySchema(() => z.object({ date: day(), base: z.string(), quote: z.string(), rate: z.number() }));
/** A `rates` stream record: on `date`, 1 `base` buys `rate` `quote`. */
export type RateRecord = z.infer<typeof rateRecordSchema>;
/** v1 `currencies`: `{ code, name }`. */
export const currencyRecordSchema = z.lazySchema(() => z.object({ code: z.string(), name: z.string() }));

// ---- Params and checkpoints ------------------------------------------------------------------------


function declaration(streams: readonly StreamDeclaration[] | undefined, name: string): StreamDeclaration {
  const found = streams?.find((s) => s.name === name);
  if (!found) throw new ValidationError({ message: `Stream ${name} is not declared in metadata.streams`, source: SOURCE });
  return found;
}


/** A checkpoint the stream saved (or a bare `YYYY-MM-DD`, applied to the params given): VALIDATION_ERROR naming `checkpoint` otherwise. */
function parseCheckpoint<S extends z.ZodType>(stream: string, checkpoint: JsonValue | null, schema: S): z.output<S> {
  return (validateInput(z.object({ checkpoint: schema }), { checkpoint }, `Invalid ${stream} checkpoint`, SOURCE) as { checkpoint: z.output<S> }).checkpoint;
}

/** The normalized query a rates checkpoint belongs to: codes upper-cased, sorted, deduplicated; null for "all". */
const codes = (list: readonly string[] | undefined): string | null => (list === undefined ? null : [...new Set(list)].sort().join(','));

/**
 * Where a read resumes: the day after the checkpoint's date when the checkpoint was saved for this query, else `start`
 * (a checkpoint of other params, e.g. other symbols, says nothing about this query's rows).
 */
function resumeAfter<T extends { date: string }>(saved: string | T | null, matches: (saved: T) => boolean): string | undefined {
  if (saved === null) return undefined;
  if (typeof saved === 'string') return saved;
  return matches(saved) ? saved.date : undefined;
}

const DAY_MS = 86_400_000;
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => utcDay(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
const laterOf = (a: string, b: string): string => (a > b ? a : b);
const earlierOf = (a: string, b: string): string => (a < b ? a : b);
/** The last day of `from`'s calendar year, or `today` when that comes first: one request per page. */
const yearWindowEnd = (from: string, today: string): string => earlierOf(`${from.slice(0, 4)}-12-31`, today);

/** Base = the only quote currency: the API refuses it (v1: 422 "bad currency pair"). */
const onlyTheBase = (base: string | undefined, list: readonly string[] | undefined): boolean => base !== undefined && list?.length === 1 && list[0] === base;
const BASE_ONLY = 'must include a currency other than base';

/** Core's call options for a read's signal (none when the caller gave none). */
const withSignal = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal === undefined ? {} : { signal });

const dateText = () => calendarDate('must be a real calendar date written YYYY-MM-DD');

// ---- v1: rates (incremental) and currencies ---------------------------------------------------------

const v1RatesParams = (today: string) =>
  z
    .object({ base: z.optional(currencyCode), symbols: z.optional(currencyList), start: z.optional(isoDate(today)) })
    .check(z.refine((q) => !onlyTheBase(q.base, q.symbols), { path: ['symbols'], message: BASE_ONLY }));

const v1RatesCheckpoint = z.lazySchema(() =>
  z.nullable(z.union([dateText(), z.object({ date: dateText(), base: z.string(), symbols: z.nullable(z.string()), start: dateText() })])),
);

/**
 * v1 `rates`: `GET /{from}..{to}` one calendar year per page, each business day's map of rates flattened to one row per
 * quote. A past year's page checkpoints its last day (`YYYY-12-31`: every day of it is published); the last page
 * checkpoints the last day it has rates for (the ECB publishes a day's rates at once, around 16:00 CET), so the next
 * sync starts the day after it.
 */
async function* readV1Rates(fx: FrankfurterConnector, { checkpoint, params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const today = utcDay(fx.client.clock.now());
  const p = parseStreamParams(declaration(metadata.streams, 'rates'), params, v1RatesParams(today), SOURCE);
  const query = { base: p.base ?? 'EUR', symbols: codes(p.symbols), start: p.start ?? FIRST_DATE };
  const saved = parseCheckpoint('rates', checkpoint, v1RatesCheckpoint);
  let after = resumeAfter(saved, (c) => c.base === query.base && c.symbols === query.symbols && c.start === query.start);
  const save = (): JsonValue => (after === undefined ? null : { date: after, ...query });
  let from = after === undefined ? query.start : laterOf(addDays(after, 1), query.start);
  if (from > today) {
    yield { items: [], checkpoint: save(), hasMore: false };
    return;
  }
  const request = { ...(p.base !== undefined ? { base: p.base } : {}), ...(query.symbols !== null ? { symbols: query.symbols } : {}) };
  // The API answers 404 for a range without rates (after the latest publication, a year a listed currency was not
  // published) and for unknown codes; the latest rates, asked once, tell the two apart.
  let known: Promise<void> | undefined;
  const knownCodes = (): Promise<void> =>
    (known ??= fx.latest(request, withSignal(signal)).then(
      () => undefined,
      (error: unknown) => {
        if (!isNotFoundError(error)) throw error;
        throw new NotFoundError({
          message: `Frankfurter has no rates for base ${query.base}${query.symbols === null ? '' : ` and symbols ${query.symbols}`}, not even the latest: check the currency codes (a retired currency's rates end when it was retired).`,
          source: SOURCE,
          body: error.body,
        });
      },
    ));
  for (;;) {
    const to = yearWindowEnd(from, today);
    const last = to === today;
    let days: Rates[] = [];
    try {
      for await (const page of fx.timeSeries({ ...request, start: from, end: to }, withSignal(signal)).pages()) days.push(...page.items);
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
      await knownCodes();
      days = [];
    }
    days.sort((a, b) => a.date.localeCompare(b.date));
    const items: RateRecord[] = days.flatMap((d) =>
      Object.keys(d.rates)
        .sort()
        .map((quote) => ({ date: d.date, base: d.base, quote, rate: d.rates[quote]! })),
    );
    after = last ? (days.at(-1)?.date ?? after) : to;
    yield { items, checkpoint: save(), hasMore: !last };
    if (last) return;
    from = addDays(to, 1);
  }
}

async function* readV1Currencies(fx: FrankfurterConnector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  parseStreamParams(declaration(metadata.streams, 'currencies'), params, z.object({}), SOURCE);
  const list = await fx.currencies(withSignal(signal));
  const items = Object.keys(list)
    .sort()
    .map((code) => ({ code, name: list[code]! }));
  yield { items, checkpoint: null, hasMore: false };
}

/** `FrankfurterConnector.streams()`: `rates` and `currencies`. */
export const frankfurterStreams = defineStreams<FrankfurterConnector>(metadata.streams, {
  rates: { schema: () => rateRecordSchema, read: readV1Rates },
  currencies: { schema: () => currencyRecordSchema, read: readV1Currencies },
});

// ---- v2: v2_rates (incremental), v2_currencies, v2_providers ------------------------------------------

const providerList = z.lazySchema(() =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' ? v.split(',') : v)),
    z.array(providerKey).check(z.minLength(1, 'must name at least one provider'), z.maxLength(20)),
  ),
);

const lookbackDays = z.lazySchema(() =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number of days such as "30"')), z.transform(Number)),
    z.number().check(z.gte(1, 'must be at least 1 (the latest day is never complete)'), z.lte(3650, 'must be at most 3650')),
  ),
);

const v2RatesParams = (latest: string) =>
  z
    .object({ base: z.optional(currencyCode), quotes: z.optional(currencyList), providers: z.optional(providerList), start: v2Date(latest), lookbackDays: z.optional(lookbackDays) })
    .check(z.refine((q) => !onlyTheBase(q.base, q.quotes), { path: ['quotes'], message: BASE_ONLY }));

const v2RatesCheckpoint = z.lazySchema(() =>
  z.nullable(
    z.union([dateText(), z.object({ date: dateText(), base: z.string(), quotes: z.nullable(z.string()), providers: z.nullable(z.string()), start: dateText() })]),
  ),
);

/**
 * v2 `v2_rates`: `GET /v2/rates?from&to` one calendar year per page; the rows are already one per (date, base, quote).
 * Providers publish at their own pace and v2 corrects past blends, so a day is taken as settled only `lookbackDays`
 * after it: a page checkpoints its last day or the last settled day, whichever is earlier, and every sync re-reads
 * the unsettled days (upserted by key, they replace the rows read before).
 */
async function* readV2Rates(fx: FrankfurterV2Connector, { checkpoint, params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const now = fx.client.clock.now();
  const today = utcDay(now);
  const p = parseStreamParams(declaration(metadataV2.streams, 'v2_rates'), params, v2RatesParams(utcDay(now + DAY_MS)), SOURCE);
  const query = { base: p.base ?? 'EUR', quotes: codes(p.quotes), providers: codes(p.providers), start: p.start };
  const settled = addDays(today, -(p.lookbackDays ?? V2_LOOKBACK_DAYS));
  const saved = parseCheckpoint('v2_rates', checkpoint, v2RatesCheckpoint);
  let after = resumeAfter(saved, (c) => c.base === query.base && c.quotes === query.quotes && c.providers === query.providers && c.start === query.start);
  const save = (): JsonValue => (after === undefined ? null : { date: after, ...query });
  let from = after === undefined ? query.start : laterOf(addDays(after, 1), query.start);
  if (from > today) {
    yield { items: [], checkpoint: save(), hasMore: false };
    return;
  }
  const request = {
    ...(p.base !== undefined ? { base: p.base } : {}),
    ...(query.quotes !== null ? { quotes: query.quotes } : {}),
    ...(query.providers !== null ? { providers: query.providers } : {}),
  };
  for (;;) {
    const to = yearWindowEnd(from, today);
    const last = to === today;
    const rows: V2Rate[] = [];
    for await (const page of fx.timeSeries({ ...request, from, to }, withSignal(signal)).pages()) rows.push(...page.items);
    const items = rows.map(({ date, base, quote, rate }) => ({ date, base, quote, rate }));
    const complete = earlierOf(to, settled);
    if (complete >= query.start && (after === undefined || complete > after)) after = complete;
    yield { items, checkpoint: save(), hasMore: !last };
    if (last) return;
    from = addDays(to, 1);
  }
}

async function* readV2Currencies(fx: FrankfurterV2Connector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  parseStreamParams(declaration(metadataV2.streams, 'v2_currencies'), params, z.object({}), SOURCE);
  yield { items: await fx.currencies({ scope: 'all' }, withSignal(signal)), checkpoint: null, hasMore: false };
}

async function* readV2Providers(fx: FrankfurterV2Connector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  parseStreamParams(declaration(metadataV2.streams, 'v2_providers'), params, z.object({}), SOURCE);
  yield { items: await fx.providers(withSignal(signal)), checkpoint: null, hasMore: false };
}

/** `FrankfurterV2Connector.streams()`: `v2_rates`, `v2_currencies` and `v2_providers`. */
export const frankfurterV2Streams = defineStreams<FrankfurterV2Connector>(metadataV2.streams, {
  v2_rates: { schema: () => rateRecordSchema, read: readV2Rates },
  v2_currencies: { schema: () => v2CurrencySchema, read: readV2Currencies },
  v2_providers: { schema: () => v2ProviderSchema, read: readV2Providers },
});
