import * as z from '@cf/core/zod';
import { cursorPagination, defineStreams, validateInput, type CallOptions, type JsonValue, type StreamImplementation, type StreamPage, type StreamReadArgs } from '@cf/core';
import type { HubSpotContext } from './context.js';
import type { Checkpoint } from './keyset-pager.js';
import { metadata, PIPELINE_STREAM_OBJECT_TYPES, PROPERTY_STREAM_OBJECT_TYPES } from './metadata.js';
import { changedSinceAsSent, DEFAULT_SETTLE_MS } from './resources/changed-since.js';
import { modifiedPropertyOf } from './resources/crm-objects.js';
import { ownerSchema } from './resources/owners.js';
import { pipelineSchema, stageSchema } from './resources/pipelines.js';
import { propertyDefinitionSchema } from './resources/properties.js';
import { SEARCH_MAX_PAGE_SIZE } from './resources/search.js';
import { listEnvelopeSchema, recordSchema } from './schemas.js';
import { objectIdSchema, objectTypeSchema, propertyNameSchema } from './validation.js';

/**
 * The streams `sync()` (in `@cf/load`) and `cf sync hubspot` land in tables, as declared in `metadata.streams`.
 *
 * Records are delivered as HubSpot sent them: a stream validates the response envelope (paging, and what its
 * checkpoint is made of), and the sync validates each record against the stream's `schema()`, so one record that
 * does not match is set aside in the rejects table while the rest of its page lands.
 *
 * They read through the connector's context (its client and its search limiter), so a sync is paced like any call.
 */

// ---------------------------------------------------------------------------------------------------------------
// Params and checkpoints (validated: a bad one is a VALIDATION_ERROR naming it, before the network)

/** A comma-separated list (`email, firstname`) of 1 to `max` items each `item` accepts. */
const commaList = (item: z.ZodType<string, string>, max: number) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== '')),
    ),
    z.array(item).check(z.minLength(1, 'must name at least one, comma-separated'), z.maxLength(max, `at most ${max}`)),
  );

const objectParamsSchema = z.lazySchema(() => z.strictObject({ properties: z.optional(commaList(propertyNameSchema, 1000)) }));
const objectTypesParamsSchema = z.lazySchema(() => z.strictObject({ objectTypes: z.optional(commaList(objectTypeSchema, 100)) }));
const noParamsSchema = z.lazySchema(() => z.strictObject({}));

const epochMs = () => z.int().check(z.nonnegative());

/**
 * Where a CRM object stream stands: `changes` is `changedSince`'s checkpoint; `archived.since` is the archive date
 * from which archived records are still to be delivered, and `archived.until` (with the list cursor `after`) is set
 * once this sync has read the changes and is reading the recycle bin up to that bound.
 */
const objectCheckpointSchema = z.lazySchema(() => z.strictObject({
  changes: z.strictObject({ since: epochMs(), afterId: z.optional(objectIdSchema), until: z.optional(epochMs()) }),
  archived: z
    .strictObject({ since: epochMs(), until: z.optional(epochMs()), after: z.optional(z.string().check(z.minLength(1))) })
    .check(z.refine((a) => a.after === undefined || a.until !== undefined, { message: 'after is only valid with until', path: ['after'] })),
}));

export type ObjectStreamCheckpoint = z.output<typeof objectCheckpointSchema>;

/** Owners: which list (active, then archived) and the cursor in it. */
const ownersCheckpointSchema = z.lazySchema(() => z.strictObject({ archived: z.boolean(), after: z.optional(z.string().check(z.minLength(1))) }));
/** Per-object-type lists: the last object type delivered. */
const objectTypeCheckpointSchema = z.lazySchema(() => z.strictObject({ objectType: z.string().check(z.minLength(1)) }));

function readParams<S extends z.ZodType>(stream: string, schema: S, params: StreamReadArgs['params']): z.output<S> {
  return validateInput(schema, params ?? {}, `Invalid params of the hubspot ${stream} stream`, 'hubspot');
}

function readCheckpoint<S extends z.ZodType>(stream: string, schema: S, checkpoint: JsonValue | null): z.output<S> | undefined {
  if (checkpoint === null) return undefined;
  return validateInput(schema, checkpoint, `Invalid checkpoint of the hubspot ${stream} stream (save and pass back the one a page carried)`, 'hubspot');
}

/** A plain JSON copy of a checkpoint: no `undefined` fields. */
function json<T extends object>(value: T): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

const callOf = (signal: AbortSignal | undefined): CallOptions => (signal ? { signal } : {});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record with the fields that say where it belongs (`objectType`); anything not an object is left for the sync to reject. */
const withFields = (record: unknown, fields: Record<string, unknown>): unknown => (isObject(record) ? { ...record, ...fields } : record);

