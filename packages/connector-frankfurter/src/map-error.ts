import { InvalidRequestError, NotFoundError, type ConnectorError, type ErrorContext } from '@cf/core';
import { extractMessage } from '@cf/core/internal';

/** What to do about each 422 message the v1 API sends. */
const HINTS: Record<string, string> = {
  'bad currency pair': 'base and symbols name the same currency; ask for another symbol.',
  'invalid amount': 'amount must be a positive number.',
  'invalid date': 'dates must be real calendar dates written YYYY-MM-DD.',
};

/** Maps Frankfurter's `{"message": ...}` errors; other statuses keep core's default. */
export function mapFrankfurterError(ctx: ErrorContext): ConnectorError | undefined {
  const apiMessage = extractMessage(ctx.body) ?? '';
  const common = { status: ctx.status, body: ctx.body, source: 'frankfurter' };
  if (ctx.status === 404) {
    return new NotFoundError({
      ...common,
      message:
        `Frankfurter has no rates for this request ("${apiMessage}"): the base currency is unknown, every symbol is unknown, ` +
        'or the date or range lies outside the data (1999-01-04 to the latest business day).',
    });
  }
  if (ctx.status === 422) {
    return new InvalidRequestError({ ...common, message: `Frankfurter rejected the request ("${apiMessage}"): ${HINTS[apiMessage] ?? 'check the query.'}` });
  }
  return undefined;
}
