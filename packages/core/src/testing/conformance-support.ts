/** Types and assertion helpers shared by the conformance rules and their runner. */
import type { RequestHandler } from 'msw';
import type { CoreOptions } from '../connector/connector-options.js';
import type { ConnectorEvents, EventName } from '../hooks/events.js';
import type { ConnectorMetadata } from '../metadata/connector-metadata.js';
import { isConnectorError } from '../errors/guards.js';
import { type FakeClock } from '../time/fake-clock.js';
import type { MockServer } from './mock-server.js';

/** What the suite needs of a connector: built on core, it has all of this already. */
export interface ConformanceConnector {
  disconnect(): Promise<void>;
  on<E extends EventName>(event: E, listener: (payload: ConnectorEvents[E]) => void): () => void;
}

export interface ConformanceSubject<C extends ConformanceConnector> {
  /** The connector's registry name. */
  name: string;
  /** The connector's own MSW handlers (its `/mocks`), serving the happy path. */
  handlers: RequestHandler[];
  /** Builds the connector against the mock server. Pass `overrides` through to core unchanged. */
  create: (ctx: { serverUrl: string; overrides: CoreOptions }) => C;
  /** One idempotent read that succeeds against `handlers`. */
  call: (connector: C, options: { signal?: AbortSignal }) => Promise<unknown>;
  /** A credential configured in `create`: it must reach the server and never appear in errors, events or logs. */
  secret?: string;
  /** A paginated read, and handlers that make the API return the same cursor forever. */
  pagination?: { call: (connector: C) => Promise<unknown>; cycleHandlers: RequestHandler[] };
  /**
   * The connector's metadata record: its declared operations, limit model and credential drive the
   * per-operation rules. Without it those rules fail, saying what to declare.
   */
  metadata?: ConnectorMetadata;
  /** A sample invocation of every declared operation against the mocks (streams and pages read to the end). */
  operations?: ReadonlyArray<ConformanceOperation<C>>;
}

/** How the kit runs one declared operation. */
export interface ConformanceOperation<C> {
  /** As declared in `metadata.operations[].name`. */
  name: string;
  invoke: (connector: C, options: { signal?: AbortSignal }) => Promise<unknown>;
}

export type RuleStatus = 'passed' | 'failed' | 'not-applicable';

export interface RuleResult {
  id: string;
  title: string;
  status: RuleStatus;
  reason?: string;
  /** The declared operation the rule ran against (per-operation rules only). */
  operation?: string;
}

export interface ConformanceReport {
  connector: string;
  results: RuleResult[];
  passed: number;
  failed: number;
  applicable: number;
  /** passed / applicable × 100, rounded down. */
  compliance: number;
}

export class RuleFailure extends Error {}
export class NotApplicable extends Error {}

export function check(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new RuleFailure(reason);
}

export interface RuleContext<C extends ConformanceConnector> {
  server: MockServer;
  clock: FakeClock;
  connector: C;
  subject: ConformanceSubject<C>;
  retries: Array<ConnectorEvents['retry']>;
  events: unknown[];
  logs: unknown[];
  /** Builds another connector with extra core overrides (e.g. a short timeout). */
  make: (extra?: CoreOptions) => C;
}

export async function expectError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new RuleFailure('the call resolved, but it should have thrown (an HTTP error resolved as data?)');
}

export function describeError(error: unknown): string {
  if (isConnectorError(error)) return `${error.code} (${error.message})`;
  return `a non-connector error: ${String(error)}`;
}

export const requestIdOf = (server: MockServer, index: number): string | undefined => server.requests[index]?.headers['x-request-id'];

