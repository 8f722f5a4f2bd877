import type { ResponseBody } from './transport.js';

/** Pulls the next chunk; `done` at the end. */
type Pull = () => Promise<IteratorResult<Uint8Array>>;

/**
 * Builds a `ResponseBody` from a pull function and a way to stop the source (and `readAll`, when the transport can
 * hand over the whole body at once). One implementation for every transport, so cancellation means the same thing
 * everywhere: once cancelled, reads fail with the reason.
 */
export function responseBody(pull: Pull, stop: (reason: unknown) => void, readAll?: ResponseBody['readAll']): ResponseBody {
  let cancelled: { reason: unknown } | undefined;
  let finished = false;
  const fail = (): never => {
    throw cancelled?.reason ?? new Error('The response body was cancelled.');
  };
  // A function, not a narrowed variable: `cancel()` may run while a read is awaited.
  const failedByCancel = (): boolean => cancelled !== undefined && cancelled.reason !== undefined;
  return {
    // In the literal, not added to the object afterwards: the Node transport did that, and V8's allocation-site
    // pretenuring then sent a request's short-lived allocations to the old generation: ~25 major GCs in 2 s of
    // 28 KB pages at 1 concurrent instead of 0, ~40 µs more CPU per page (`--no-allocation-site-pretenuring` made
    // the difference go away; packages/bench/src/probes/transport-probe.ts measures it).
    ...(readAll ? { readAll } : {}),
    cancel(reason?: unknown): void {
      if (cancelled || finished) return;
      cancelled = { reason };
      try {
        stop(reason);
      } catch {
        /* stopping a source never fails the caller */
      }
    },
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      return {
        next: async () => {
          if (cancelled) return cancelled.reason === undefined ? { done: true, value: undefined } : fail();
          if (finished) return { done: true, value: undefined };
          let result: IteratorResult<Uint8Array>;
          try {
            result = await pull();
          } catch (error) {
            finished = true;
            if (failedByCancel()) fail();
            throw error;
          }
          if (failedByCancel()) fail();
          if (result.done) finished = true;
          return result;
        },
        return: async () => {
          if (!finished && !cancelled) {
            cancelled = { reason: undefined };
            stop(undefined);
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** A body from a web `ReadableStream` (fetch on Deno, Bun, browsers, workers, Node). */
export function webStreamBody(stream: ReadableStream<Uint8Array> | null): ResponseBody {
  if (!stream) return bytesBody([]);
  const reader = stream.getReader();
  return responseBody(
    async () => {
      const { done, value } = await reader.read();
      return done ? { done: true, value: undefined } : { done: false, value };
    },
    (reason) => void reader.cancel(reason).catch(() => undefined),
  );
}

/** A body from chunks already in memory (tests, cached answers, custom transports). */
export function bytesBody(chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): ResponseBody {
  const encoder = new TextEncoder();
  const source: AsyncIterator<Uint8Array | string> | Iterator<Uint8Array | string> =
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  return responseBody(
    async () => {
      const next = await source.next();
      if (next.done) return { done: true, value: undefined };
      return { done: false, value: typeof next.value === 'string' ? encoder.encode(next.value) : next.value };
    },
    () => void source.return?.(),
  );
}
