import {
  CancelledError,
  ClientClosedError,
  InvalidRequestError,
  isConnectorError,
  ServerError,
  TimeoutError,
  validateInput,
  ValidationError,
  type CallOptions,
} from '@cf/core';
import { backoffDelay } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import { DEFAULT_MAX_RESUMES, resumableJsonl } from '../bulk-download.js';
import { terminalError } from '../bulk-terminal-error.js';
import type { ShopifyContext } from '../context.js';
import { gidSchema, requireGid } from '../gid.js';
import { GraphqlSyntaxError, parseDocument } from '../graphql-document.js';
import { nestByParentId, type BulkRecord } from '../jsonl.js';
import { dateTime, unsignedInt64 } from '../schemas.js';
import { USER_ERRORS, USER_ERRORS_WITH_CODE, userErrorsField } from './mutations.js';

/** The statuses of a bulk operation, as Shopify reports them; CREATED and RUNNING are still active. */
export const BULK_STATUSES = ['CREATED', 'RUNNING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED', 'EXPIRED'] as const;
/** One of `BULK_STATUSES`. */
export type BulkOperationStatus = (typeof BULK_STATUSES)[number];

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/BulkOperation */
export const bulkOperationSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('BulkOperation'),
  status: z.enum(BULK_STATUSES),
  errorCode: z.nullable(z.string()),
  createdAt: dateTime,
  completedAt: z.nullable(dateTime),
  objectCount: unsignedInt64,
  rootObjectCount: unsignedInt64,
  fileSize: z.nullable(unsignedInt64),
  url: z.nullable(z.string()),
  partialDataUrl: z.nullable(z.string()),
  /** The bulk query the operation runs (selected by `current()`). */
  query: z.optional(z.string()),
}));
/**
 * A bulk operation as Shopify reports it: `id`, `status`, `errorCode`, `createdAt`/`completedAt`, `objectCount` and
 * `rootObjectCount` (strings of digits), `fileSize`, and the result's `url` (or `partialDataUrl` after a failure),
 * null until completed.
 */
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

const FIELDS = 'id status errorCode createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl';

const RUN_QUERY =
  'mutation BulkOperationRunQuery($query: String!) {\n' +
  `  bulkOperationRunQuery(query: $query) { bulkOperation { ${FIELDS} } ${USER_ERRORS_WITH_CODE} }\n}`;
const STATUS_QUERY = `query BulkOperationStatus($id: ID!) {\n  node(id: $id) { ... on BulkOperation { ${FIELDS} } }\n}`;
const CURRENT_QUERY = `query CurrentBulkOperation {\n  currentBulkOperation(type: QUERY) { ${FIELDS} query }\n}`;
const ACTIVE: ReadonlySet<BulkOperationStatus> = new Set(['CREATED', 'RUNNING']);
const CANCEL_MUTATION = `mutation BulkOperationCancel($id: ID!) {\n  bulkOperationCancel(id: $id) { bulkOperation { ${FIELDS} } ${USER_ERRORS} }\n}`;

/** Options of `bulk.wait()`: how often to poll the operation's status, and for how long. */
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

/** Options of reading a bulk result: nesting children under their parents, and resuming cut downloads. */
export interface BulkDownloadOptions {
  /** Put each record with a `__parentId` into its parent's `__children` and yield only roots. @default false */
  nest?: boolean | undefined;
  /**
   * How often a download cut mid-body is resumed from the byte after the last complete line before it fails
   * with a typed error saying how far it got. @default 5
   */
  maxResumes?: number | undefined;
}

/** Options of `bulk.download(url)`: those of `run`'s download, and where in the file to start. */
export interface BulkFileOptions extends BulkDownloadOptions {
  /**
   * Start at this byte of the file, which must begin a line: the `details.bytesDelivered` of an interrupted
   * download, to read the rest (with `nest: false`: a child's parent may lie before it). @default 0
   */
  fromByte?: number | undefined;
}

/** Options of `bulk.run()`: those of waiting and of downloading, and whether an abort cancels the operation. */
export interface BulkRunOptions extends BulkWaitOptions, BulkDownloadOptions {
  /** Cancel the operation on Shopify when `signal` aborts while it runs. @default true */
  cancelOnAbort?: boolean | undefined;
}

