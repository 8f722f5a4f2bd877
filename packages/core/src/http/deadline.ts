import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { discardBody } from './read-body.js';

/** The reason a deadline aborts with, so a timeout is told apart from the caller's abort. */
export class DeadlineExceeded extends Error {
  constructor(
    readonly timeoutMs: number,
    phase: 'response' | 'between chunks' = 'response',
  ) {
    super(phase === 'response' ? `No complete response within ${timeoutMs} ms (timeoutMs).` : `No data for ${timeoutMs} ms between chunks of a stream (timeoutMs).`);
  }
}

/** Something that can abort, told by callback: a deadline, or an `AbortSignal` through `abortSource`. */
export interface AbortSource {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Calls `listener` once with the reason when it aborts (at once if it has); returns a function that removes it. */
  onAbort(listener: (reason: unknown) => void): () => void;
}

const NOOP = (): void => undefined;

/**
 * One attempt's deadline: aborts when `timeoutMs` passes (reason `DeadlineExceeded`) or when the caller's signal
 * aborts (its reason). One timer per attempt; listeners are plain callbacks. An `AbortSignal` (an
 * `AbortController` and its listeners cost more than the rest of a request's bookkeeping) is built only when
 * something asks for `signal`: a custom transport, `fetch`, an auth provider's token request.
 */
export class Deadline implements AbortSource {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners: Array<(reason: unknown) => void> | undefined;
  private abortedWith: { reason: unknown } | undefined;
  private controller: AbortController | undefined;
  private readonly onCallerAbort: (() => void) | undefined;

  constructor(
    readonly timeoutMs: number,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => this.abort(new DeadlineExceeded(timeoutMs)), timeoutMs);
    if (callerSignal) {
      this.onCallerAbort = () => this.abort(callerSignal.reason);
      if (callerSignal.aborted) this.onCallerAbort();
      else callerSignal.addEventListener('abort', this.onCallerAbort, { once: true });
    }
  }

  get aborted(): boolean {
    return this.abortedWith !== undefined;
  }

  get reason(): unknown {
    return this.abortedWith?.reason;
  }

  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.abortedWith) {
      listener(this.abortedWith.reason);
      return NOOP;
    }
    (this.listeners ??= []).push(listener);
    return () => {
      const index = this.listeners?.indexOf(listener) ?? -1;
      if (index >= 0) this.listeners?.splice(index, 1);
    };
  }

  /** An `AbortSignal` that aborts with this deadline, built on first use. */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = (this.controller = new AbortController());
      this.onAbort((reason) => controller.abort(reason));
    }
    return this.controller.signal;
  }

  /** Stops the timer (the caller's signal still aborts: a stream stays cancellable). */
  stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops the timer and forgets the caller's signal. */
  dispose(): void {
    this.stopTimer();
    if (this.onCallerAbort) this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private abort(reason: unknown): void {
    if (this.abortedWith) return;
    this.abortedWith = { reason };
    this.stopTimer();
    const listeners = this.listeners ?? [];
    this.listeners = undefined;
    for (const listener of listeners) listener(reason);
  }
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  return new Deadline(timeoutMs, callerSignal);
}

/** A transport request under a deadline: its `signal` is built only if the transport reads it. */
class RequestUnderDeadline implements TransportRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  readonly timeoutMs: number;

  constructor(
    private readonly deadline: Deadline,
    request: Omit<TransportRequest, 'signal' | 'onAbort' | 'timeoutMs'>,
  ) {
    this.url = request.url;
    this.method = request.method;
    this.headers = request.headers;
    this.body = request.body;
    this.timeoutMs = deadline.timeoutMs;
  }

  get signal(): AbortSignal {
    return this.deadline.signal;
  }

  onAbort(listener: (reason: unknown) => void): () => void {
    return this.deadline.onAbort(listener);
  }
}

/** The transport request of an attempt under `deadline`: `signal` is built only if the transport reads it. */
export function requestUnder(deadline: Deadline, request: Omit<TransportRequest, 'signal' | 'onAbort' | 'timeoutMs'>): TransportRequest {
  return new RequestUnderDeadline(deadline, request);
}

/**
 * Sends through the transport, but settles no later than `deadline` aborts, wherever the request waits (a
 * request queued in a connection pool may ignore its abort). A response that arrives after the abort is
 * discarded so its socket is freed.
 */
export function sendWithin(transport: Transport, request: TransportRequest, deadline: AbortSource): Promise<TransportResponse> {
  if (deadline.aborted) return Promise.reject(deadline.reason);
  return new Promise<TransportResponse>((resolve, reject) => {
    const stop = deadline.onAbort((reason) => reject(reason));
    transport.send(request).then(
      (response) => {
        stop();
        if (deadline.aborted) discardBody(response.body);
        else resolve(response);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
