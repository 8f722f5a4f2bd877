import type { CoreOptions } from '../connector/connector-options.js';
import { isConnectorError } from '../errors/guards.js';
import { DEFAULT_RETRY } from '../policies/retry-policy.js';
import type { OperationDeclaration } from '../metadata/connector-metadata.js';
import { check, describeError, NotApplicable, type ConformanceConnector, type ConformanceOperation, type RuleContext } from './conformance-support.js';
import { OPERATION_FAULTS, RATE_LIMIT_FAULTS, TRANSIENT_FAULTS, type FaultContext, type OperationFault } from './operation-faults.js';

/** The kit's settings for fault runs: a short deadline and a small body cap, so every fault is quick. */
export const FAULT_TIMEOUT_MS = 60;
const FAULT_STALL_MS = 400;
const FAULT_MAX_BODY = 64 * 1024;
/** How late a timeout may fire on a shared, noisy machine before the rule calls it broken. */
const TIMEOUT_TOLERANCE_MS = 1_000;

export interface OperationRuleContext<C extends ConformanceConnector> extends RuleContext<C> {
  operation: ConformanceOperation<C>;
  declaration: OperationDeclaration;
}

export interface OperationRule {
  id: string;
  title: string;
  run: (ctx: OperationRuleContext<ConformanceConnector>) => Promise<void>;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How an operation ended under a fault. */
interface FaultRun {
  outcome: 'resolved' | 'rejected';
  error: unknown;
  hits: number;
  elapsedMs: number;
  breakerOpened: boolean;
  /** When faults were answered, requests let through after them, and declared resets fell (the rule's clock). */
  log: FaultContext['log'];
}

/** Serves `fault` in front of the connector's handlers, runs the operation once, and says how it ended. */
async function underFault(
  ctx: OperationRuleContext<ConformanceConnector>,
  fault: OperationFault,
  options: { times?: number; methods?: ReadonlySet<string>; overrides?: CoreOptions } = {},
): Promise<FaultRun> {
  ctx.server.resetHandlers();
  const hits = { count: 0 };
  const log: FaultContext['log'] = { faultedAt: [], passedAt: [], resetAt: [] };
  const faultCtx: FaultContext = {
    base: ctx.subject.handlers,
    methods: options.methods,
    times: options.times ?? Number.POSITIVE_INFINITY,
    hits,
    limitModel: ctx.subject.metadata?.limitModel,
    oversizedBytes: FAULT_MAX_BODY * 2,
    stallMs: FAULT_STALL_MS,
    now: () => ctx.clock.now(),
    log,
  };
  ctx.server.use(fault.handler(faultCtx));
  const connector = ctx.make({ timeoutMs: FAULT_TIMEOUT_MS, maxResponseBytes: FAULT_MAX_BODY, ...options.overrides });
  let breakerOpened = false;
  connector.on('breakerStateChange', (change) => {
    if (change.to === 'open') breakerOpened = true;
  });
  const started = Date.now();
  try {
    await ctx.operation.invoke(connector, {});
    return { outcome: 'resolved', error: undefined, hits: hits.count, elapsedMs: Date.now() - started, breakerOpened, log };
  } catch (error) {
    return { outcome: 'rejected', error, hits: hits.count, elapsedMs: Date.now() - started, breakerOpened, log };
  } finally {
    await connector.disconnect();
  }
}

const once = { retry: { maxAttempts: 1 } } satisfies CoreOptions;

/** The rules run for every declared operation (the operation × rule matrix of `cf check`). */
export const OPERATION_RULES: readonly OperationRule[] = [
  {
    id: 'op-typed-errors',
    title: 'only ConnectorErrors escape, under every fault',
    async run(ctx) {
      // The timed faults (stall, drip) are op-timeouts' cases, which also require a typed TIMEOUT.
      for (const fault of OPERATION_FAULTS.filter((f) => !f.timed)) {
        // A stream is not capped by maxResponseBytes (it is read piece by piece): a big one may succeed.
        const mayResolve = fault.expect === 'reject-or-resolve' || (fault.id === 'oversized' && ctx.declaration.shape === 'stream');
        const run = await underFault(ctx, fault, { overrides: once });
        if (run.outcome === 'resolved') {
          check(mayResolve, `${fault.title}: the operation resolved (an error answered as data?)`);
          continue;
        }
        check(isConnectorError(run.error), `${fault.title}: a raw error escaped: ${describeError(run.error)}`);
      }
    },
  },
  {
    id: 'op-write-safety',
    title: 'a write that may have committed is sent once and says its outcome is unknown',
    async run(ctx) {
      if (ctx.declaration.kind !== 'write' || ctx.declaration.idempotent) throw new NotApplicable('not a non-idempotent write');
      for (const fault of OPERATION_FAULTS.filter((f) => f.moment === 'after' && f.expect === 'reject')) {
        // A generous deadline: on a busy machine the kit's short one could fire before the write is even read.
        const run = await underFault(ctx, fault, { methods: WRITE_METHODS, overrides: { timeoutMs: 5_000 } });
        check(run.hits >= 1, `${fault.title}: the operation sent no write request (POST/PUT/PATCH/DELETE)`);
        check(run.hits === 1, `${fault.title}: the write was sent ${run.hits} times; it may already have been applied`);
        check(run.outcome === 'rejected' && isConnectorError(run.error), `${fault.title}: expected a typed error, got ${run.outcome === 'resolved' ? 'a result' : describeError(run.error)}`);
        const error = run.error;
        check(error.writeOutcome === 'may-have-applied', `${fault.title}: writeOutcome is ${String(error.writeOutcome)}, not 'may-have-applied'`);
        check(!error.retryable, `${fault.title}: the error says retryable although the write may have been applied`);
      }
    },
  },
  {
    id: 'op-recovers',
    title: 'an idempotent operation recovers from a transient fault',
    async run(ctx) {
      if (ctx.declaration.kind === 'write' && !ctx.declaration.idempotent) throw new NotApplicable('a non-idempotent write is not resent after a fault that may have reached the API');
      for (const fault of TRANSIENT_FAULTS) {
        const run = await underFault(ctx, fault, { times: 1, overrides: { timeoutMs: 5_000 } });
        check(run.hits === 1, `${fault.title}: the fault was never met (hits ${run.hits})`);
        check(run.outcome === 'resolved', `${fault.title}: the operation failed instead of retrying: ${describeError(run.error)}`);
      }
    },
  },
  {
    id: 'op-rate-limits',
    title: "429s and the API's own rate-limit answer are waited out, never counted by the breaker",
    async run(ctx) {
      const model = ctx.subject.metadata?.limitModel;
      for (const fault of RATE_LIMIT_FAULTS) {
        check(model !== undefined || fault.id !== 'declared-rate-limit', 'declare metadata.limitModel.rateLimitedAnswer so the kit can answer like the API');
        // A breaker that opens at the first counted failure: a rate limit counted as one would fail the retry.
        const run = await underFault(ctx, fault, { times: 1, overrides: { timeoutMs: 5_000, circuitBreaker: { failureThreshold: 1 } } });
        check(run.hits === 1, `${fault.title}: the fault was never met`);
        check(!run.breakerOpened, `${fault.title}: the circuit breaker counted a rate limit as a failure`);
        const longWait = fault.id === 'declared-rate-limit' ? model?.rateLimitedAnswer.waitMs : undefined;
        if (longWait !== undefined && longWait > DEFAULT_RETRY.maxRetryAfterMs) {
          // The API means "not for a long while": waiting would hold the caller; retrying would extend the block.
          check(run.outcome === 'rejected' && isConnectorError(run.error), `${fault.title}: expected a typed error at once, got ${run.outcome === 'resolved' ? 'a result' : describeError(run.error)}`);
          const error = run.error;
          check(error.code === 'RATE_LIMIT' && !error.retryable, `${fault.title}: expected a non-retryable RATE_LIMIT, got ${describeError(error)} (retryable ${String(error.retryable)})`);
          check((error.retryAfterMs ?? 0) >= longWait, `${fault.title}: retryAfterMs ${String(error.retryAfterMs)} is shorter than the declared wait (${longWait} ms)`);
          continue;
        }
        check(run.outcome === 'resolved', `${fault.title}: the operation failed instead of waiting: ${describeError(run.error)}`);
        const resetAt = run.log.resetAt[0];
        const retriedAt = run.log.passedAt[0];
        if (resetAt !== undefined && retriedAt !== undefined) {
          // The API refuses until its reset: a retry before it is another refusal (and, on some APIs, a longer block).
          const header = model?.rateLimitedAnswer.resetHeader?.name ?? '';
          check(retriedAt >= resetAt, `${fault.title}: retried ${resetAt - retriedAt} ms before the reset its ${header} header named (read it with retryAfterHeaders)`);
        }
      }
    },
  },
  {
    id: 'op-timeouts',
    title: 'a stall or a dripping body fails with TIMEOUT within tolerance of timeoutMs',
    async run(ctx) {
      for (const fault of OPERATION_FAULTS.filter((f) => f.timed)) {
        const run = await underFault(ctx, fault, { overrides: once });
        check(run.outcome === 'rejected' && isConnectorError(run.error) && run.error.code === 'TIMEOUT', `${fault.title}: gave ${run.outcome === 'resolved' ? 'a result' : describeError(run.error)}`);
        check(run.elapsedMs >= FAULT_TIMEOUT_MS - 5, `${fault.title}: TIMEOUT after ${run.elapsedMs} ms, before timeoutMs (${FAULT_TIMEOUT_MS} ms)`);
        check(run.elapsedMs <= FAULT_TIMEOUT_MS + TIMEOUT_TOLERANCE_MS, `${fault.title}: TIMEOUT after ${run.elapsedMs} ms, far past timeoutMs (${FAULT_TIMEOUT_MS} ms)`);
      }
    },
  },
  {
    id: 'op-secrets',
    title: 'no secret in any error, cause, event or log line, under every fault',
    async run(ctx) {
      const secret = ctx.subject.secret;
      if (!secret) throw new NotApplicable('the connector has no credentials');
      const seen: unknown[] = [];
      for (const fault of [...OPERATION_FAULTS.filter((f) => !f.timed), ...RATE_LIMIT_FAULTS]) {
        const run = await underFault(ctx, fault, { overrides: once });
        seen.push(run.error);
      }
      const everything = JSON.stringify({ errors: seen.map(flatten), events: ctx.events, logs: ctx.logs });
      check(!everything.includes(secret) && !everything.includes(encodeURIComponent(secret)), 'the secret appears in an error, a cause, an event or a log line');
    },
  },
];

/** An error with its message, stack, details, body and every cause, as text a log aggregator would keep. */
function flatten(error: unknown): unknown {
  const out: unknown[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth += 1) {
    out.push(e.message, e.stack, (e as { details?: unknown }).details, (e as { body?: unknown }).body);
  }
  return out;
}
