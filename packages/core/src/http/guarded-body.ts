import { DeadlineExceeded } from './deadline.js';
import type { ResponseBody } from './transport.js';

/**
 * The body of a `stream()` response: decoded chunks as an async iterable. It owns what the request holds (the
 * concurrency slot, the caller's abort listener) and gives it all back exactly once, when the body ends, fails
 * or is destroyed. Errors while reading become the funnel's typed errors (`mapError`), never raw socket errors.
 */
export class GuardedBody implements AsyncIterable<Uint8Array> {
  private readonly closers: Array<() => void> = [];
  private readonly mappers: Array<(error: unknown) => unknown> = [];
  private closed = false;

  constructor(
    private readonly raw: ResponseBody,
    /** The longest silence allowed while waiting for the next chunk (the attempt's `timeoutMs`). */
    private readonly idleTimeoutMs: number,
  ) {}

  /** Runs `fn` once the body is finished with (at once if it already is). */
  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.closers.push(fn);
  }

  /** Adds a translation applied to any error met while reading (outermost added last). */
  mapErrors(fn: (error: unknown) => unknown): void {
    this.mappers.push(fn);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    const chunks = this.raw[Symbol.asyncIterator]();
    try {
      for (;;) {
        // Only the wait for the next chunk is timed, not the consumer's work between chunks.
        const timer = setTimeout(() => this.raw.cancel(new DeadlineExceeded(this.idleTimeoutMs, 'between chunks')), this.idleTimeoutMs);
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } finally {
          clearTimeout(timer);
        }
        if (next.done) return;
        yield next.value;
      }
    } catch (error) {
      throw this.translate(error);
    } finally {
      // Reached on end, on error, and when the consumer stops early (break / return).
      this.destroy();
    }
  }

  /** Stops reading: frees the socket and what the request held. Safe to call more than once. */
  destroy(): void {
    this.raw.cancel();
    this.close();
  }

  /** Cancels the body with a reason: a read in progress fails with it (the caller's abort). */
  cancel(reason: unknown): void {
    this.raw.cancel(reason);
  }

  private translate(error: unknown): unknown {
    let out = error;
    for (const map of this.mappers) out = map(out);
    return out;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const fn of this.closers.splice(0)) {
      try {
        fn();
      } catch {
        /* a release never fails a read */
      }
    }
  }
}
