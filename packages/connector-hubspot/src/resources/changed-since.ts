import * as z from '@cf/core/zod';
import { Paginated, validateInput, type CallOptions, type PaginateOptions } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { keysetFetchPage, type Checkpoint } from '../keyset-pager.js';
import { applyPropertySchema, propertyNamesOf, propertySchemaSchema, type PropertiesOf, type PropertySchema } from '../property-schema.js';
import type { CrmRecord } from '../schemas.js';
import { filterSchema, MAX_FILTERS_PER_GROUP, objectIdSchema, pageSizeSchema, propertyListSchema, type FilterInput } from '../validation.js';
import { SEARCH_MAX_PAGE_SIZE } from './search.js';

/** HubSpot's search index lags writes by a few seconds; records modified this recently are left for the next run. */
export const DEFAULT_SETTLE_MS = 30_000;
/** The scan's own filters in a group: `modified = t`, `hs_object_id > id`, `modified < until`. */
const OWN_FILTERS = 3;

/** Where to start: a checkpoint saved from a page, or a date (inclusive), or nothing for everything. */
export type ChangedSinceStart = Checkpoint | Date | number | string | null | undefined;

/** Options of `changedSince`: the properties read, extra filters, and the settle window. */
export interface ChangedSinceOptions<S extends PropertySchema | undefined = undefined> {
  /**
   * The properties to return. @default the schema's property names, else HubSpot's default properties of the object
   * type
   */
  properties?: string[];
  /** Declares and coerces the properties read (their names are requested). */
  schema?: S;
  /** Extra filters, ANDed with the modification window (e.g. `{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }`). */
  filters?: FilterInput[];
  /** Records per request. @default 100 (max 200) */
  pageSize?: number;
  /**
   * Records modified within this many ms of the start of the run are left for the next run, so none is missed
   * while HubSpot's search index catches up with recent writes. @default 30000
   */
  settleMs?: number;
}

// `until` is what a previous run held back from; accepted so a checkpoint goes back as it came, and ignored.
const checkpointSchema = z.lazySchema(() => z.strictObject({
  since: z.int().check(z.nonnegative()),
  afterId: z.optional(objectIdSchema),
  until: z.optional(z.int().check(z.nonnegative())),
}));

// `z.iso.datetime({ offset: true })`, built the way zod/mini builds it: @cf/core/zod does not re-export the `iso` namespace.
const isoDatetime = z.lazySchema(() => new z.ZodMiniISODateTime({ type: 'string', format: 'datetime', check: 'string_format', offset: true, local: false, precision: null }));

const startSchema = z.lazySchema(() => z.union(
  [
    checkpointSchema,
    z.pipe(z.date(), z.transform((d) => ({ since: d.getTime() }))),
    z.pipe(z.int().check(z.nonnegative()), z.transform((since) => ({ since }))),
    z.pipe(isoDatetime, z.transform((s) => ({ since: Date.parse(s) }))),
    z.pipe(z.null(), z.transform(() => ({ since: 0 }))),
    z.pipe(z.undefined(), z.transform(() => ({ since: 0 }))),
  ],
  { error: 'must be a checkpoint { since, afterId? } from a previous page, a Date, epoch milliseconds, an ISO 8601 datetime, or null' },
));

const optionsSchema = z.lazySchema(() => z.strictObject({
  properties: z.optional(propertyListSchema),
  schema: z.optional(propertySchemaSchema),
  filters: z.optional(
    z
      .array(filterSchema)
      .check(z.maxLength(MAX_FILTERS_PER_GROUP - OWN_FILTERS, `at most ${MAX_FILTERS_PER_GROUP - OWN_FILTERS} filters (the scan adds ${OWN_FILTERS} of its own)`)),
  ),
  pageSize: z.optional(pageSizeSchema(SEARCH_MAX_PAGE_SIZE)),
  settleMs: z.optional(z.int().check(z.nonnegative(), z.lte(3_600_000))),
}));

