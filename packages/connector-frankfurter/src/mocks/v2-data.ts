import { addDays, CURRENCIES, drift, eurRates, FIRST_DATE, isBusinessDay, LATEST_DATE } from './ecb-data.js';

/**
 * The v2 mock's data set: two providers over the same business days as the v1 mock (up to `LATEST_DATE`), the ECB
 * (EUR pivot, from 1999, with HRK until the euro replaced it) and the Bank of Canada (CAD pivot, from 2017, adding
 * TWD and PEN). Values are kept in euro terms: a provider's view of a currency is how many units one euro buys.
 */

/** ISO 4217 code → [numeric code, symbol], as the API's currency metadata (the `money` gem) has them. */
const ISO: Record<string, [string, string]> = {
  AUD: ['036', '$'], BGN: ['975', 'лв.'], BRL: ['986', 'R$'], CAD: ['124', '$'], CHF: ['756', 'CHF'], CNY: ['156', '¥'],
  CZK: ['203', 'Kč'], DKK: ['208', 'kr.'], EUR: ['978', '€'], GBP: ['826', '£'], HKD: ['344', '$'], HRK: ['191', 'kn'],
  HUF: ['348', 'Ft'], IDR: ['360', 'Rp'], ILS: ['376', '₪'], INR: ['356', '₹'], ISK: ['352', 'kr.'], JPY: ['392', '¥'],
  KRW: ['410', '₩'], MXN: ['484', '$'], MYR: ['458', 'RM'], NOK: ['578', 'kr'], NZD: ['554', '$'], PEN: ['604', 'S/'],
  PHP: ['608', '₱'], PLN: ['985', 'zł'], RON: ['946', 'Lei'], SEK: ['752', 'kr'], SGD: ['702', '$'], THB: ['764', '฿'],
  TRY: ['949', '₺'], TWD: ['901', '$'], USD: ['840', '$'], ZAR: ['710', 'R'],
};

/** Currencies the v1 data set lacks: [name, units per euro on LATEST_DATE, last day published]. */
const EXTRA: Record<string, [string, number, string]> = {
  HRK: ['Croatian Kuna', 7.5345, '2022-12-30'],
  PEN: ['Peruvian Sol', 3.9521, LATEST_DATE],
  TWD: ['New Taiwan Dollar', 33.912, LATEST_DATE],
};

/** ISO codes the API knows but has no rates for here: asking for them gives `[]`, not 422. */
const KNOWN_WITHOUT_RATES = ['RUB', 'VES', 'XAU', 'XDR'];

export const NAMES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CURRENCIES).map(([code, [name]]) => [code, name])),
  ...Object.fromEntries(Object.entries(EXTRA).map(([code, [name]]) => [code, name])),
  EUR: 'Euro',
};

/** Whether the API's currency registry knows `code` (else it answers 422 "invalid currency"). */
export const isKnownCode = (code: string): boolean => code in NAMES || KNOWN_WITHOUT_RATES.includes(code);

export interface MockProvider {
  key: string;
  name: string;
  country_code: string;
  rate_type: string;
  pivot_currency: string;
  data_url: string;
  terms_url: string;
  start_date: string;
  end_date: string;
  publish_cadence: string;
  publishes_missed: number;
  currencies: string[];
}

const ECB_CODES = [...Object.keys(CURRENCIES), 'HRK'];
const BOC_CODES = ['AUD', 'BRL', 'CHF', 'CNY', 'EUR', 'GBP', 'HKD', 'IDR', 'INR', 'JPY', 'KRW', 'MXN', 'MYR', 'NOK', 'NZD', 'PEN', 'SEK', 'SGD', 'THB', 'TRY', 'TWD', 'USD', 'ZAR'];

