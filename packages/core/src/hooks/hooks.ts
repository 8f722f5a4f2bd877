import type { ConnectorError } from '../errors/connector-error.js';
import type { HeaderMap } from '../http/headers.js';
import type { Clock } from '../time/clock.js';

/** The state every hook receives (one object, as ky does). URL and headers never contain credentials. */
export interface AttemptState {
  /** The operation's correlation id (the same for all its attempts). */
  requestId: string;
  /** The operation's name (e.g. `contacts.list`), when the connector gave one. */
  operation: string | undefined;
  /** The request method. */
  method: string;
  /** The URL without credentials (auth is applied after hooks). */
  url: string;
  /** Request headers; `beforeRequest` may change them. */
  headers: Record<string, string>;
  /** The attempt number, from 1. */
  attempt: number;
  /** `afterResponse`: the response's status, headers (lower-cased) and the attempt's duration (ms). */
  response?: { status: number; headers: HeaderMap; durationMs: number };
  /** `onError` and `onRetry`: the attempt's error, already redacted. */
  error?: ConnectorError;
  /** `onRetry`: the wait before the next attempt. */
  delayMs?: number;
  /** The client's clock (a FakeClock in tests). */
  clock: Clock;
}

/** One hook: receives the attempt's state; may be async (it is awaited). */
export type Hook = (state: AttemptState) => void | Promise<void>;

/** Hooks run per attempt, in array order, awaited one after another. */
export interface Hooks {
  /** Before each attempt is sent (may change `headers`). */
  beforeRequest?: Hook[];
  /** After each attempt's response, whatever its status. */
  afterResponse?: Hook[];
  /** After each failed attempt, retried or not. */
  onError?: Hook[];
  /** Before waiting `delayMs` for the next attempt. */
  onRetry?: Hook[];
}

/** Runs hooks one after another, awaiting each; a hook that throws fails the attempt. */
export async function runHooks(hooks: Hook[] | undefined, state: AttemptState): Promise<void> {
  if (!hooks) return;
  for (const hook of hooks) await hook(state);
}