// ---------------------------------------------------------------------------------------------------------------
// CRM objects: incremental (changedSince), then the recycle bin for deletions

const toMs = (value: unknown): number => (typeof value === 'string' ? (/^\d+$/.test(value) ? Number(value) : Date.parse(value)) : Number.NaN);

/**
 * Whether an archived record was archived within [since, until): `archivedAt`, else `updatedAt` (HubSpot sets both
 * on archiving). One with neither cannot be placed in time: it is delivered whenever the recycle bin is read.
 */
function archivedWithin(record: unknown, since: number, until: number): boolean {
  if (!isObject(record)) return true;
  const archivedAt = toMs(record.archivedAt);
  const at = Number.isNaN(archivedAt) ? toMs(record.updatedAt) : archivedAt;
  return Number.isNaN(at) || (at >= since && at < until);
}

/**
 * A CRM object type as a stream. A sync reads the records modified since the checkpoint (`changedSince`: oldest
 * first, exact (date, id) checkpoints, the last 30 s left for the next sync while HubSpot's search index catches up),
 * then the records archived since the previous sync from the recycle bin (`GET /crm/v3/objects/{type}?archived=true`,
 * which search never returns), bounded the same way. Every page's checkpoint resumes exactly after it.
 */
function objectStream(stream: string, objectType: string): StreamImplementation<HubSpotContext> {
  return {
    schema: () => recordSchema,
    async *read(ctx, { checkpoint, params, signal }) {
      const { properties } = readParams(stream, objectParamsSchema, params);
      let state: ObjectStreamCheckpoint = readCheckpoint(stream, objectCheckpointSchema, checkpoint) ?? { changes: { since: 0 }, archived: { since: 0 } };
      const call = callOf(signal);
      if (state.archived.until === undefined) {
        const options = { pageSize: SEARCH_MAX_PAGE_SIZE, ...(properties ? { properties } : {}) };
        const scan = changedSinceAsSent(ctx, objectType, modifiedPropertyOf(objectType), state.changes as Checkpoint, options, call);
        for await (const page of scan.pages()) {
          // changedSince starts from a checkpoint, so every page has one.
          const changes = page.checkpoint as Checkpoint;
          if (page.hasMore) {
            yield { items: page.items, checkpoint: json({ changes, archived: { since: state.archived.since } }), hasMore: true };
            continue;
          }
          // The changes are read: fix the bound of the archived records this sync reads, and go on with them.
          const until = Math.max(state.archived.since, ctx.http.clock.now() - DEFAULT_SETTLE_MS);
          state = { changes, archived: { since: state.archived.since, until } };
          yield { items: page.items, checkpoint: json(state), hasMore: true };
        }
      }
      yield* archivedPages(ctx, objectType, state, properties, call);
    },
  };
}

