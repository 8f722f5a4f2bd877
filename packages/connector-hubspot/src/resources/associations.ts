import * as z from '@cf/core/zod';
import { cursorPagination, validateInput, type CallOptions, type Paginated } from '@cf/core';
import { contextValues, indexesOf, runChunks, type BatchResult } from '../batch-runner.js';
import type { HubSpotContext } from '../context.js';
import { batchResponseSchema, pagingSchema } from '../schemas.js';
import { singlePage } from '../single-page.js';
import { associationSpecSchema, objectIdSchema, objectTypeSchema, pageSizeSchema, type AssociationSpec } from '../validation.js';

/**
 * Associations v4: links between records, unlabelled ("default") or with labels.
 * https://developers.hubspot.com/docs/api/crm/associations
 */

// The SDK types toObjectId as a string; HubSpot's examples send a number. Accept both, hand back a string.
const idValue = z.lazySchema(() => z.pipe(z.union([z.string(), z.number()]), z.transform(String)));

const associationTypeSchema = z.lazySchema(() => z.looseObject({
  category: z.string(),
  typeId: z.number(),
  label: z.optional(z.nullable(z.string())),
}));

export const associatedObjectSchema = z.lazySchema(() => z.looseObject({ toObjectId: idValue, associationTypes: z.array(associationTypeSchema) }));
/**
 * A record associated with another: its id (`toObjectId`, always a string) and its association types, each with
 * `category`, `typeId` and `label` (null for the default association).
 */
export type AssociatedObject = z.output<typeof associatedObjectSchema>;
const listSchema = z.lazySchema(() => z.looseObject({ results: z.array(associatedObjectSchema), paging: z.optional(pagingSchema) }));

export const labelledAssociationSchema = z.lazySchema(() => z.looseObject({
  fromObjectTypeId: z.optional(z.string()),
  fromObjectId: idValue,
  toObjectTypeId: z.optional(z.string()),
  toObjectId: idValue,
  labels: z._default(z.array(z.string()), []),
}));
/** The association `create` made or updated: both records' ids (strings) and types, and its labels. */
export type LabelledAssociation = z.output<typeof labelledAssociationSchema>;

const defaultAssociationSchema = z.lazySchema(() => z.looseObject({
  from: z.looseObject({ id: idValue }),
  to: z.looseObject({ id: idValue }),
  associationSpec: z.looseObject(associationSpecSchema.shape),
}));
/** A default (unlabelled) association `createDefault` made: `from.id`, `to.id` and the association type used. */
export type DefaultAssociation = z.output<typeof defaultAssociationSchema>;

const batchReadItemSchema = z.lazySchema(() => z.looseObject({ from: z.looseObject({ id: idValue }), to: z.array(associatedObjectSchema), paging: z.optional(pagingSchema) }));
/** The records associated with one input record of `batch.read`. */
export type AssociationsOf = {
  /** The input record's id. */
  fromId: string;
  /** Every record associated with it (all pages), with their association types. */
  to: AssociatedObject[];
};

export const associationLabelSchema = z.lazySchema(() => z.looseObject({ category: z.string(), typeId: z.number(), label: z.optional(z.nullable(z.string())) }));
/**
 * An association type between two object types: `category` (HUBSPOT_DEFINED, USER_DEFINED…), `typeId`, and its
 * `label` (null for the unlabelled default).
 */
export type AssociationLabel = z.output<typeof associationLabelSchema>;

/** v4 batch read takes up to 1,000 ids (changelog, 2025-02-10); the other batch calls are sent 100 at a time. */
export const ASSOCIATION_BATCH_READ_SIZE = 1000;
export const ASSOCIATION_BATCH_WRITE_SIZE = 100;

const typesSchema = z.lazySchema(() => z.strictObject({ from: objectTypeSchema, to: objectTypeSchema }));
const labelsSchema = z.lazySchema(() => z
  .array(associationSpecSchema)
  .check(z.minLength(1, 'pass at least one association type (use createDefault for an unlabelled one)')));
const pairSchema = z.lazySchema(() => z.strictObject({ fromId: objectIdSchema, toId: objectIdSchema }));
const labelledPairSchema = z.lazySchema(() => z.strictObject({ fromId: objectIdSchema, toId: objectIdSchema, types: labelsSchema }));
const archiveInputSchema = z.lazySchema(() => z.strictObject({ fromId: objectIdSchema, toIds: z.array(objectIdSchema).check(z.minLength(1)) }));

/** Two records' types and ids, validated, as path parameters. */
function pairOf(fromType: string, fromId: string, toType: string, toId: string) {
  const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
  const ids = validateInput(pairSchema, { fromId, toId }, 'Invalid association ids', 'hubspot');
  return { fromType: t.from, fromId: ids.fromId, toType: t.to, toId: ids.toId };
}

