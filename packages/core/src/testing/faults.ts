import { delay, http, HttpResponse, type HttpHandler } from 'msw';

interface Times {
  /** How many requests the fault answers before letting requests through to the other handlers. @default Infinity */
  times?: number;
  /** Restrict to a method. @default all */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Restrict to a path pattern (MSW syntax). @default every path */
  path?: string;
}

function json(body: unknown, init: ResponseInit): Response {
  return new HttpResponse(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
}

function faultHandler(options: Times, respond: () => Promise<Response> | Response): HttpHandler {
  let left = options.times ?? Number.POSITIVE_INFINITY;
  const pattern = options.path ?? '*';
  const method = (options.method ?? 'all').toLowerCase() as 'all';
  return http[method](pattern, async () => {
    if (left <= 0) return undefined;
    left -= 1;
    return respond();
  });
}

/**
 * Failures a real API produces, as MSW handlers to `server.use(...)`. Each answers `times` requests and
 * then lets requests fall through to the normal handlers.
 */
export const faults = {
  /** Any status with a JSON body. */
  status: (status: number, options: Times & { body?: unknown; headers?: Record<string, string> } = {}) =>
    faultHandler(options, () => json(options.body ?? { message: `mock ${status}` }, { status, ...(options.headers ? { headers: options.headers } : {}) })),
  /** 429 with `Retry-After` (seconds or an HTTP-date), and an optional body and headers. */
  rateLimited: (options: Times & { retryAfter?: number | string; body?: unknown; headers?: Record<string, string> } = {}) =>
    faultHandler(options, () =>
      json(options.body ?? { message: 'rate limited' }, {
        status: 429,
        headers: { ...(options.retryAfter !== undefined ? { 'retry-after': String(options.retryAfter) } : {}), ...options.headers },
      }),
    ),
  /** A burst of 5xx (503 by default). */
  serverErrors: (count: number, status = 503, options: Omit<Times, 'times'> = {}) =>
    faultHandler({ ...options, times: count }, () => HttpResponse.json({ message: 'mock server error' }, { status })),
  /** Sends part of a body, then destroys the socket. */
  destroyMidBody: (options: Times & { partial?: string } = {}) =>
    faultHandler(options, () => {
      const encoder = new TextEncoder();
      let sent = false;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!sent) {
            sent = true;
            controller.enqueue(encoder.encode(options.partial ?? '{"partial":[1,2,3'));
            return;
          }
          await delay(20);
          controller.error(new Error('socket destroyed mid-body'));
        },
      });
      return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json', 'content-length': '100000' } });
    }),
  /** Waits `ms` before answering (past a client's timeout). */
  stall: (ms: number, options: Times = {}) =>
    faultHandler(options, async () => {
      await delay(ms);
      return HttpResponse.json({ message: 'stalled' });
    }),
  /** A 200 whose JSON body is cut short. */
  truncatedJson: (options: Times = {}) =>
    faultHandler(options, () => new HttpResponse('{"results":[{"id":"1"},{"id":', { status: 200, headers: { 'content-type': 'application/json' } })),
  /**
   * A 200 whose body arrives slowly: `chunks` pieces of a JSON array, one every `intervalMs` (a deadline must
   * cover the body, not only the headers; a stream's consumer meets the silences between chunks).
   */
  dripBody: (options: Times & { chunks?: number; intervalMs?: number } = {}) =>
    faultHandler(options, () => {
      const encoder = new TextEncoder();
      const total = options.chunks ?? 5;
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sent > 0) await delay(options.intervalMs ?? 500);
          if (sent === total) {
            controller.enqueue(encoder.encode(']'));
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(`${sent === 0 ? '[' : ','}${sent}`));
          sent += 1;
        },
      });
      return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  /** A network error (connection reset before any response). */
  networkError: (options: Times = {}) => faultHandler(options, () => HttpResponse.error()),
};