/**
 * What `changedSince` returns: the records, and the settle bound of this run. HubSpot's search index lags writes, so
 * a run reads only records modified before `until` (its start minus `settleMs`, fixed at the first page); newer
 * ones come with the next run. Every page's checkpoint carries the same `until`.
 */
export class ChangedSinceScan<T> extends Paginated<T, Checkpoint> {
  constructor(
    options: PaginateOptions<T, Checkpoint>,
    /** How recent a modification this run leaves for the next one, in ms. */
    readonly settleMs: number,
    private readonly bound: () => number | undefined,
  ) {
    super(options);
  }

  /** The exclusive upper bound on the modification date (epoch ms); undefined until the first page is fetched. */
  get until(): number | undefined {
    return this.bound();
  }
}

/**
 * Records modified since a checkpoint, oldest first, for incremental extraction. Each page's `checkpoint` (a plain
 * JSON value) marks exactly what was delivered: save it after processing the page and pass it next time; a crashed
 * job resumes with no record lost or repeated, even when thousands share one modification millisecond. Records
 * modified within `settleMs` (30 s) of the run's start are left for the next run (see `ChangedSinceScan.until`).
 */
export function changedSince<S extends PropertySchema | undefined>(
  ctx: HubSpotContext,
  objectType: string,
  modifiedProperty: string,
  start: ChangedSinceStart,
  options: ChangedSinceOptions<S>,
  call: CallOptions,
): ChangedSinceScan<CrmRecord<PropertiesOf<S>>> {
  return scan(ctx, objectType, modifiedProperty, start, options, call, 'validated', (input) => (record) => applyPropertySchema<PropertiesOf<S>>(record, input.schema));
}

/**
 * `changedSince` with the records as HubSpot sent them (only the response envelope is validated): what the streams
 * read, so the sync sets one record that does not match `recordSchema` aside instead of failing its page.
 */
export function changedSinceAsSent(
  ctx: HubSpotContext,
  objectType: string,
  modifiedProperty: string,
  start: ChangedSinceStart,
  options: Omit<ChangedSinceOptions, 'schema'>,
  call: CallOptions,
): ChangedSinceScan<unknown> {
  return scan<unknown>(ctx, objectType, modifiedProperty, start, options, call, 'as-sent', () => (record) => record);
}

function scan<T>(
  ctx: HubSpotContext,
  objectType: string,
  modifiedProperty: string,
  start: ChangedSinceStart,
  options: ChangedSinceOptions<PropertySchema | undefined>,
  call: CallOptions,
  records: 'validated' | 'as-sent',
  mapper: (input: { schema?: PropertySchema | undefined }) => (record: CrmRecord) => T,
): ChangedSinceScan<T> {
  const from: { since: number; afterId?: string | undefined } = validateInput(startSchema, start, `Invalid ${objectType}.changedSince checkpoint`, 'hubspot');
  const input = validateInput(optionsSchema, options, `Invalid ${objectType}.changedSince options`, 'hubspot');
  const settleMs = input.settleMs ?? DEFAULT_SETTLE_MS;
  let until: number | undefined;
  const fetchPage = keysetFetchPage({
    ctx,
    objectType,
    modifiedProperty,
    groups: input.filters && input.filters.length > 0 ? [input.filters] : [],
    properties: input.properties ?? propertyNamesOf(input.schema),
    pageSize: input.pageSize ?? 100,
    until: () => (until ??= ctx.http.clock.now() - settleMs),
    map: mapper(input),
    call,
    operation: `${objectType}.changedSince`,
    records,
  });
  const resumeFrom: Checkpoint = from.afterId !== undefined ? { since: from.since, afterId: from.afterId } : { since: from.since };
  return new ChangedSinceScan({ start: resumeFrom, signal: call.signal, fetchPage }, settleMs, () => until);
}