async function* archivedPages(
  ctx: HubSpotContext,
  objectType: string,
  state: ObjectStreamCheckpoint,
  properties: string[] | undefined,
  call: CallOptions,
): AsyncGenerator<StreamPage> {
  const { since, after } = state.archived;
  const until = state.archived.until ?? since;
  const list = cursorPagination<unknown>(ctx.http, {
    request: {
      path: '/crm/v3/objects/{objectType}',
      params: { objectType },
      query: { limit: 100, archived: true, properties: properties?.join(',') },
      schema: listEnvelopeSchema,
      operation: `${objectType}.list`,
      ...call,
    },
    cursorParam: 'after',
    items: (data) => (data as z.output<typeof listEnvelopeSchema>).results,
    nextCursor: (data) => (data as z.output<typeof listEnvelopeSchema>).paging?.next?.after,
    ...(after !== undefined ? { start: after } : {}),
  });
  for await (const page of list.pages()) {
    const items = page.items.filter((record) => archivedWithin(record, since, until));
    if (page.hasMore && page.checkpoint !== null) {
      yield { items, checkpoint: json({ changes: state.changes, archived: { since, until, after: page.checkpoint } }), hasMore: true };
    } else {
      // The next sync reads records archived from this bound on.
      yield { items, checkpoint: json({ changes: state.changes, archived: { since: until } }), hasMore: false };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Full-refresh lists: owners, pipelines, pipeline stages, property definitions

/** Active owners, then archived ones (`archived: true`), 500 per request; the last page's checkpoint is null (a full refresh starts over). */
const owners: StreamImplementation<HubSpotContext> = {
  schema: () => ownerSchema,
  // The yield type is given: inferred, the pages' checkpoints union into `after?: undefined`, which a project
  // without exactOptionalPropertyTypes (a copy-in) does not accept as JSON.
  async *read(ctx, { checkpoint, params, signal }): AsyncGenerator<StreamPage> {
    readParams('owners', noParamsSchema, params);
    const from = readCheckpoint('owners', ownersCheckpointSchema, checkpoint) ?? { archived: false };
    for (const archived of [false, true]) {
      if (from.archived && !archived) continue;
      const start = archived === from.archived ? from.after : undefined;
      const list = cursorPagination<unknown>(ctx.http, {
        request: { path: '/crm/v3/owners/', query: { limit: 500, archived }, schema: listEnvelopeSchema, operation: 'owners.list', ...callOf(signal) },
        cursorParam: 'after',
        items: (data) => (data as z.output<typeof listEnvelopeSchema>).results,
        nextCursor: (data) => (data as z.output<typeof listEnvelopeSchema>).paging?.next?.after,
        ...(start !== undefined ? { start } : {}),
      });
      for await (const page of list.pages()) {
        if (page.hasMore && page.checkpoint !== null) yield { items: page.items, checkpoint: { archived, after: page.checkpoint }, hasMore: true };
        else if (!archived) yield { items: page.items, checkpoint: { archived: true }, hasMore: true };
        else yield { items: page.items, checkpoint: null, hasMore: false };
      }
    }
  },
};

/**
 * A list HubSpot answers in one response per object type: one page per object type, in the order given. A
 * checkpoint names the last object type delivered; one that is not in the list (the params changed) starts over.
 */
function perObjectType(
  stream: string,
  defaults: readonly string[],
  schema: () => z.ZodType,
  fetch: (ctx: HubSpotContext, objectType: string, call: CallOptions) => Promise<unknown[]>,
): StreamImplementation<HubSpotContext> {
  return {
    schema,
    async *read(ctx, { checkpoint, params, signal }) {
      const types = [...new Set(readParams(stream, objectTypesParamsSchema, params).objectTypes ?? defaults)];
      const done = readCheckpoint(stream, objectTypeCheckpointSchema, checkpoint)?.objectType;
      const next = done === undefined ? 0 : types.indexOf(done) + 1;
      for (let i = next < types.length ? next : 0; i < types.length; i += 1) {
        const objectType = types[i] as string;
        const items = await fetch(ctx, objectType, callOf(signal));
        const more = i < types.length - 1;
        yield { items, checkpoint: more ? { objectType } : null, hasMore: more };
      }
    },
  };
}

async function listOf(ctx: HubSpotContext, path: string, objectType: string, operation: string, call: CallOptions): Promise<unknown[]> {
  const { data } = await ctx.http.request({ path, params: { objectType }, schema: listEnvelopeSchema, operation, ...call });
  return data.results;
}

const pipelineRecordSchema = z.lazySchema(() => z.extend(pipelineSchema, { objectType: z.string() }));
const stageRecordSchema = z.lazySchema(() => z.extend(stageSchema, { objectType: z.string(), pipelineId: z.string() }));
const propertyRecordSchema = z.lazySchema(() => z.extend(propertyDefinitionSchema, { objectType: z.string() }));

const pipelines = perObjectType('pipelines', PIPELINE_STREAM_OBJECT_TYPES, () => pipelineRecordSchema, async (ctx, objectType, call) =>
  (await listOf(ctx, '/crm/v3/pipelines/{objectType}', objectType, 'pipelines.list', call)).map((p) => withFields(p, { objectType })),
);

/** The stages of every pipeline; a pipeline without a stages list gives none (the pipelines stream rejects it). */
const pipelineStages = perObjectType('pipeline_stages', PIPELINE_STREAM_OBJECT_TYPES, () => stageRecordSchema, async (ctx, objectType, call) =>
  (await listOf(ctx, '/crm/v3/pipelines/{objectType}', objectType, 'pipelines.list', call)).flatMap((p) =>
    isObject(p) && Array.isArray(p.stages) ? p.stages.map((s) => withFields(s, { objectType, pipelineId: p.id })) : [],
  ),
);

const properties = perObjectType('properties', PROPERTY_STREAM_OBJECT_TYPES, () => propertyRecordSchema, async (ctx, objectType, call) =>
  (await listOf(ctx, '/crm/v3/properties/{objectType}', objectType, 'properties.list', call)).map((p) => withFields(p, { objectType })),
);

/** Binds `metadata.streams` to their implementations, for `HubSpotConnector.streams()`. */
export const hubspotStreams = defineStreams<HubSpotContext>(metadata.streams, {
  contacts: objectStream('contacts', 'contacts'),
  companies: objectStream('companies', 'companies'),
  deals: objectStream('deals', 'deals'),
  tickets: objectStream('tickets', 'tickets'),
  products: objectStream('products', 'products'),
  line_items: objectStream('line_items', 'line_items'),
  owners,
  pipelines,
  pipeline_stages: pipelineStages,
  properties,
});
