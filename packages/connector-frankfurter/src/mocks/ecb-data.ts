/**
 * A deterministic stand-in for the ECB data set behind Frankfurter: every business day from 1999-01-04 to
 * `LATEST_DATE` has EUR rates. On `LATEST_DATE` they are the anchor values below (shaped like the real
 * 2024-11-22 fixing); other days drift smoothly around them, so any date answers like the real API.
 */
export const LATEST_DATE = '2024-11-22';
export const FIRST_DATE = '1999-01-04';

/** ISO code → [English name, EUR rate on LATEST_DATE]. EUR itself is the base. */
export const CURRENCIES: Record<string, [string, number]> = {
  AUD: ['Australian Dollar', 1.6111],
  BGN: ['Bulgarian Lev', 1.9558],
  BRL: ['Brazilian Real', 6.0543],
  CAD: ['Canadian Dollar', 1.4565],
  CHF: ['Swiss Franc', 0.9324],
  CNY: ['Chinese Renminbi Yuan', 7.5423],
  CZK: ['Czech Koruna', 25.289],
  DKK: ['Danish Krone', 7.4589],
  GBP: ['British Pound', 0.83465],
  HKD: ['Hong Kong Dollar', 8.1037],
  HUF: ['Hungarian Forint', 411.15],
  IDR: ['Indonesian Rupiah', 16574],
  ILS: ['Israeli New Sheqel', 3.8722],
  INR: ['Indian Rupee', 87.94],
  ISK: ['Icelandic Króna', 145.3],
  JPY: ['Japanese Yen', 161.29],
  KRW: ['South Korean Won', 1463.5],
  MXN: ['Mexican Peso', 21.349],
  MYR: ['Malaysian Ringgit', 4.6543],
  NOK: ['Norwegian Krone', 11.527],
  NZD: ['New Zealand Dollar', 1.7858],
  PHP: ['Philippine Peso', 61.327],
  PLN: ['Polish Złoty', 4.3423],
  RON: ['Romanian Leu', 4.9766],
  SEK: ['Swedish Krona', 11.534],
  SGD: ['Singapore Dollar', 1.4017],
  THB: ['Thai Baht', 36.011],
  TRY: ['Turkish Lira', 36.036],
  USD: ['United States Dollar', 1.0412],
  ZAR: ['South African Rand', 18.85],
};

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Weekends and the fixed TARGET holidays (1 Jan, 1 May, 25–26 Dec) have no fixing. Easter is not modelled. */
export function isBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !['01-01', '05-01', '12-25', '12-26'].includes(date.slice(5));
}

/** The business day on or before `date` (the API looks back at most 14 days). */
export function businessDayOnOrBefore(date: string): string | undefined {
  for (let back = 0; back <= 14; back += 1) {
    const day = addDays(date, -back);
    if (day < FIRST_DATE) return undefined;
    if (isBusinessDay(day)) return day;
  }
  return undefined;
}

/** How far every rate has drifted from its `LATEST_DATE` value on `date`: within 3 %, smoothly. */
export function drift(date: string): number {
  return 1 + 0.03 * Math.sin((dayNumber(date) - dayNumber(LATEST_DATE)) / 45);
}

/** EUR rates on a business day, five significant digits like the ECB's own. */
export function eurRates(date: string): Record<string, number> {
  const factor = drift(date);
  return Object.fromEntries(Object.entries(CURRENCIES).map(([code, [, rate]]) => [code, Number((rate * factor).toPrecision(5))]));
}

/** Frankfurter's rounding (`roundable.rb`), applied when the base is not EUR or the amount is not 1. */
export function roundQuote(value: number): number {
  if (value > 5000) return Math.round(value);
  const places = value > 80 ? 2 : value > 20 ? 3 : value > 1 ? 4 : value > 0.0001 ? 5 : 6;
  return Number(value.toFixed(places));
}
