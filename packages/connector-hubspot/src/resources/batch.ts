import type { $RefinementCtx } from 'zod/v4/core';
import * as z from '@cf/core/zod';
import { validateInput, type CallOptions, type ConnectorError } from '@cf/core';
import { contextValues, indexesOf, runChunks, type BatchResult } from '../batch-runner.js';
import type { HubSpotContext } from '../context.js';
import { explainUnsafeWrite } from '../errors.js';
import { applyPropertySchema, propertyNamesOf, propertySchemaSchema, type PropertiesOf, type PropertySchema } from '../property-schema.js';
import { batchResponseSchema, recordSchema, type BatchErrorBody, type CrmRecord } from '../schemas.js';
import { spreadFailures, uniqueIds } from '../unique-ids.js';
import {
  associationSpecSchema,
  lookupIdSchema,
  objectIdSchema,
  propertyListSchema,
  propertyNameSchema,
  writeValuesSchema,
  type AssociationSpec,
  type WriteValues,
} from '../validation.js';

/** HubSpot's batch endpoints take at most 100 inputs per request. */
export const BATCH_SIZE = 100;

/** Options of `batch.read`: which properties to return, and how to look the records up. */
export interface BatchReadOptions<S extends PropertySchema | undefined = undefined> {
  /**
   * The properties to return. @default the schema's property names, else HubSpot's default properties of the object
   * type
   */
  properties?: string[];
  /** Properties to return with their history of values (`propertiesWithHistory` on each record). */
  propertiesWithHistory?: string[];
  /** Read by a unique property (e.g. `email`) instead of the record id. */
  idProperty?: string;
  /** Read archived records instead of active ones. @default false */
  archived?: boolean;
  /** Declares and coerces the properties read (their names are requested); `results` are typed by it. */
  schema?: S;
}

/** One record to create with `batch.create`. */
export interface BatchCreateInput {
  /** The new record's property values (strings, numbers, booleans, dates sent as ISO, or null). */
  properties: WriteValues;
  /** Records to associate the new record with, each with its association types. */
  associations?: Array<{ to: { id: string }; types: AssociationSpec[] }>;
  /** Ties a 207 error to this input; one is generated when absent. */
  objectWriteTraceId?: string;
}
/** One record to update with `batch.update`. */
export interface BatchUpdateInput {
  /** The record's id, or the value of `idProperty` when one is given. */
  id: string;
  /** The property values to set (null clears a value); other properties are left as they are. */
  properties: WriteValues;
  /** A unique property (e.g. `email`) to find the record by, instead of its id. */
  idProperty?: string;
  /** Ties a 207 error to this input; one is generated when absent. */
  objectWriteTraceId?: string;
}
/** One record to create or update with `batch.upsert`, found by a unique property. */
export interface BatchUpsertInput {
  /** The value of the unique `idProperty` (e.g. an email address). */
  id: string;
  /** The unique property the record is found by (e.g. `email`, or a custom property with unique values). */
  idProperty: string;
  /** The property values to set on the found record, or to create it with. */
  properties: WriteValues;
  /** Ties a 207 error to this input; one is generated when absent. */
  objectWriteTraceId?: string;
}

const traceId = z.lazySchema(() => z.optional(z.string().check(z.minLength(1), z.maxLength(256))));
const readOptionsSchema = z.lazySchema(() => z.strictObject({
  properties: z.optional(propertyListSchema),
  propertiesWithHistory: z.optional(propertyListSchema),
  idProperty: z.optional(propertyNameSchema),
  archived: z.optional(z.boolean()),
  schema: z.optional(propertySchemaSchema),
}));
const idList = (schema: z.ZodMiniString) =>
  z.array(z.union([schema, z.pipe(z.strictObject({ id: schema }), z.transform((o) => o.id))]), { error: 'must be an array of ids' });
