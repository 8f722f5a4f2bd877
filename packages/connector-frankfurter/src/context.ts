import { validateInput, ValidationError, type HttpClient } from '@cf/core';
import type * as z from '@cf/core/zod';

/** What a resource needs from the connector for one call. */
export interface FrankfurterContext {
  http: HttpClient;
  /** Today (UTC) by the client's clock: the latest date a caller may ask for. */
  today: string;
  /** The codes of the last `currencies()` answer, once fetched. */
  known: ReadonlySet<string> | undefined;
}

/** Validates a caller's input before the network: VALIDATION_ERROR naming the field and the rule. */
export function parse<S extends z.Schema>(schema: S, value: unknown, method: string): z.output<S> {
  return validateInput(schema, value, `Invalid ${method}() input`, 'frankfurter');
}

/**
 * Rejects codes missing from the fetched currency list. Applied to the latest rates only: `/currencies`
 * lists today's ECB set, and a retired currency (HRK until 2023) is still valid for past dates.
 */
export function checkKnown(ctx: FrankfurterContext, method: string, codes: Record<string, string | readonly string[] | undefined>): void {
  if (!ctx.known) return;
  const issues = Object.entries(codes).flatMap(([path, value]) =>
    [value ?? []].flat().filter((code) => !ctx.known?.has(code)).map((code) => ({ path, message: `unknown currency "${code}" (not in currencies())` })),
  );
  if (issues.length === 0) return;
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new ValidationError({ message: `Invalid ${method}() input: ${summary}`, issues, source: 'frankfurter' });
}

/** What a v2 resource needs for one call. */
export interface FrankfurterV2Context {
  http: HttpClient;
  /** Today (UTC) by the client's clock: an open-ended time series runs to it. */
  today: string;
  /** Tomorrow (UTC): the latest date v2 serves (its latest rates include provider rates dated one day ahead). */
  tomorrow: string;
}

/** The query parameters v2 takes for a list of codes or keys. */
export const commaList = (values: readonly string[] | undefined): string | undefined => values?.join(',');
