import { addDays, isBusinessDay, LATEST_DATE, roundQuote } from './ecb-data.js';
import { bucketOf, carryForward, isKnownCode, observe, PROVIDERS, type MockProvider } from './v2-data.js';

/**
 * The v2 mock's `RateQuery` (`lib/versions/v2/rate_query.rb`): the same parameters, checks in the same order with
 * the same 422 messages, and the same answers: a snapshot (latest or one date) sorted by quote, a daily range or a
 * weekly/monthly rollup sorted by date then quote, an identity row for the base, `[]` when nothing matches.
 * Deliberate difference: dates must be `YYYY-MM-DD` (Ruby's `Date.parse` also takes "Jan 5 2024").
 */
export interface V2Row {
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** The base currency. */
  base: string;
  /** The quote currency. */
  quote: string;
  /** 1 `base` buys `rate` `quote`. */
  rate: number;
  /** With `expand: 'providers'`: each provider's rate behind the blend, and its date. */
  providers?: Array<{ key: string; date: string; rate: number }>;
}

export interface V2Query {
  base: string;
  quotes: string[] | undefined;
  providers: MockProvider[];
  /** Only one provider named: its own published digits are echoed for its pivot base. */
  single: MockProvider | undefined;
  expand: boolean;
  date: string | undefined;
  from: string | undefined;
  to: string | undefined;
  group: 'week' | 'month' | undefined;
}

/** The mock's "today": the last day of its data. The latest rates look one day ahead of it. */
export const MOCK_TODAY = LATEST_DATE;
const ALLOWED = ['base', 'quotes', 'providers', 'date', 'from', 'to', 'group', 'expand'];
const MAX_RANGE_YEARS = 5;

export class V2QueryError extends Error {}

const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.parse(`${s}T00:00:00Z`) || 0).toISOString().startsWith(s);
const list = (value: string | null): string[] | undefined => (value === null ? undefined : value.toUpperCase().split(',').filter(Boolean));

/** Reads and checks the parameters as `RateQuery#validate!` does; throws V2QueryError with the API's message. */
export function parseV2Query(params: URLSearchParams): V2Query {
  const unknown = [...new Set(params.keys())].filter((k) => !ALLOWED.includes(k));
  if (unknown.length > 0) throw new V2QueryError(`unknown parameter: ${unknown.join(', ')}`);
  for (const key of ['date', 'from', 'to']) if (params.has(key) && !isIsoDate(params.get(key) ?? '')) throw new V2QueryError('invalid date');
  const [date, from, to] = [params.get('date') ?? undefined, params.get('from') ?? undefined, params.get('to') ?? undefined];
  if (date !== undefined && (from !== undefined || to !== undefined)) throw new V2QueryError('conflicting params');
  const group = params.get('group')?.toLowerCase();
  if (group !== undefined && group !== 'week' && group !== 'month') throw new V2QueryError('invalid group');
  const expand = params.get('expand')?.toLowerCase().split(',');
  const badExpand = expand?.filter((e) => e !== 'providers') ?? [];
  if (badExpand.length > 0) throw new V2QueryError(`invalid expand: ${badExpand.join(',')}`);
  const base = params.get('base')?.toUpperCase() ?? 'EUR';
  const quotes = list(params.get('quotes'));
  const invalid = [...(params.has('base') && !isKnownCode(base) ? [base] : []), ...(quotes ?? []).filter((q) => !isKnownCode(q))];
  if (invalid.length > 0) throw new V2QueryError(`invalid currency: ${invalid.join(',')}`);
  const keys = list(params.get('providers'));
  const providers = keys === undefined ? PROVIDERS : PROVIDERS.filter((p) => keys.includes(p.key));
  const q: V2Query = { base, quotes, providers, single: keys?.length === 1 ? providers[0] : undefined, expand: expand !== undefined, date, from, to, group };
  checkRangeCost(q, keys);
  return q;
}

/** `validate_range_cost!`: daily ranges that name providers or expand them are capped at 5 years. */
function checkRangeCost(q: V2Query, keys: string[] | undefined): void {
  if (q.from === undefined || q.group !== undefined || (keys === undefined && !q.expand)) return;
  if (keys !== undefined && q.quotes !== undefined && new Set(keys).size <= 5 && new Set(q.quotes).size <= 5) return;
  const end = [q.to ?? MOCK_TODAY, MOCK_TODAY].sort()[0] ?? MOCK_TODAY;
  const cap = `${Number(q.from.slice(0, 4)) + MAX_RANGE_YEARS}${q.from.slice(4)}`;
  if (end <= cap) return;
  throw new V2QueryError(
    `date range exceeds ${MAX_RANGE_YEARS} years at daily granularity; filter with quotes= (5 currencies or fewer), ` +
      'aggregate with group=week or group=month, or split the range into shorter requests',
  );
}

interface Blended {
  rate: number;
  date: string;
  parts: Array<{ key: string; date: string; rate: number }>;
}

