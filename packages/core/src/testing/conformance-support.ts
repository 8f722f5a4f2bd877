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
  /** Closes the connector; the kit calls it after each rule. */
  disconnect(): Promise<void>;
  /** Subscribes to core's events (the kit records `request`, `response`, `retry` and `error`); returns the disposer. */
  on<E extends EventName>(event: E, listener: (payload: ConnectorEvents[E]) => void): () => void;
}

/**
 * What a connector hands the conformance kit (`describeConformance`, `runConformance`): how to build it against the
 * mock server, one read that succeeds, its secret, its pagination, its metadata and a sample invocation of each
 * declared operation.
 */
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
  /** Runs the operation once against the mocks (a stream or paginated list read to the end). */
  invoke: (connector: C, options: { signal?: AbortSignal }) => Promise<unknown>;
}

/**
 * A rule's outcome: `passed`, `failed`, or `not-applicable` (declared so in the metadata, or the connector lacks what
 * the rule tests).
 */
export type RuleStatus = 'passed' | 'failed' | 'not-applicable';

/** One rule's outcome for a connector (or one of its operations). */
export interface RuleResult {
  /** The rule's id (`retry-after`, `no-retry-4xx`…), as `notApplicable` declarations name it. */
  id: string;
  /** What the rule checks, in a sentence. */
  title: string;
  /** Its outcome. */
  status: RuleStatus;
  /** Why it failed or does not apply. */
  reason?: string;
  /** The declared operation the rule ran against (per-operation rules only). */
  operation?: string;
}

/** The outcome of the whole suite for one connector. */
export interface ConformanceReport {
  /** The connector's registry name. */
  connector: string;
  /** One result per case (rule, or rule × operation). */
  results: RuleResult[];
  /** Cases passed. */
  passed: number;
  /** Cases failed. */
  failed: number;
  /** Cases passed or failed (not-applicable ones left out). */
  applicable: number;
  /** passed / applicable × 100, rounded down. */
  compliance: number;
}

export class RuleFailure extends Error {}
export class NotApplicable extends Error {}

export function check(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new RuleFailure(reason);
}

/**
 * What a rule receives: the mock server, a fake clock, a connector built against them, the subject, and what the
 * connector emitted and logged.
 */
export interface RuleContext<C extends ConformanceConnector> {
  /** The mock server serving the subject's handlers (reset before each rule). */
  server: MockServer;
  /** The fake clock the connector runs on: rules advance it to pass waits. */
  clock: FakeClock;
  /** A connector built with `subject.create` (rate limiting off, jitter fixed). */
  connector: C;
  /** The subject under test. */
  subject: ConformanceSubject<C>;
  /** Every `retry` event the connectors emitted. */
  retries: Array<ConnectorEvents['retry']>;
  /** Every `request`, `response`, `retry` and `error` event, in order. */
  events: unknown[];
  /** Every log line (`{ level, obj, msg }`), in order. */
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