// Shapes as functions: their schemas are built with the options schema that uses them, not on import.
const waitOptionsShape = () => ({
  pollIntervalMs: z.optional(z.int().check(z.gte(1), z.lte(600_000))),
  maxPollIntervalMs: z.optional(z.int().check(z.gte(1), z.lte(3_600_000))),
  maxWaitMs: z.optional(z.int().check(z.positive())),
  onStatus: z.optional(z.custom<(operation: BulkOperation) => void>((v) => typeof v === 'function', 'must be a function')),
});
const downloadOptionsShape = () => ({ nest: z.optional(z.boolean()), maxResumes: z.optional(z.int().check(z.gte(0), z.lte(100))) });
const waitOptionsSchema = z.lazySchema(() => z.strictObject(waitOptionsShape()));
const runOptionsSchema = z.lazySchema(() => z.strictObject({ ...waitOptionsShape(), ...downloadOptionsShape(), cancelOnAbort: z.optional(z.boolean()) }));
const downloadOptionsSchema = z.lazySchema(() => z.strictObject({ ...downloadOptionsShape(), fromByte: z.optional(z.int().check(z.gte(0))) }));

/** Bulk queries compare equal when they differ only in white space. */
const sameQuery = (a: string | undefined, b: string): boolean => a !== undefined && a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

