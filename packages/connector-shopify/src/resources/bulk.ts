import {
  AuthError,
  CancelledError,
  InvalidRequestError,
  isConnectorError,
  ServerError,
  TimeoutError,
  validateInput,
  ValidationError,
  type CallOptions,
  type ConnectorError,
} from '@cf/core';
import { backoffDelay } from '@cf/core/internal';
import { z } from 'zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema, requireGid } from '../gid.js';
import { GraphqlSyntaxError, parseDocument } from '../graphql-document.js';
import { jsonLines, nestByParentId, type BulkRecord } from '../jsonl.js';
import { dateTime, unsignedInt64 } from '../schemas.js';
import { USER_ERRORS, USER_ERRORS_WITH_CODE, userErrorsField } from './mutations.js';

export const BULK_STATUSES = ['CREATED', 'RUNNING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED', 'EXPIRED'] as const;
export type BulkOperationStatus = (typeof BULK_STATUSES)[number];

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/BulkOperation */
export const bulkOperationSchema = z.looseObject({
  id: gidSchema('BulkOperation'),
  status: z.enum(BULK_STATUSES),
  errorCode: z.string().nullable(),
  createdAt: dateTime,
  completedAt: dateTime.nullable(),
  objectCount: unsignedInt64,
  rootObjectCount: unsignedInt64,
  fileSize: unsignedInt64.nullable(),
  url: z.string().nullable(),
  partialDataUrl: z.string().nullable(),
});
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

const FIELDS = 'id status errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl';

const RUN_QUERY =
  'mutation BulkOperationRunQuery($query: String!) {\n' +
  `  bulkOperationRunQuery(query: $query) { bulkOperation { ${FIELDS} } ${USER_ERRORS_WITH_CODE} }\n}`;
const STATUS_QUERY = `query BulkOperationStatus($id: ID!) {\n  node(id: $id) { ... on BulkOperation { ${FIELDS} } }\n}`;
const CURRENT_QUERY = `query CurrentBulkOperation {\n  currentBulkOperation(type: QUERY) { ${FIELDS} }\n}`;
const CANCEL_MUTATION = `mutation BulkOperationCancel($id: ID!) {\n  bulkOperationCancel(id: $id) { bulkOperation { ${FIELDS} } ${USER_ERRORS} }\n}`;

export interface BulkWaitOptions {
  /** First wait between status polls. @default 1000 */
  pollIntervalMs?: number | undefined;
  /** Polls slow down by 1.5× up to this. @default 30000 */
  maxPollIntervalMs?: number | undefined;
  /** Give up waiting (the operation keeps running on Shopify) after this long. @default 86400000 (24 h) */
  maxWaitMs?: number | undefined;
  /** Called with each polled status (progress displays). */
  onStatus?: ((operation: BulkOperation) => void) | undefined;
}

export interface BulkDownloadOptions {
  /** Put each record with a `__parentId` into its parent's `__children` and yield only roots. @default false */
  nest?: boolean | undefined;
}

export interface BulkRunOptions extends BulkWaitOptions, BulkDownloadOptions {
  /** Cancel the operation on Shopify when `signal` aborts while it runs. @default true */
  cancelOnAbort?: boolean | undefined;
}

const waitOptionsShape = {
  pollIntervalMs: z.number().int().min(1).max(600_000).optional(),
  maxPollIntervalMs: z.number().int().min(1).max(3_600_000).optional(),
  maxWaitMs: z.number().int().positive().optional(),
  onStatus: z.custom<(operation: BulkOperation) => void>((v) => typeof v === 'function', 'must be a function').optional(),
};
const runOptionsSchema = z.object({ ...waitOptionsShape, nest: z.boolean().optional(), cancelOnAbort: z.boolean().optional() }).strict();

function validateBulkQuery(query: unknown): string {
  const text = validateInput(z.string({ error: 'must be a GraphQL query string' }).trim().min(1, 'is required'), query, 'Invalid bulk query');
  try {
    const doc = parseDocument(text);
    if (doc.operations.some((op) => op.operation !== 'query')) throw new GraphqlSyntaxError('a bulk operation runs a query, not a mutation', 0);
  } catch (cause) {
    const message = cause instanceof GraphqlSyntaxError ? cause.message : String(cause);
    throw new ValidationError({ message: `The bulk query is not a valid GraphQL query: ${message}`, issues: [{ path: 'query', message }], cause });
  }
  return text;
}

/**
 * Bulk operations: run a query over a whole shop in the background and stream its JSONL result.
 * One bulk query runs at a time per app and shop; `run()` refuses a second one from this client before
 * the network, and maps Shopify's OPERATION_IN_PROGRESS (another process) to the same error.
 */