const createInputs = z.lazySchema(() => z.array(
  z.strictObject({
    properties: writeValuesSchema,
    associations: z.optional(
      z.array(z.strictObject({ to: z.strictObject({ id: objectIdSchema }), types: z.array(associationSpecSchema).check(z.minLength(1)) })),
    ),
    objectWriteTraceId: traceId,
  }),
  { error: 'must be an array of { properties }' },
));
/** HubSpot fails a whole request that names one record twice; two writes to one record must be merged by the caller. */
function noRepeatedRecord(list: ReadonlyArray<{ id: string; idProperty?: string | undefined }>, ctx: $RefinementCtx): void {
  const first = new Map<string, number>();
  list.forEach((input, i) => {
    const key = `${input.idProperty ?? ''}\u0000${input.id}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `repeats [${earlier}].id (${input.id}): HubSpot refuses a batch naming one record twice; merge their properties into one input` });
  });
}

const updateInputs = z.lazySchema(() => z
  .array(
    z.strictObject({ id: lookupIdSchema, properties: writeValuesSchema, idProperty: z.optional(propertyNameSchema), objectWriteTraceId: traceId }).check(
      z.superRefine((input, ctx) => {
        if (input.idProperty === undefined && !objectIdSchema.safeParse(input.id).success) {
          ctx.addIssue({ code: 'custom', path: ['id'], message: 'must be a numeric HubSpot id (digits only), or set idProperty' });
        }
      }),
    ),
    { error: 'must be an array of { id, properties }' },
  )
  .check(z.superRefine(noRepeatedRecord)));
const upsertInputs = z.lazySchema(() => z
  .array(z.strictObject({ id: lookupIdSchema, idProperty: propertyNameSchema, properties: writeValuesSchema, objectWriteTraceId: traceId }), {
    error: 'must be an array of { id, idProperty, properties }',
  })
  .check(z.superRefine(noRepeatedRecord)));

/**
 * The batch endpoints of one object type. Each takes any number of inputs, sends them 100 per request (paced by
 * the rate limiter) and reports what HubSpot did not process per input, from 207 responses or failed requests.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm#batch-operations
 */
export class BatchApi {
  constructor(
    private readonly ctx: HubSpotContext,
    private readonly objectType: string,
  ) {}

  /** `POST /crm/v3/objects/{type}/batch/read`: records by id (or by a unique `idProperty`); missing ones are failures. */
  async read<S extends PropertySchema | undefined = undefined>(
    ids: ReadonlyArray<string | { id: string }>,
    options: BatchReadOptions<S> = {},
    call: CallOptions = {},
  ): Promise<BatchResult<CrmRecord<PropertiesOf<S>>, string>> {
    const opts = validateInput(readOptionsSchema, options, `Invalid ${this.objectType}.batch.read options`, 'hubspot');
    const list = validateInput(idList(opts.idProperty ? lookupIdSchema : objectIdSchema), ids, `Invalid ${this.objectType}.batch.read ids`, 'hubspot');
    const properties = opts.properties ?? propertyNamesOf(opts.schema);
    const unique = uniqueIds(list);
    return runChunks({
      inputs: unique.unique,
      chunkSize: BATCH_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: async (chunk) => {
        const outcome = await this.#post('read', {
          inputs: chunk.map((id) => ({ id })),
          properties: properties ?? [],
          propertiesWithHistory: opts.propertiesWithHistory ?? [],
          ...(opts.idProperty ? { idProperty: opts.idProperty } : {}),
        }, call, true, opts.archived);
        return { results: outcome.results.map((r) => applyPropertySchema<PropertiesOf<S>>(r, opts.schema)), errors: outcome.errors };
      },
      locate: (error, chunk, offset) => indexesOf(contextValues(error, 'ids'), chunk, offset),
      finish: (result) => spreadFailures(result, unique),
    });
  }

  /**
   * `POST .../batch/create`. Not idempotent: a request that failed after reaching HubSpot is not retried (its inputs
   * are reported with `error.writeOutcome: 'may-have-applied'`); use `upsert` keyed by a unique property to retry safely.
   */
  async create(inputs: readonly BatchCreateInput[], call: CallOptions = {}): Promise<BatchResult<CrmRecord, BatchCreateInput>> {
    const list = validateInput(createInputs, inputs, `Invalid ${this.objectType}.batch.create inputs`, 'hubspot');
    return this.#write('create', inputs, list, call, false);
  }

  /** `POST .../batch/update`: sets the given values (safe to repeat, so retried like a read). */
  async update(inputs: readonly BatchUpdateInput[], call: CallOptions = {}): Promise<BatchResult<CrmRecord, BatchUpdateInput>> {
    const list = validateInput(updateInputs, inputs, `Invalid ${this.objectType}.batch.update inputs`, 'hubspot');
    return this.#write('update', inputs, list, call, true);
  }

  /** `POST .../batch/upsert`: creates or updates by a unique `idProperty`; the safe way to retry writes. */
  async upsert(inputs: readonly BatchUpsertInput[], call: CallOptions = {}): Promise<BatchResult<CrmRecord, BatchUpsertInput>> {
    const list = validateInput(upsertInputs, inputs, `Invalid ${this.objectType}.batch.upsert inputs`, 'hubspot');
    return this.#write('upsert', inputs, list, call, true);
  }

  /** `POST .../batch/archive` (204): archiving an archived record is harmless, so it is retried. */
  async archive(ids: ReadonlyArray<string | { id: string }>, call: CallOptions = {}): Promise<BatchResult<never, string>> {
    const list = uniqueIds(validateInput(idList(objectIdSchema), ids, `Invalid ${this.objectType}.batch.archive ids`, 'hubspot'));
    return runChunks<string, never>({
      inputs: list.unique,
      chunkSize: BATCH_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: async (chunk) => {
        await this.ctx.http.request({
          method: 'POST',
          path: '/crm/v3/objects/{objectType}/batch/archive',
          params: { objectType: this.objectType },
          body: { inputs: chunk.map((id) => ({ id })) },
          idempotent: true,
          operation: `${this.objectType}.batch.archive`,
          ...call,
        });
        return { results: [], errors: [] };
      },
      locate: (error, chunk, offset) => indexesOf(contextValues(error, 'ids'), chunk, offset),
      finish: (result) => spreadFailures(result, list),
    });
  }

  async #write<I, P extends { objectWriteTraceId?: string | undefined; id?: string }>(
    action: 'create' | 'update' | 'upsert',
    original: readonly I[],
    parsed: readonly P[],
    call: CallOptions,
    idempotent: boolean,
  ): Promise<BatchResult<CrmRecord, I>> {
    // A trace id per input lets HubSpot answer 207 with the failed inputs named, instead of failing the whole request.
    const traced = parsed.map((p, i) => ({ ...p, objectWriteTraceId: p.objectWriteTraceId ?? `cf-${i}` }));
    const result = await runChunks<(typeof traced)[number], CrmRecord>({
      inputs: traced,
      chunkSize: BATCH_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: (chunk) => this.#post(action, { inputs: chunk }, call, idempotent),
      locate: (error, chunk, offset) => locateWrite(error, chunk, offset),
      ...(action === 'create' ? { explain: (e: ConnectorError) => explainUnsafeWrite(e) as ConnectorError } : {}),
    });
    return { results: result.results, errors: result.errors.map((f) => ({ ...f, input: f.index === undefined ? undefined : original[f.index] })) };
  }

  async #post(action: string, body: unknown, call: CallOptions, idempotent: boolean, archived?: boolean) {
    const { data } = await this.ctx.http.request({
      method: 'POST',
      path: `/crm/v3/objects/{objectType}/batch/${action}`,
      params: { objectType: this.objectType },
      ...(archived !== undefined ? { query: { archived } } : {}),
      body,
      schema: batchResponseSchema(recordSchema),
      idempotent,
      operation: `${this.objectType}.batch.${action}`,
      ...call,
    });
    return { results: data.results, errors: data.errors ?? [] };
  }
}

function locateWrite(error: BatchErrorBody, chunk: ReadonlyArray<{ objectWriteTraceId: string; id?: string }>, offset: number): number[] {
  const byTrace = indexesOf(
    contextValues(error, 'objectWriteTraceId'),
    chunk.map((c) => c.objectWriteTraceId),
    offset,
  );
  if (byTrace.length > 0) return byTrace;
  return indexesOf(
    contextValues(error, 'ids'),
    chunk.map((c) => c.id ?? ''),
    offset,
  );
}
