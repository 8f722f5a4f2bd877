import { delay, getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import type { LimitModel } from '../metadata/connector-metadata.js';

/** When a fault strikes: before the API acted (nothing happened) or after it (the side effect happened). */
export type FaultMoment = 'before' | 'after';

export interface OperationFault {
  id: string;
  title: string;
  moment: FaultMoment;
  /** What the operation must do: fail with a typed error, or either fail typed or succeed (schema drift). */
  expect: 'reject' | 'reject-or-resolve';
  /** Needs real time (the attempt's deadline). */
  timed?: boolean;
  /** Builds the handler in front of the connector's own; `hits` counts the requests it answered. */
  handler: (ctx: FaultContext) => RequestHandler;
}

export interface FaultContext {
  /** The connector's own handlers (an `after` fault lets them act first). */
  base: readonly RequestHandler[];
  /** Only requests with these methods are faulted (writes: the write itself, not a read before it). */
  methods: ReadonlySet<string> | undefined;
  /** How many requests to fault; later ones reach the connector's handlers. */
  times: number;
  hits: { count: number };
  /** The declared rate-limit answer. */
  limitModel: LimitModel | undefined;
  /** Bigger than the kit's `maxResponseBytes` override. */
  oversizedBytes: number;
  /** Past the kit's `timeoutMs` override. */
  stallMs: number;
  /** The rule's clock ("now" for a declared reset header). */
  now: () => number;
  /** When the faulted answers and the requests let through after them came, on `now`'s clock. */
  log: { faultedAt: number[]; passedAt: number[]; resetAt: number[] };
}

/** Answers `respond` for matching requests (up to `times`), else lets the connector's handlers answer. */
function fault(ctx: FaultContext, respond: (request: Request) => Promise<Response | undefined> | Response | undefined): RequestHandler {
  return http.all('*', async ({ request }) => {
    if (ctx.methods && !ctx.methods.has(request.method)) return undefined;
    if (ctx.hits.count >= ctx.times) {
      ctx.log.passedAt.push(ctx.now());
      return undefined;
    }
    ctx.hits.count += 1;
    ctx.log.faultedAt.push(ctx.now());
    return respond(request);
  });
}

/** Lets the connector's own handlers act (the side effect happens), then answers something else. */
async function afterTheHandler(ctx: FaultContext, request: Request): Promise<Response | undefined> {
  return getResponse([...ctx.base], request);
}

const json = (body: string, status = 200, contentType = 'application/json'): Response => new HttpResponse(body, { status, headers: { 'content-type': contentType } });

/** Scalars of the other type (string ↔ number), as an API whose schema drifted would send them. */
function drift(value: unknown, depth = 0): unknown {
  if (depth > 30) return value;
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => drift(v, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, drift(v, depth + 1)]));
  return value;
}