/**
 * Associations v4 (`/crm/v4/objects/{fromType}/{fromId}/associations/{toType}`): the links between records,
 * unlabelled ("default") or with labels. Reached as `hubspot.associations`. Every method validates its object types
 * and ids before the network (`ValidationError`).
 */
export class AssociationsApi {
  /** Batch read/create/createDefault/archive, any number of inputs, per-input failures. */
  readonly batch: AssociationsBatchApi;

  constructor(private readonly ctx: HubSpotContext) {
    this.batch = new AssociationsBatchApi(ctx, this);
  }

  /** `GET /crm/v4/objects/{from}/{id}/associations/{to}`: every record associated with one record, with its labels. */
  list(fromType: string, fromId: string, toType: string, options: { limit?: number; after?: string } = {}, call: CallOptions = {}): Paginated<AssociatedObject, string> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    const id = validateInput(objectIdSchema, fromId, 'Invalid fromId', 'hubspot');
    const opts = validateInput(
      z.strictObject({ limit: z.optional(pageSizeSchema(500)), after: z.optional(z.string().check(z.minLength(1))) }),
      options,
      'Invalid associations.list options',
      'hubspot',
    );
    return cursorPagination(this.ctx.http, {
      request: {
        path: '/crm/v4/objects/{fromType}/{fromId}/associations/{toType}',
        params: { fromType: t.from, fromId: id, toType: t.to },
        query: { limit: opts.limit ?? 500 },
        schema: listSchema,
        operation: 'associations.list',
        ...call,
      },
      cursorParam: 'after',
      items: (d) => (d as z.output<typeof listSchema>).results,
      nextCursor: (d) => (d as z.output<typeof listSchema>).paging?.next?.after,
      ...(opts.after !== undefined ? { start: opts.after } : {}),
    });
  }

  /** `PUT .../associations/default/{to}/{toId}`: the unlabelled (default) association. */
  async createDefault(fromType: string, fromId: string, toType: string, toId: string, call: CallOptions = {}): Promise<DefaultAssociation[]> {
    const p = pairOf(fromType, fromId, toType, toId);
    const { data } = await this.ctx.http.request({
      method: 'PUT',
      path: '/crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}',
      params: p,
      schema: batchResponseSchema(defaultAssociationSchema),
      operation: 'associations.createDefault',
      ...call,
    });
    return data.results;
  }

  /** `PUT .../associations/{to}/{toId}` with association types (labels). Repeating it is harmless. */
  async create(fromType: string, fromId: string, toType: string, toId: string, labels: AssociationSpec[], call: CallOptions = {}): Promise<LabelledAssociation> {
    const p = pairOf(fromType, fromId, toType, toId);
    const body = validateInput(labelsSchema, labels, 'Invalid association types', 'hubspot');
    const { data } = await this.ctx.http.request({
      method: 'PUT',
      path: '/crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}',
      params: p,
      body,
      schema: labelledAssociationSchema,
      operation: 'associations.create',
      ...call,
    });
    return data;
  }

  /** `DELETE .../associations/{to}/{toId}` (204): removes every association between the two records. */
  async archive(fromType: string, fromId: string, toType: string, toId: string, call: CallOptions = {}): Promise<void> {
    const p = pairOf(fromType, fromId, toType, toId);
    await this.ctx.http.request({
      method: 'DELETE',
      path: '/crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}',
      params: p,
      operation: 'associations.archive',
      ...call,
    });
  }

  /** `GET /crm/v4/associations/{from}/{to}/labels`: the association types (and their ids) between two object types. */
  labels(fromType: string, toType: string, call: CallOptions = {}): Paginated<AssociationLabel, string> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    return singlePage(async () => {
      const { data } = await this.ctx.http.request({
        path: '/crm/v4/associations/{fromType}/{toType}/labels',
        params: { fromType: t.from, toType: t.to },
        schema: z.looseObject({ results: z.array(associationLabelSchema) }),
        operation: 'associations.labels',
        ...call,
      });
      return data.results;
    }, call.signal);
  }
}

/** `POST /crm/v4/associations/{from}/{to}/batch/*`. */
export class AssociationsBatchApi {
  constructor(
    private readonly ctx: HubSpotContext,
    private readonly single: AssociationsApi,
  ) {}

