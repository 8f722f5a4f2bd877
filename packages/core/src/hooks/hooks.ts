import type { ConnectorError } from '../errors/connector-error.js';
import type { HeaderMap } from '../http/headers.js';
import type { Clock } from '../time/clock.js';

/** The state every hook receives (one object, as ky does). URL and headers never contain credentials. */
export interface AttemptState {
  requestId: string;
  operation: string | undefined;
  method: string;
  /** The URL without credentials (auth is applied after hooks). */
  url: string;
  /** Request headers; `beforeRequest` may change them. */
  headers: Record<string, string>;
  attempt: number;
  response?: { status: number; headers: HeaderMap; durationMs: number };
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
  beforeRequest?: Hook[];
  afterResponse?: Hook[];
  onError?: Hook[];
  onRetry?: Hook[];
}

export async function runHooks(hooks: Hook[] | undefined, state: AttemptState): Promise<void> {
  if (!hooks) return;
  for (const hook of hooks) await hook(state);
}
