import { WebhookTimestampError } from '../errors/webhook-errors.js';

/** What `checkTimestamp` compares. */
export interface TimestampCheck {
  /** The signed timestamp, epoch milliseconds (undefined when the header was missing or unparsable). */
  timestampMs: number | undefined;
  /** The receiver's clock, epoch milliseconds. */
  now: number;
  /** How far the timestamp may be from `now`, in either direction. */
  toleranceMs: number;
  /** The header the timestamp came from, for the message. */
  header: string;
  /** The API, for the error's `source`. */
  source: string;
}

/**
 * Refuses a timestamp older than `toleranceMs` (a captured delivery replayed later) or further than `toleranceMs`
 * in the future (a sender or receiver clock far off). Only meaningful for a timestamp the signature covers.
 */
export function checkTimestamp({ timestampMs, now, toleranceMs, header, source }: TimestampCheck): void {
  if (timestampMs === undefined || !Number.isFinite(timestampMs)) {
    throw new WebhookTimestampError({ message: `The ${header} header is missing or not a number.`, source, details: { reason: timestampMs === undefined ? 'missing' : 'malformed', header } });
  }
  const skewMs = now - timestampMs;
  if (Math.abs(skewMs) <= toleranceMs) return;
  const reason = skewMs > 0 ? 'stale' : 'future';
  const message =
    reason === 'stale'
      ? `The delivery was signed ${Math.round(skewMs / 1000)} s ago, more than the ${toleranceMs / 1000} s tolerance (${header}): a replay, or a retry signed long ago.`
      : `The delivery's ${header} is ${Math.round(-skewMs / 1000)} s in the future, more than the ${toleranceMs / 1000} s tolerance: check the server clock.`;
  throw new WebhookTimestampError({ message, source, details: { reason, header, skewMs, toleranceMs } });
}
