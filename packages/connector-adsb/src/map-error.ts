import { InvalidRequestError, RateLimitError, type ConnectorError, type ErrorContext } from '@cf/core';
import { extractMessage } from '@cf/core/internal';

/**
 * How long to wait after a 429 that does not say: adsb.lol's limits are dynamic and it sends no Retry-After;
 * reports put it near 7 requests per 40 s per IP, so about one slot's worth of that window.
 */
export const DEFAULT_429_WAIT_MS = 10_000;

/** FastAPI's 422: `{"detail":[{"loc":["path","radius"],"msg":"Input should be less than or equal to 250"}]}`. */
function describeDetail(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (!Array.isArray(detail)) return extractMessage(body);
  return detail
    .map((d: { loc?: unknown; msg?: unknown }) => `${Array.isArray(d.loc) ? d.loc.join('.') : '?'}: ${String(d.msg)}`)
    .join('; ');
}

/** Maps adsb.lol's throttling (429, often a short non-JSON body) and FastAPI validation errors. */
export function mapAdsbError(ctx: ErrorContext): ConnectorError | undefined {
  const common = { status: ctx.status, body: ctx.body, source: 'adsb' };
  if (ctx.status === 429) {
    return new RateLimitError({
      ...common,
      retryAfterMs: ctx.retryAfterMs ?? DEFAULT_429_WAIT_MS,
      message:
        'adsb.lol is throttling this IP (429). Its limits are dynamic (about one request per 3-4 s); ' +
        'lower `rateLimit`, or share one limiter (or a store) between processes on the same IP.',
    });
  }
  if (ctx.status === 422) {
    return new InvalidRequestError({ ...common, message: `adsb.lol rejected the request: ${describeDetail(ctx.body) ?? 'invalid parameters'}.` });
  }
  return undefined;
}
