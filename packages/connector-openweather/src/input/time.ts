import { validateInput } from '@cf/core';
import * as z from '@cf/core/zod';

/** A point in time: a Date, or Unix epoch seconds (what the API uses). */
export type TimeInput = Date | number;
/** A calendar day: `YYYY-MM-DD`, or a Date (its UTC day is used). */
export type DayInput = Date | string;

// Epoch seconds past this (year 5138) are almost certainly milliseconds passed by mistake.
const MAX_EPOCH_SECONDS = 99_999_999_999;

const epochSecondsSchema = z.lazySchema(() => z.pipe(
  z.transform((v: unknown, ctx) => {
    if (typeof v === 'number') return v;
    const valid = v instanceof Date && !Number.isNaN(v.getTime());
    if (valid) return Math.floor(v.getTime() / 1000);
    // zod/mini's transform gets the parse payload (no `addIssue`): the issue goes on its list directly.
    ctx.issues.push({ code: 'custom', message: v instanceof Date ? 'must be a valid Date' : 'must be a Date or epoch seconds', input: v });
    return z.NEVER;
  }),
  z.number().check(
    // `abort`: a time already refused for its form is not also measured against a call's range.
    z.int({ message: 'must be whole epoch seconds', abort: true }),
    z.gte(0, { message: 'must not be before 1970', abort: true }),
    z.lte(MAX_EPOCH_SECONDS, { message: 'looks like milliseconds: pass epoch seconds or a Date', abort: true }),
  ),
));

const daySchema = z.lazySchema(() => z
  .pipe(
    z.union([z.date({ error: 'must be a valid Date' }), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'))], {
      error: 'must be a Date or a YYYY-MM-DD string',
    }),
    z.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
  )
  .check(
    z.refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      'must be a real calendar date',
    ),
  ));

/** An inclusive bound and how the error message states it. */
export interface Bound<T> {
  value: T;
  rule: string;
}

/**
 * Validates a time (VALIDATION_ERROR naming `field`) and returns epoch seconds, not before `min` nor after `max`
 * (each `rule` is the message when broken).
 */
export function epochSeconds(value: unknown, field: string, { min, max }: { min?: Bound<number>; max?: Bound<number> } = {}): number {
  const schema = epochSecondsSchema.check(
    z.refine((s) => min === undefined || s >= min.value, min?.rule ?? ''),
    z.refine((s) => max === undefined || s <= max.value, max?.rule ?? ''),
  );
  return validateInput(z.object({ [field]: schema }), { [field]: value }, `Invalid ${field}`, 'openweather')[field] as number;
}

/** Validates a day (VALIDATION_ERROR naming `field`) and returns `YYYY-MM-DD`, within the bounds given. */
export function isoDay(value: unknown, field: string, { min, max }: { min?: Bound<string>; max?: Bound<string> } = {}): string {
  const schema = daySchema.check(
    z.refine((d) => min === undefined || d >= min.value, min?.rule ?? ''),
    z.refine((d) => max === undefined || d <= max.value, max?.rule ?? ''),
  );
  return validateInput(z.object({ [field]: schema }), { [field]: value }, `Invalid ${field}`, 'openweather')[field] as string;
}

const DAY_MS = 86_400_000;
const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/**
 * The days that are "today or tomorrow" somewhere on Earth at `now`: local time runs from UTC-12 to UTC+14, so
 * from the UTC day 12 h ago to the day after the UTC day 14 h ahead. Which of them the location's own today and
 * tomorrow are depends on its time zone, which only the API knows.
 */
export function todayOrTomorrowAnywhere(now: number): { first: string; last: string } {
  return { first: utcDay(now - 12 * 3_600_000), last: utcDay(now + 14 * 3_600_000 + DAY_MS) };
}