export class Bulk {
  private active: { token: symbol; id: string | undefined } | undefined;

  constructor(private readonly ctx: ShopifyContext) {}

  /**
   * Starts `bulkOperationRunQuery`, waits (polling with backoff on the connector's clock) until it is
   * COMPLETED, then streams the result line by line. FAILED, CANCELED and EXPIRED are typed errors.
   */
  run(query: string, options: BulkRunOptions = {}, call: CallOptions = {}): AsyncGenerator<BulkRecord, void, undefined> {
    const text = validateBulkQuery(query);
    const opts = validateInput(runOptionsSchema, options, 'Invalid bulk.run options');
    this.refuseIfRunning();
    return this.runGenerator(text, opts, call);
  }

  private refuseIfRunning(): void {
    if (!this.active) return;
    throw new InvalidRequestError({
      message:
        `A bulk query is already running from this client${this.active.id ? ` (${this.active.id})` : ''}: Shopify runs one bulk query per app and shop at a time. ` +
        'Wait for it to finish, or call bulk.cancel() first.',
      source: 'shopify',
      details: { reason: 'bulk_operation_in_progress', ...(this.active.id ? { bulkOperationId: this.active.id } : {}) },
    });
  }

  private async *runGenerator(query: string, opts: z.output<typeof runOptionsSchema>, call: CallOptions): AsyncGenerator<BulkRecord, void, undefined> {
    this.refuseIfRunning();
    const token = Symbol('bulk run');
    this.active = { token, id: undefined };
    let done: BulkOperation;
    try {
      const started = await this.start(query, call);
      this.active.id = started.id;
      try {
        const { nest: _nest, cancelOnAbort: _cancel, ...waitOptions } = opts;
        done = await this.wait(started.id, waitOptions, call);
      } catch (error) {
        if (call.signal?.aborted && opts.cancelOnAbort !== false) await this.cancel(started.id).catch(() => undefined);
        throw error;
      }
    } finally {
      // The operation is over on Shopify (or never started): another may start while this one downloads.
      if (this.active?.token === token) this.active = undefined;
    }
    if (done.url === null) return;
    yield* this.download(done.url, opts, call);
  }

  /** `bulkOperationRunQuery`: starts the operation and returns it (status CREATED). */
  async start(query: string, call: CallOptions = {}): Promise<BulkOperation> {
    const text = validateBulkQuery(query);
    const schema = z.looseObject({ bulkOperationRunQuery: z.looseObject({ bulkOperation: bulkOperationSchema.nullable(), ...userErrorsField }) });
    const { data } = await this.ctx.executor.execute(RUN_QUERY, { query: text }, { ...call, schema, operation: 'bulk.start' });
    const operation = data.bulkOperationRunQuery.bulkOperation;
    if (!operation) throw new ServerError({ message: 'bulkOperationRunQuery returned no operation and no user errors.', retryable: false, source: 'shopify' });
    return operation;
  }

  /** The operation's current state (`node(id:)`). */
  async status(id: string | number, call: CallOptions = {}): Promise<BulkOperation> {
    const gid = requireGid('BulkOperation', id);
    const schema = z.looseObject({ node: bulkOperationSchema.nullable() });
    const { data } = await this.ctx.executor.execute(STATUS_QUERY, { id: gid }, { ...call, schema, operation: 'bulk.status' });
    if (!data.node) throw new InvalidRequestError({ message: `No bulk operation ${gid} for this app and shop.`, source: 'shopify', details: { bulkOperationId: gid } });
    return data.node;
  }

  /** The app's current (latest) bulk query operation, or null when it never ran one. */
  async current(call: CallOptions = {}): Promise<BulkOperation | null> {
    const schema = z.looseObject({ currentBulkOperation: bulkOperationSchema.nullable() });
    const { data } = await this.ctx.executor.execute(CURRENT_QUERY, undefined, { ...call, schema, operation: 'bulk.current' });
    return data.currentBulkOperation;
  }

  /** `bulkOperationCancel`: cancels the given operation, or the one running now. Returns it (status CANCELING). */
  async cancel(id?: string | number, call: CallOptions = {}): Promise<BulkOperation> {
    let gid: string;
    if (id !== undefined) gid = requireGid('BulkOperation', id);
    else {
      const running = this.active?.id ?? (await this.current(call))?.id;
      if (!running) throw new InvalidRequestError({ message: 'There is no bulk operation to cancel.', source: 'shopify' });
      gid = running;
    }
    const schema = z.looseObject({ bulkOperationCancel: z.looseObject({ bulkOperation: bulkOperationSchema.nullable(), ...userErrorsField }) });
    const { data } = await this.ctx.executor.execute(CANCEL_MUTATION, { id: gid }, { ...call, schema, operation: 'bulk.cancel' });
    const operation = data.bulkOperationCancel.bulkOperation;
    if (!operation) throw new InvalidRequestError({ message: `Shopify did not cancel ${gid}.`, source: 'shopify' });
    return operation;
  }

