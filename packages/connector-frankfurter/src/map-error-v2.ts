import { InvalidRequestError, NotFoundError, ServerError, type ConnectorError, type ErrorContext } from '@cf/core';
import { extractMessage } from '@cf/core/internal';

/** What to do about each 422 message the v2 API sends (`RateQuery#validate!`), by its start. */
const HINTS: ReadonlyArray<[string, string]> = [
  ['invalid currency', 'the API does not know that ISO 4217 code; currencies({ scope: "all" }) lists the ones it has.'],
  ['invalid date', 'dates must be real calendar dates written YYYY-MM-DD.'],
  ['conflicting params', 'a single date cannot be combined with from/to.'],
  ['invalid group', 'group must be "week" or "month".'],
  ['invalid expand', 'expand must be "providers".'],
  ['unknown parameter', 'v2 takes only base, quotes, providers, date, from, to, group and expand (a default `query` option?).'],
  ['date range exceeds', 'a daily range with providers or expand is capped at 5 years: aggregate with group, or name at most 5 providers and 5 quotes.'],
];

/** Maps Frankfurter v2's `{"status": ..., "message": ...}` errors; other statuses keep core's default. */
export function mapFrankfurterV2Error(ctx: ErrorContext): ConnectorError | undefined {
  const apiMessage = extractMessage(ctx.body) ?? '';
  const common = { status: ctx.status, body: ctx.body, source: 'frankfurter' };
  if (ctx.status === 404) {
    const what = /\/currency\/[^/?]+/.test(ctx.path)
      ? 'it has no currency with that code (currencies({ scope: "all" }) lists them)'
      : /\/rate\/[^/?]+\/[^/?]+/.test(ctx.path)
        ? 'it has no rate for that pair on that date (from those providers)'
        : 'the path does not exist: is baseUrl a v2 address (ending in /v2)?';
    return new NotFoundError({ ...common, message: `Frankfurter found nothing ("${apiMessage}"): ${what}.` });
  }
  if (ctx.status === 422) {
    const hint = HINTS.find(([start]) => apiMessage.startsWith(start))?.[1] ?? 'check the query.';
    return new InvalidRequestError({ ...common, message: `Frankfurter rejected the request ("${apiMessage}"): ${hint}` });
  }
  if (ctx.status === 503 && apiMessage.includes('timeout')) {
    return new ServerError({
      ...common,
      message: `Frankfurter gave up computing the answer ("${apiMessage}"): narrow the request (fewer quotes or providers, group by week or month).`,
    });
  }
  return undefined;
}