/** As `GET /v2/providers` lists them (`db/seeds/providers/ecb.json`, `boc.json`), sorted by key. */
export const PROVIDERS: MockProvider[] = [
  {
    key: 'BOC',
    name: 'Bank of Canada',
    country_code: 'CA',
    rate_type: 'indicative rate',
    pivot_currency: 'CAD',
    data_url: 'https://www.bankofcanada.ca/rates/exchange/daily-exchange-rates/',
    terms_url: 'https://www.bankofcanada.ca/terms/',
    start_date: '2017-01-03',
    end_date: LATEST_DATE,
    publish_cadence: 'daily',
    publishes_missed: 0,
    currencies: [...BOC_CODES].sort(),
  },
  {
    key: 'ECB',
    name: 'European Central Bank',
    country_code: 'EU',
    rate_type: 'reference rate',
    pivot_currency: 'EUR',
    data_url: 'https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html',
    terms_url: 'https://www.ecb.europa.eu/services/using-our-site/disclaimer/html/index.en.html',
    start_date: FIRST_DATE,
    end_date: LATEST_DATE,
    publish_cadence: 'daily',
    publishes_missed: 0,
    currencies: [...ECB_CODES].sort(),
  },
];

export const providerByKey = (key: string): MockProvider | undefined => PROVIDERS.find((p) => p.key === key);

/** Every code a provider has a value for: its quotes and its pivot. */
const coverage = (p: MockProvider): string[] => [...p.currencies, p.pivot_currency];

const memo = new Map<string, Record<string, number>>();
function eurOn(date: string): Record<string, number> {
  let rates = memo.get(date);
  if (!rates) {
    if (memo.size > 20_000) memo.clear();
    rates = eurRates(date);
    memo.set(date, rates);
  }
  return rates;
}

/** Units of `code` per euro that provider `p` published on `date`, or undefined when it published none. */
export function observe(p: MockProvider, code: string, date: string): number | undefined {
  if (date < p.start_date || date > p.end_date || !isBusinessDay(date) || !coverage(p).includes(code)) return undefined;
  if (code === 'EUR') return 1;
  const extra = EXTRA[code];
  if (extra) return date > extra[2] ? undefined : Number((extra[1] * drift(date)).toPrecision(5));
  const ecb = eurOn(date)[code];
  if (ecb === undefined) return undefined;
  // The Bank of Canada's cross rates differ from the ECB's by a hair, so a blend is visibly an average.
  return p.key === 'BOC' && code !== 'CAD' ? Number((ecb * 1.0005).toPrecision(6)) : ecb;
}

/** The latest observation of `code` by `p` on or before `date`, looking back at most 14 days (`CarryForward`). */
export function carryForward(p: MockProvider, code: string, date: string): { date: string; value: number } | undefined {
  for (let back = 0; back <= 14; back += 1) {
    const day = addDays(date, -back);
    if (day < FIRST_DATE) return undefined;
    const value = observe(p, code, day);
    if (value !== undefined) return { date: day, value };
  }
  return undefined;
}

/** The codes any of `providers` covers. */
export const codesOf = (providers: MockProvider[]): string[] => [...new Set(providers.flatMap(coverage))].sort();

/** `GET /v2/currencies` records: each code with the first and last day any provider published it. */
export function currencyRecord(code: string): { iso_code: string; iso_numeric: string | null; name: string; symbol: string | null; start_date: string; end_date: string } {
  const covering = PROVIDERS.filter((p) => coverage(p).includes(code));
  const end = EXTRA[code]?.[2] ?? LATEST_DATE;
  return {
    iso_code: code,
    iso_numeric: ISO[code]?.[0] ?? null,
    name: NAMES[code] ?? code,
    symbol: ISO[code]?.[1] ?? null,
    start_date: covering.map((p) => p.start_date).sort()[0] ?? FIRST_DATE,
    end_date: end,
  };
}

/** The providers covering `code`, by key. */
export const providersOf = (code: string): string[] => PROVIDERS.filter((p) => coverage(p).includes(code)).map((p) => p.key);

/** SQLite `strftime('%W')`: the week of the year, weeks starting on Monday, days before the first Monday in week 0. */
function weekOfYear(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const dayOfYear = (d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000;
  return Math.floor((dayOfYear + 7 - ((d.getUTCDay() + 6) % 7)) / 7);
}

/** The rollup bucket of a day (`lib/bucket.rb`): the 1st of its month, or 1 January + 7 × its `%W` week. */
export function bucketOf(date: string, group: 'week' | 'month'): string {
  return group === 'month' ? `${date.slice(0, 7)}-01` : addDays(`${date.slice(0, 4)}-01-01`, 7 * weekOfYear(date));
}