/** Emits rows from per-code blends (euro terms): rebased to the base, filtered, rounded, plus the identity row. */
function emit(q: V2Query, blended: Map<string, Blended>, rollup: boolean): V2Row[] {
  const base = blended.get(q.base);
  if (!base) return [];
  const passthrough = q.single !== undefined && !rollup && q.single.pivot_currency === q.base;
  const rows: V2Row[] = [];
  for (const [quote, b] of [...blended].sort(([x], [y]) => x.localeCompare(y))) {
    if (quote === q.base || (q.quotes && !q.quotes.includes(quote))) continue;
    const value = b.rate / base.rate;
    const row: V2Row = { date: b.date, base: q.base, quote, rate: passthrough ? Number(value.toPrecision(12)) : roundQuote(value) };
    if (q.expand) row.providers = b.parts.map((p) => ({ key: p.key, date: p.date, rate: roundQuote(p.rate / base.rate) }));
    rows.push(row);
  }
  if (!q.quotes || q.quotes.includes(q.base)) {
    const dates = rows.map((r) => r.date).sort();
    rows.push({ date: dates.at(-1) ?? base.date, base: q.base, quote: q.base, rate: 1 });
    rows.sort((a, b) => a.quote.localeCompare(b.quote));
  }
  return rows;
}

/** The blend of every in-scope provider's latest observation on or before `date` (14-day carry-forward). */
function snapshot(q: V2Query, date: string): V2Row[] {
  const blended = new Map<string, Blended>();
  for (const p of q.providers) {
    for (const code of [...p.currencies, p.pivot_currency]) {
      const seen = carryForward(p, code, date);
      if (!seen) continue;
      const b = blended.get(code) ?? { rate: 0, date: '', parts: [] };
      b.parts.push({ key: p.key, date: seen.date, rate: seen.value });
      b.rate = b.parts.reduce((sum, part) => sum + part.rate, 0) / b.parts.length;
      b.date = b.date > seen.date ? b.date : seen.date;
      blended.set(code, b);
    }
  }
  return emit(q, blended, false);
}

/** A daily range: a snapshot per business day (and at `from` itself), each (quote, date) once. */
function dailyRange(q: V2Query, from: string, end: string): V2Row[] {
  const anchors = isBusinessDay(from) ? [] : [from];
  for (let d = from; d <= end && d <= MOCK_TODAY; d = addDays(d, 1)) if (isBusinessDay(d)) anchors.push(d);
  const seen = new Set<string>();
  const rows = anchors.flatMap((anchor) => snapshot(q, anchor)).filter((row) => !seen.has(`${row.quote}|${row.date}`) && seen.add(`${row.quote}|${row.date}`));
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.quote.localeCompare(b.quote));
}

/** A weekly or monthly range: per-provider bucket averages, blended; the first bucket on or before `from` counts. */
function rollupRange(q: V2Query, group: 'week' | 'month', from: string, end: string): V2Row[] {
  if (from > MOCK_TODAY) return [];
  const sums = new Map<string, Map<string, { sum: number; n: number }>>(); // bucket → "provider|code" → average
  for (let d = addDays(from, -70); d <= addDays(end, 40) && d <= MOCK_TODAY; d = addDays(d, 1)) {
    for (const p of q.providers) {
      for (const code of [...p.currencies, p.pivot_currency]) {
        const value = observe(p, code, d);
        if (value === undefined) continue;
        const bucket = sums.get(bucketOf(d, group)) ?? new Map<string, { sum: number; n: number }>();
        const acc = bucket.get(`${p.key}|${code}`) ?? { sum: 0, n: 0 };
        bucket.set(`${p.key}|${code}`, { sum: acc.sum + value, n: acc.n + 1 });
        sums.set(bucketOf(d, group), bucket);
      }
    }
  }
  const dates = [...sums.keys()].sort();
  const start = dates.filter((d) => d <= from).at(-1) ?? from;
  return dates
    .filter((d) => d >= start && d <= end)
    .flatMap((bucket) => {
      const blended = new Map<string, Blended>();
      for (const [key, { sum, n }] of sums.get(bucket) ?? []) {
        const [provider = '', code = ''] = key.split('|');
        const b = blended.get(code) ?? { rate: 0, date: bucket, parts: [] };
        b.parts.push({ key: provider, date: bucket, rate: sum / n });
        b.rate = b.parts.reduce((s, part) => s + part.rate, 0) / b.parts.length;
        blended.set(code, b);
      }
      return emit(q, blended, true);
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.quote.localeCompare(b.quote));
}

/** The rows the API would return for a checked query. */
export function runV2Query(q: V2Query): V2Row[] {
  if (q.date !== undefined) return snapshot(q, q.date);
  if (q.from === undefined) return snapshot(q, addDays(MOCK_TODAY, 1));
  const end = q.to ?? MOCK_TODAY;
  return q.group ? rollupRange(q, q.group, q.from, end) : dailyRange(q, q.from, end);
}