  /** Polls until the operation ends; resolves on COMPLETED, throws a typed error on FAILED, CANCELED or EXPIRED. */
  async wait(id: string | number, options: BulkWaitOptions = {}, call: CallOptions = {}): Promise<BulkOperation> {
    const gid = requireGid('BulkOperation', id);
    const opts = validateInput(z.object(waitOptionsShape).strict(), options, 'Invalid bulk.wait options');
    const clock = this.ctx.http().clock;
    const started = clock.now();
    const backoff = { initialDelayMs: opts.pollIntervalMs ?? 1000, factor: 1.5, maxDelayMs: opts.maxPollIntervalMs ?? 30_000, jitterMin: 1 };
    const maxWaitMs = opts.maxWaitMs ?? 86_400_000;
    for (let poll = 1; ; poll += 1) {
      const operation = await this.status(gid, call);
      opts.onStatus?.(operation);
      if (operation.status === 'COMPLETED') return operation;
      const failure = terminalError(operation);
      if (failure) throw failure;
      const delay = backoffDelay(poll, backoff);
      if (clock.now() - started + delay > maxWaitMs) {
        throw new TimeoutError({
          message: `Bulk operation ${gid} is still ${operation.status} after ${Math.round((clock.now() - started) / 1000)} s (maxWaitMs); it keeps running on Shopify: call bulk.wait('${gid}') again later.`,
          retryable: false,
          source: 'shopify',
          details: { bulkOperationId: gid, status: operation.status },
        });
      }
      try {
        await clock.sleep(delay, call.signal);
      } catch (cause) {
        if (isConnectorError(cause)) throw cause;
        throw new CancelledError({ message: 'Waiting for the bulk operation was cancelled by the caller.', cause, source: 'shopify', details: { bulkOperationId: gid } });
      }
    }
  }

  /**
   * Streams a result file (JSONL) record by record: the body is read as the records are consumed, never
   * held whole. The URL is on Shopify's storage host, so core sends it no credentials.
   */
  async *download(url: string, options: BulkDownloadOptions = {}, call: CallOptions = {}): AsyncGenerator<BulkRecord, void, undefined> {
    validateInput(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), url, 'Invalid bulk result url');
    const { nest } = validateInput(z.object({ nest: z.boolean().optional() }).passthrough(), options, 'Invalid bulk.download options');
    const response = await this.ctx.http().stream({ ...call, url, method: 'GET', rateLimiter: false, operation: 'bulk.download' });
    try {
      const records = jsonLines(response.body);
      yield* nest ? nestByParentId(records) : records;
    } finally {
      response.body.destroy?.();
    }
  }
}

function terminalError(op: BulkOperation): ConnectorError | undefined {
  const details = { bulkOperationId: op.id, status: op.status, errorCode: op.errorCode, partialDataUrl: op.partialDataUrl };
  switch (op.status) {
    case 'FAILED':
      if (op.errorCode === 'ACCESS_DENIED') {
        return new AuthError({ message: `Bulk operation ${op.id} failed: ACCESS_DENIED. Run the query as a normal call to see which scope is missing.`, source: 'shopify', details });
      }
      if (op.errorCode === 'TIMEOUT') {
        return new TimeoutError({ message: `Bulk operation ${op.id} failed: the query timed out on Shopify. Select fewer fields and run it again.`, retryable: false, source: 'shopify', details });
      }
      return new ServerError({
        message: `Bulk operation ${op.id} failed (${op.errorCode ?? 'no error code'}). Shopify says these may be intermittent: run it again.${op.partialDataUrl ? ' Partial data is at partialDataUrl.' : ''}`,
        retryable: false,
        source: 'shopify',
        details,
      });
    case 'CANCELED':
      return new CancelledError({ message: `Bulk operation ${op.id} was cancelled.`, source: 'shopify', details });
    case 'EXPIRED':
      return new InvalidRequestError({ message: `Bulk operation ${op.id} expired before it completed; start it again.`, source: 'shopify', details: { ...details, reason: 'bulk_expired' } });
    default:
      return undefined;
  }
}