/** The faults every operation meets (§ conformance, per-operation rules). */
export const OPERATION_FAULTS: readonly OperationFault[] = [
  { id: 'status-500', title: '500 before the API acted', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"message":"internal error"}', 500)) },
  { id: 'status-503', title: '503 before the API acted', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"message":"unavailable"}', 503)) },
  {
    id: 'status-502-after',
    title: '502 after the API acted',
    moment: 'after',
    expect: 'reject',
    handler: (c) => fault(c, async (r) => (await afterTheHandler(c, r), json('<html><body>502 Bad Gateway</body></html>', 502, 'text/html'))),
  },
  {
    id: 'status-504-after',
    title: '504 after the API acted',
    moment: 'after',
    expect: 'reject',
    handler: (c) => fault(c, async (r) => (await afterTheHandler(c, r), json('{"message":"gateway timeout"}', 504))),
  },
  { id: 'reset-after', title: 'connection reset after the API acted', moment: 'after', expect: 'reject', handler: (c) => fault(c, async (r) => (await afterTheHandler(c, r), HttpResponse.error())) },
  {
    id: 'stall',
    title: 'no headers before the timeout',
    moment: 'before',
    expect: 'reject',
    timed: true,
    handler: (c) => fault(c, async () => (await delay(c.stallMs), json('{}'))),
  },
  {
    id: 'drip',
    title: 'a body that drips past the timeout',
    moment: 'before',
    expect: 'reject',
    timed: true,
    handler: (c) =>
      fault(c, () => {
        const encoder = new TextEncoder();
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (sent > 0) await delay(Math.ceil(c.stallMs / 3));
            if (sent >= 8) return controller.close();
            controller.enqueue(encoder.encode(sent === 0 ? '{"data":[' : '1,'));
            sent += 1;
          },
        });
        return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json' } });
      }),
  },
  { id: 'malformed-json', title: 'a 200 whose JSON is malformed', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"data": [1, 2,, ]')) },
  {
    id: 'html-error-page',
    title: 'an HTML error page from a proxy',
    moment: 'before',
    expect: 'reject',
    handler: (c) => fault(c, () => json('<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Service unavailable</h1></body></html>', 503, 'text/html')),
  },
  { id: 'truncated', title: 'a 200 whose body is cut short', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"data":[{"id":"1"},{"id":')) },
  {
    id: 'oversized',
    title: 'a body over maxResponseBytes',
    moment: 'before',
    expect: 'reject',
    handler: (c) => fault(c, () => json(`{"data":"${'x'.repeat(c.oversizedBytes)}"}`)),
  },
  {
    id: 'schema-drift',
    title: 'fields of the wrong type (schema drift)',
    moment: 'after',
    expect: 'reject-or-resolve',
    handler: (c) =>
      fault(c, async (r) => {
        const real = await afterTheHandler(c, r);
        if (!real) return undefined;
        const text = await real.text();
        try {
          return HttpResponse.json(drift(JSON.parse(text)) as Record<string, unknown>, { status: real.status });
        } catch {
          return new HttpResponse(text, { status: real.status, headers: real.headers });
        }
      }),
  },
];

/** Transient faults a read (or any idempotent operation) must recover from with the default retry policy. */
export const TRANSIENT_FAULTS: readonly OperationFault[] = [
  { id: 'one-503', title: 'one 503', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"message":"unavailable"}', 503)) },
  { id: 'one-reset', title: 'one connection reset', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => HttpResponse.error()) },
];

/** Rate-limit answers every operation must wait out: they prove the API did nothing. */
export const RATE_LIMIT_FAULTS: readonly OperationFault[] = [
  {
    id: '429-retry-after',
    title: '429 with Retry-After',
    moment: 'before',
    expect: 'reject',
    handler: (c) => fault(c, () => new HttpResponse('{"message":"slow down"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '2' } })),
  },
  { id: '429-bare', title: '429 without Retry-After', moment: 'before', expect: 'reject', handler: (c) => fault(c, () => json('{"message":"slow down"}', 429)) },
  {
    id: 'declared-rate-limit',
    title: "the API's own rate-limit answer",
    moment: 'before',
    expect: 'reject',
    handler: (c) =>
      fault(c, () => {
        const answer = rateLimitedAnswer(c.limitModel, 2, c.now());
        const reset = c.limitModel?.rateLimitedAnswer.resetHeader;
        if (reset) c.log.resetAt.push(resetAtMs(reset, answer.headers.get(reset.name), c.now()));
        return answer;
      }),
  },
];

type ResetHeader = NonNullable<LimitModel['rateLimitedAnswer']['resetHeader']>;

/** A reset header's value for a wait of `waitS` from `nowMs`, rounded up as the API rounds it (whole seconds). */
export function resetHeaderValue(header: ResetHeader, nowMs: number, waitS: number): string {
  if (header.unit === 'epoch-ms') return String(Math.ceil(nowMs + waitS * 1000));
  if (header.unit === 'epoch-seconds') return String(Math.ceil((nowMs + waitS * 1000) / 1000));
  return String(waitS);
}

/** When a reset header's value says the limit resets, epoch ms. */
function resetAtMs(header: ResetHeader, value: string | null, nowMs: number): number {
  const n = Number(value);
  if (header.unit === 'epoch-ms') return n;
  if (header.unit === 'epoch-seconds') return n * 1000;
  return nowMs + n * 1000;
}

/**
 * The API's declared "rate limited" answer, with a wait of `waitS` seconds where it carries one (`Retry-After`, or
 * its reset header at `nowMs` plus the wait).
 */
export function rateLimitedAnswer(model: LimitModel | undefined, waitS: number, nowMs: number): Response {
  const answer = model?.rateLimitedAnswer;
  const contentType = answer?.contentType ?? 'application/json';
  const headers: Record<string, string> = { 'content-type': contentType, ...(answer?.headers ?? {}) };
  if (!answer || answer.retryAfter) headers['retry-after'] = String(waitS);
  if (answer?.resetHeader) headers[answer.resetHeader.name.toLowerCase()] = resetHeaderValue(answer.resetHeader, nowMs, waitS);
  const body = answer?.body === undefined ? { message: 'rate limited' } : answer.body;
  const text = typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body);
  return new HttpResponse(text, { status: answer?.status ?? 429, headers });
}