  /** Associated records of many records (1,000 per request); a record with more than one page is completed with `list`. */
  async read(fromType: string, toType: string, fromIds: readonly string[], call: CallOptions = {}): Promise<BatchResult<AssociationsOf, string>> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    const ids = validateInput(z.array(objectIdSchema), fromIds, 'Invalid associations.batch.read ids', 'hubspot');
    return runChunks<string, AssociationsOf>({
      inputs: ids,
      chunkSize: ASSOCIATION_BATCH_READ_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: async (chunk) => {
        const { data } = await this.ctx.http.request({
          method: 'POST',
          path: '/crm/v4/associations/{fromType}/{toType}/batch/read',
          params: { fromType: t.from, toType: t.to },
          body: { inputs: chunk.map((id) => ({ id })) },
          schema: batchResponseSchema(batchReadItemSchema),
          idempotent: true,
          operation: 'associations.batch.read',
          ...call,
        });
        const results: AssociationsOf[] = [];
        for (const item of data.results) {
          const to = [...item.to];
          const after = item.paging?.next?.after;
          if (after !== undefined) for await (const more of this.single.list(t.from, item.from.id, t.to, { after }, call)) to.push(more);
          results.push({ fromId: item.from.id, to });
        }
        return { results, errors: data.errors ?? [] };
      },
      locate: (error, chunk, offset) => indexesOf(contextValues(error, 'ids'), chunk, offset),
    });
  }

  /** Labelled associations, 100 per request. Repeating one is harmless, so requests are retried. */
  async create(
    fromType: string,
    toType: string,
    inputs: ReadonlyArray<{ fromId: string; toId: string; types: AssociationSpec[] }>,
    call: CallOptions = {},
  ): Promise<BatchResult<LabelledAssociation, { fromId: string; toId: string; types: AssociationSpec[] }>> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    const list = validateInput(z.array(labelledPairSchema), inputs, 'Invalid associations.batch.create inputs', 'hubspot');
    return this.#write('create', t, list, (i) => ({ from: { id: i.fromId }, to: { id: i.toId }, types: i.types }), labelledAssociationSchema, call);
  }

  /** Unlabelled (default) associations, 100 per request. */
  async createDefault(
    fromType: string,
    toType: string,
    inputs: ReadonlyArray<{ fromId: string; toId: string }>,
    call: CallOptions = {},
  ): Promise<BatchResult<DefaultAssociation, { fromId: string; toId: string }>> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    const list = validateInput(z.array(pairSchema), inputs, 'Invalid associations.batch.createDefault inputs', 'hubspot');
    return this.#write('associate/default', t, list, (i) => ({ from: { id: i.fromId }, to: { id: i.toId } }), defaultAssociationSchema, call);
  }

  /** Removes associations (204), 100 source records per request. */
  async archive(fromType: string, toType: string, inputs: ReadonlyArray<{ fromId: string; toIds: string[] }>, call: CallOptions = {}): Promise<BatchResult<never, { fromId: string; toIds: string[] }>> {
    const t = validateInput(typesSchema, { from: fromType, to: toType }, 'Invalid association object types', 'hubspot');
    const list = validateInput(z.array(archiveInputSchema), inputs, 'Invalid associations.batch.archive inputs', 'hubspot');
    return runChunks<(typeof list)[number], never>({
      inputs: list,
      chunkSize: ASSOCIATION_BATCH_WRITE_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: async (chunk) => {
        await this.ctx.http.request({
          method: 'POST',
          path: '/crm/v4/associations/{fromType}/{toType}/batch/archive',
          params: { fromType: t.from, toType: t.to },
          body: { inputs: chunk.map((i) => ({ from: { id: i.fromId }, to: i.toIds.map((id) => ({ id })) })) },
          idempotent: true,
          operation: 'associations.batch.archive',
          ...call,
        });
        return { results: [], errors: [] };
      },
      locate: (error, chunk, offset) => indexesOf(contextValues(error, 'ids'), chunk.map((c) => c.fromId), offset),
    });
  }

  async #write<I extends { fromId: string }, T extends z.ZodType>(
    action: string,
    t: { from: string; to: string },
    inputs: readonly I[],
    toBody: (input: I) => unknown,
    item: T,
    call: CallOptions,
  ): Promise<BatchResult<z.output<T>, I>> {
    return runChunks<I, z.output<T>>({
      inputs,
      chunkSize: ASSOCIATION_BATCH_WRITE_SIZE,
      concurrency: this.ctx.batchConcurrency,
      send: async (chunk) => {
        const { data } = await this.ctx.http.request({
          method: 'POST',
          path: `/crm/v4/associations/{fromType}/{toType}/batch/${action}`,
          params: { fromType: t.from, toType: t.to },
          body: { inputs: chunk.map(toBody) },
          schema: batchResponseSchema(item),
          idempotent: true,
          operation: `associations.batch.${action}`,
          ...call,
        });
        return { results: data.results, errors: data.errors ?? [] };
      },
      locate: (error, chunk, offset) => indexesOf(contextValues(error, 'ids'), chunk.map((c) => c.fromId), offset),
    });
  }
}