function validateBulkQuery(query: unknown): string {
  const text = validateInput(z.string({ error: 'must be a GraphQL query string' }).check(z.trim(), z.minLength(1, 'is required')), query, 'Invalid bulk query');
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
  // `#private`: neither reachable by callers nor taken for resources by the conformance kit's walk.
  #active: { token: symbol; id: string | undefined } | undefined;
  readonly #ctx: ShopifyContext;

  constructor(ctx: ShopifyContext) {
    this.#ctx = ctx;
  }

  /**
   * Starts `bulkOperationRunQuery`, waits (polling with backoff on the connector's clock) until it is
   * COMPLETED, then streams the result line by line. FAILED, CANCELED and EXPIRED are typed errors.
   */
  run(query: string, options: BulkRunOptions = {}, call: CallOptions = {}): AsyncGenerator<BulkRecord, void, undefined> {
    const text = validateBulkQuery(query);
    const opts = validateInput(runOptionsSchema, options, 'Invalid bulk.run options');
    this.#refuseIfRunning();
    return this.#runGenerator(text, opts, call);
  }

  #refuseIfRunning(): void {
    if (!this.#active) return;
    throw new InvalidRequestError({
      message:
        `A bulk query is already running from this client${this.#active.id ? ` (${this.#active.id})` : ''}: Shopify runs one bulk query per app and shop at a time. ` +
        'Wait for it to finish, or call bulk.cancel() first.',
      source: 'shopify',
      details: { reason: 'bulk_operation_in_progress', ...(this.#active.id ? { bulkOperationId: this.#active.id } : {}) },
    });
  }

  async *#runGenerator(query: string, opts: z.output<typeof runOptionsSchema>, call: CallOptions): AsyncGenerator<BulkRecord, void, undefined> {
    this.#refuseIfRunning();
    const token = Symbol('bulk run');
    this.#active = { token, id: undefined };
    let done: BulkOperation;
    try {
      const started = await this.#startOrAdopt(query, call);
      this.#active.id = started.id;
      try {
        const { nest: _nest, cancelOnAbort: _cancel, maxResumes: _resumes, ...waitOptions } = opts;
        done = await this.wait(started.id, waitOptions, call);
      } catch (error) {
        if (call.signal?.aborted && opts.cancelOnAbort !== false) await this.cancel(started.id).catch(() => undefined);
        throw error;
      }
    } finally {
      // The operation is over on Shopify (or never started): another may start while this one downloads.
      if (this.#active?.token === token) this.#active = undefined;
    }
    if (done.url === null) return;
    yield* this.download(done.url, { nest: opts.nest, maxResumes: opts.maxResumes }, call);
  }

  /**
   * Starts the operation, or adopts the one this query already runs when the start's outcome is unknown (its
   * answer was lost after Shopify may have created it: a 5xx, a dropped connection, a timeout) or Shopify says a
   * bulk query is in progress. Adopting reads `currentBulkOperation`: the same query CREATED or RUNNING is taken as
   * this run's; after an unknown outcome with nothing running, the start is sent once more (a bulk query only
   * reads, so a second one costs time, never data). Another query in progress stays an error.
   */
  async #startOrAdopt(query: string, call: CallOptions): Promise<BulkOperation> {
    try {
      return await this.start(query, call);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      const unknownOutcome = error.writeOutcome === 'may-have-applied';
      const inProgress = error.details.reason === 'bulk_operation_in_progress';
      if (!unknownOutcome && !inProgress) throw error;
      let current: BulkOperation | null;
      try {
        current = await this.current(call);
      } catch {
        throw error;
      }
      if (current && ACTIVE.has(current.status) && sameQuery(current.query, query)) return current;
      if (inProgress) {
        if (current && ACTIVE.has(current.status)) error.details = { ...error.details, bulkOperationId: current.id };
        throw error;
      }
      return this.start(query, call);
    }
  }

  /** `bulkOperationRunQuery`: starts the operation and returns it (status CREATED). */
  async start(query: string, call: CallOptions = {}): Promise<BulkOperation> {
    const text = validateBulkQuery(query);
    const schema = z.looseObject({ bulkOperationRunQuery: z.looseObject({ bulkOperation: z.nullable(bulkOperationSchema), ...userErrorsField() }) });
    const { data } = await this.#ctx.executor.execute(RUN_QUERY, { query: text }, { ...call, schema, operation: 'bulk.start' });
    const operation = data.bulkOperationRunQuery.bulkOperation;
    if (!operation) throw new ServerError({ message: 'bulkOperationRunQuery returned no operation and no user errors.', retryable: false, source: 'shopify' });
    return operation;
  }

  /** The operation's current state (`node(id:)`). */
  async status(id: string | number, call: CallOptions = {}): Promise<BulkOperation> {
    const gid = requireGid('BulkOperation', id);
    const schema = z.looseObject({ node: z.nullable(bulkOperationSchema) });
    const { data } = await this.#ctx.executor.execute(STATUS_QUERY, { id: gid }, { ...call, schema, operation: 'bulk.status' });
    if (!data.node) throw new InvalidRequestError({ message: `No bulk operation ${gid} for this app and shop.`, source: 'shopify', details: { bulkOperationId: gid } });
    return data.node;
  }

  /** The app's current (latest) bulk query operation, or null when it never ran one. */
  async current(call: CallOptions = {}): Promise<BulkOperation | null> {
    const schema = z.looseObject({ currentBulkOperation: z.nullable(bulkOperationSchema) });
    const { data } = await this.#ctx.executor.execute(CURRENT_QUERY, undefined, { ...call, schema, operation: 'bulk.current' });
    return data.currentBulkOperation;
  }

  /** `bulkOperationCancel`: cancels the given operation, or the one running now. Returns it (status CANCELING). */
  async cancel(id?: string | number, call: CallOptions = {}): Promise<BulkOperation> {
    let gid: string;
    if (id !== undefined) gid = requireGid('BulkOperation', id);
    else {
      const running = this.#active?.id ?? (await this.current(call))?.id;
      if (!running) throw new InvalidRequestError({ message: 'There is no bulk operation to cancel.', source: 'shopify' });
      gid = running;
    }
    const schema = z.looseObject({ bulkOperationCancel: z.looseObject({ bulkOperation: z.nullable(bulkOperationSchema), ...userErrorsField() }) });
    const { data } = await this.#ctx.executor.execute(CANCEL_MUTATION, { id: gid }, { ...call, schema, operation: 'bulk.cancel' });
    const operation = data.bulkOperationCancel.bulkOperation;
    if (!operation) throw new InvalidRequestError({ message: `Shopify did not cancel ${gid}.`, source: 'shopify' });
    return operation;
  }

  /** Polls until the operation ends; resolves on COMPLETED, throws a typed error on FAILED, CANCELED or EXPIRED. */
  async wait(id: string | number, options: BulkWaitOptions = {}, call: CallOptions = {}): Promise<BulkOperation> {
    const gid = requireGid('BulkOperation', id);
    const opts = validateInput(waitOptionsSchema, options, 'Invalid bulk.wait options');
    const clock = this.#ctx.http().clock;
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
   * Streams a result file (JSONL) record by record: the body is read as the records are consumed, never held
   * whole. It is fetched without the shop's credentials, wherever it is. A download cut mid-body is resumed from
   * the byte after the last complete line (`Range`, or reading again and skipping when the host ignores it), up
   * to `maxResumes` times; every record is yielded once. `fromByte` reads the rest of an interrupted download.
   */
  async *download(url: string, options: BulkFileOptions = {}, call: CallOptions = {}): AsyncGenerator<BulkRecord, void, undefined> {
    const target = new URL(validateInput(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), url, 'Invalid bulk result url'));
    const opts = validateInput(downloadOptionsSchema, options, 'Invalid bulk.download options');
    if (this.#ctx.http().isClosed) {
      throw new ClientClosedError({ message: 'This shopify client was disconnected; create a new one or call connect().', source: 'shopify' });
    }
    const records = resumableJsonl({
      client: this.#ctx.downloadClient(target),
      clock: this.#ctx.http().clock,
      url: target.href,
      maxResumes: opts.maxResumes ?? DEFAULT_MAX_RESUMES,
      maxAttempts: this.#ctx.downloadAttempts(call.retry),
      fromByte: opts.fromByte ?? 0,
      call,
      onResume: (event) => this.#ctx.events.emit('bulkDownloadResume', event),
    });
    yield* opts.nest ? nestByParentId(records) : records;
  }
}
