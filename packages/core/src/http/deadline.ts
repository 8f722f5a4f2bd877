import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { untilAborted } from '../time/until-aborted.js';
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

/**
 * One attempt's deadline: a signal that aborts when `timeoutMs` passes (reason `DeadlineExceeded`) or when the
 * caller's signal aborts (its reason). One controller and one timer per attempt, no `AbortSignal.any`.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** Stops the timer (the caller's signal still aborts `signal`: a stream stays cancellable). */
  stopTimer(): void;
  /** Stops the timer and forgets the caller's signal. */
  dispose(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(timeoutMs)), timeoutMs);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timeoutMs,
    stopTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/**
 * Sends through the transport, but settles no later than `signal` aborts, wherever the request waits (a
 * request queued in a connection pool may ignore its signal). A response that arrives after the abort is
 * discarded so its socket is freed.
 */
export function sendWithin(transport: Transport, request: TransportRequest, signal: AbortSignal): Promise<TransportResponse> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return untilAborted(transport.send(request), signal, (late) => discardBody(late.body));
}
