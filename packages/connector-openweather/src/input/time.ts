import { validateInput } from '@cf/core';
import { z } from 'zod';

/** A point in time: a Date, or Unix epoch seconds (what the API uses). */
export type TimeInput = Date | number;
/** A calendar day: `YYYY-MM-DD`, or a Date (its UTC day is used). */
export type DayInput = Date | string;

// Epoch seconds past this (year 5138) are almost certainly milliseconds passed by mistake.
const MAX_EPOCH_SECONDS = 99_999_999_999;

const epochSecondsSchema = z
  .unknown()
  .transform((v, ctx) => {
    if (typeof v === 'number') return v;
    const valid = v instanceof Date && !Number.isNaN(v.getTime());
    if (valid) return Math.floor(v.getTime() / 1000);
    ctx.addIssue({ code: 'custom', message: v instanceof Date ? 'must be a valid Date' : 'must be a Date or epoch seconds' });
    return z.NEVER;
  })
  .pipe(
    z
      .number()
      .int('must be whole epoch seconds')
      .min(0, 'must not be before 1970')
      .max(MAX_EPOCH_SECONDS, 'looks like milliseconds: pass epoch seconds or a Date'),
  );

const daySchema = z
  .union([z.date({ error: 'must be a valid Date' }), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')], {
    error: 'must be a Date or a YYYY-MM-DD string',
  })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'must be a real calendar date');

/** Validates a time (VALIDATION_ERROR naming `field`) and returns epoch seconds, not before `minSeconds`. */
export function epochSeconds(value: unknown, field: string, minSeconds = 0, minLabel?: string): number {
  const schema = epochSecondsSchema.refine((s) => s >= minSeconds, `must not be before ${minLabel ?? new Date(minSeconds * 1000).toISOString()}`);
  return validateInput(z.object({ [field]: schema }), { [field]: value }, `Invalid ${field}`, 'openweather')[field] as number;
}

/** Validates a day (VALIDATION_ERROR naming `field`) and returns `YYYY-MM-DD`, not before `minDay`. */
export function isoDay(value: unknown, field: string, minDay?: string): string {
  const schema = minDay === undefined ? daySchema : daySchema.refine((d) => d >= minDay, `must not be before ${minDay}`);
  return validateInput(z.object({ [field]: schema }), { [field]: value }, `Invalid ${field}`, 'openweather')[field] as string;
}
