import * as z from '@cf/core/zod';
import { cursorPagination, validateInput, type CallOptions, type Paginated } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { explainUnsafeWrite } from '../errors.js';
import { applyPropertySchema, propertyNamesOf, propertySchemaSchema, type PropertiesOf, type PropertySchema } from '../property-schema.js';
import { listResponseSchema, recordSchema, type CrmRecord } from '../schemas.js';
import {
  associationSpecSchema,
  lookupIdSchema,
  objectIdSchema,
  objectTypeSchema,
  pageSizeSchema,
  propertyListSchema,
  propertyNameSchema,
  writeValuesSchema,
  type AssociationSpec,
  type WriteValues,
} from '../validation.js';
import { BatchApi } from './batch.js';
import { changedSince, type ChangedSinceOptions, type ChangedSinceScan, type ChangedSinceStart } from './changed-since.js';
import { searchRecords, type SearchCursor, type SearchRequest } from './search.js';

export const LIST_MAX_PAGE_SIZE = 100;

/** Options of `get`: which properties and associations to return, and how to find the record. */
export interface GetOptions<S extends PropertySchema | undefined = undefined> {
  /**
   * The properties to return. @default the schema's property names, else HubSpot's default properties of the object
   * type
   */
  properties?: string[];
  /** Properties to return with their history of values (`propertiesWithHistory` on the record). */
  propertiesWithHistory?: string[];
  /** Object types whose associated ids to include (e.g. `['companies']`). */
  associations?: string[];
  /** Look the record up by a unique property (e.g. `email`) instead of its id. */
  idProperty?: string;
  /** Read an archived record instead of an active one. @default false */
  archived?: boolean;
  /** Declares and coerces the properties read (their names are requested). */
  schema?: S;
}

/** Options of `list`: the properties read, associations, page size and where to resume. */
export interface ListOptions<S extends PropertySchema | undefined = undefined> {
  /**
   * The properties to return. @default the schema's property names, else HubSpot's default properties of the object
   * type
   */
  properties?: string[];
  /** Properties to return with their history of values (`propertiesWithHistory` on each record). */
  propertiesWithHistory?: string[];
  /** Object types whose associated ids to include on each record (e.g. `['companies']`). */
  associations?: string[];
  /** List archived records instead of active ones. */
  archived?: boolean;
  /** Declares and coerces the properties read (their names are requested); records are typed by it. */
  schema?: S;
  /** Records per request. @default 100 (HubSpot's maximum) */
  limit?: number;
  /** Resume from a page's checkpoint (HubSpot's opaque `after`). */
  after?: string;
}

/** A record to create with `create`: its property values and, optionally, associations to make at once. */
export interface CreateInput {
  /** The new record's property values (strings, numbers, booleans, dates sent as ISO, or null). */
  properties: WriteValues;
  /** Records to associate the new record with, each with its association types. */
  associations?: Array<{ to: { id: string }; types: AssociationSpec[] }>;
}

// A function, not an object: its fields are schemas, built with the options schemas on first use, not on import.
const readShape = () => ({
  properties: z.optional(propertyListSchema),
  propertiesWithHistory: z.optional(propertyListSchema),
  associations: z.optional(z.array(objectTypeSchema).check(z.maxLength(100))),
  archived: z.optional(z.boolean()),
  schema: z.optional(propertySchemaSchema),
});
const getOptionsSchema = z.lazySchema(() => z.strictObject({ ...readShape(), idProperty: z.optional(propertyNameSchema) }));
const listOptionsSchema = z.lazySchema(() => z.strictObject({ ...readShape(), limit: z.optional(pageSizeSchema(LIST_MAX_PAGE_SIZE)), after: z.optional(z.string().check(z.minLength(1))) }));
const createSchema = z.lazySchema(() => z.strictObject({
  properties: writeValuesSchema,
  associations: z.optional(z.array(z.strictObject({ to: z.strictObject({ id: objectIdSchema }), types: z.array(associationSpecSchema).check(z.minLength(1)) }))),
}));
const updateSchema = z.lazySchema(() => z.strictObject({ properties: writeValuesSchema }));
const updateOptionsSchema = z.lazySchema(() => z.strictObject({ idProperty: z.optional(propertyNameSchema) }));

/** The property holding a record's last modification: `lastmodifieddate` on contacts, `hs_lastmodifieddate` elsewhere. */
export function modifiedPropertyOf(objectType: string): string {
  return objectType === 'contacts' || objectType === '0-1' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** Every name of that date: contacts carry `hs_lastmodifieddate` too, with the same value. */
export function modifiedPropertiesOf(objectType: string): string[] {
  const main = modifiedPropertyOf(objectType);
  return main === 'lastmodifieddate' ? [main, 'hs_lastmodifieddate'] : [main];
}

const joined = (list: string[] | undefined) => (list && list.length > 0 ? list.join(',') : undefined);

/** The query parameters a get or list reads with. */
function readQuery(opts: { properties?: string[] | undefined; propertiesWithHistory?: string[] | undefined; associations?: string[] | undefined; archived?: boolean | undefined; schema?: PropertySchema | undefined }) {
  return {
    properties: joined(opts.properties ?? propertyNamesOf(opts.schema)),
    propertiesWithHistory: joined(opts.propertiesWithHistory),
    associations: joined(opts.associations),
    archived: opts.archived,
  };
}

/**
 * One CRM object type (contacts, companies, deals, tickets, products, line items, or a custom object):
 * `/crm/v3/objects/{objectType}`. https://developers.hubspot.com/docs/api/crm/understanding-the-crm
 */
export class CrmObjects {
  /** Batch read/create/update/upsert/archive, any number of inputs, per-input failures. */
  readonly batch: BatchApi;
  /** The property `search` and `changedSince` order and anchor on. */
  readonly modifiedProperty: string;

  constructor(
    private readonly ctx: HubSpotContext,
    /** The CRM object type this API reads and writes (`contacts`, `deals`, a custom object's `2-1234567`…). */
    readonly objectType: string,
  ) {
    this.batch = new BatchApi(ctx, objectType);
    this.modifiedProperty = modifiedPropertyOf(objectType);
  }

  /** `GET /crm/v3/objects/{type}/{id}`: one record; NOT_FOUND when it does not exist. */
  async get<S extends PropertySchema | undefined = undefined>(id: string, options: GetOptions<S> = {}, call: CallOptions = {}): Promise<CrmRecord<PropertiesOf<S>>> {
    const opts = validateInput(getOptionsSchema, options, `Invalid ${this.objectType}.get options`, 'hubspot');
    const recordId = validateInput(opts.idProperty ? lookupIdSchema : objectIdSchema, id, `Invalid ${this.objectType} id`, 'hubspot');
    const { data } = await this.ctx.http.request({
      path: '/crm/v3/objects/{objectType}/{id}',
      params: { objectType: this.objectType, id: recordId },
      query: { ...readQuery(opts), idProperty: opts.idProperty },
      schema: recordSchema,
      operation: `${this.objectType}.get`,
      ...call,
    });
    return applyPropertySchema<PropertiesOf<S>>(data, opts.schema);
  }

  /**
   * `GET /crm/v3/objects/{type}`: every record, 100 per request, one page in memory at a time.
   * Iterate it (`for await`), or use `.pages()` for each page's `checkpoint` (pass it back as `after` to resume).
   */
  list<S extends PropertySchema | undefined = undefined>(options: ListOptions<S> = {}, call: CallOptions = {}): Paginated<CrmRecord<PropertiesOf<S>>, string> {
    const opts = validateInput(listOptionsSchema, options, `Invalid ${this.objectType}.list options`, 'hubspot');
    const map = (data: unknown) => (data as z.infer<typeof listResponseSchema>).results.map((r) => applyPropertySchema<PropertiesOf<S>>(r, opts.schema));
    return cursorPagination(this.ctx.http, {
      request: {
        path: '/crm/v3/objects/{objectType}',
        params: { objectType: this.objectType },
        query: { limit: opts.limit ?? LIST_MAX_PAGE_SIZE, ...readQuery(opts) },
        schema: listResponseSchema,
        operation: `${this.objectType}.list`,
        ...call,
      },
      cursorParam: 'after',
      items: map,
      nextCursor: (data) => (data as z.infer<typeof listResponseSchema>).paging?.next?.after,
      ...(opts.after !== undefined ? { start: opts.after } : {}),
    });
  }

  /**
   * `POST /crm/v3/objects/{type}` (201). Not idempotent, so never retried once it may have reached HubSpot: on a
   * 5xx, timeout or dropped connection the error says the record may exist. To retry writes safely, use
   * `batch.upsert` keyed by a unique property.
   */
  async create(input: CreateInput, call: CallOptions = {}): Promise<CrmRecord> {
    const body = validateInput(createSchema, input, `Invalid ${this.objectType}.create input`, 'hubspot');
    try {
      const { data } = await this.ctx.http.request({
        method: 'POST',
        path: '/crm/v3/objects/{objectType}',
        params: { objectType: this.objectType },
        body,
        schema: recordSchema,
        operation: `${this.objectType}.create`,
        ...call,
      });
      return data;
    } catch (error) {
      throw explainUnsafeWrite(error);
    }
  }

  /** `PATCH /crm/v3/objects/{type}/{id}`: sets the given values (absolute values, so safe to retry). */
  async update(id: string, input: { properties: WriteValues }, options: { idProperty?: string } = {}, call: CallOptions = {}): Promise<CrmRecord> {
    const opts = validateInput(updateOptionsSchema, options, `Invalid ${this.objectType}.update options`, 'hubspot');
    const recordId = validateInput(opts.idProperty ? lookupIdSchema : objectIdSchema, id, `Invalid ${this.objectType} id`, 'hubspot');
    const body = validateInput(updateSchema, input, `Invalid ${this.objectType}.update input`, 'hubspot');
    const { data } = await this.ctx.http.request({
      method: 'PATCH',
      path: '/crm/v3/objects/{objectType}/{id}',
      params: { objectType: this.objectType, id: recordId },
      query: { idProperty: opts.idProperty },
      body,
      schema: recordSchema,
      idempotent: true,
      operation: `${this.objectType}.update`,
      ...call,
    });
    return data;
  }

  /** `DELETE /crm/v3/objects/{type}/{id}` (204): moves the record to the recycle bin. */
  async archive(id: string, call: CallOptions = {}): Promise<void> {
    const recordId = validateInput(objectIdSchema, id, `Invalid ${this.objectType} id`, 'hubspot');
    await this.ctx.http.request({
      method: 'DELETE',
      path: '/crm/v3/objects/{objectType}/{id}',
      params: { objectType: this.objectType, id: recordId },
      operation: `${this.objectType}.archive`,
      ...call,
    });
  }

  /** Every record matching the filters, past HubSpot's 10,000-result cap (see `searchRecords`). */
  search<S extends PropertySchema | undefined = undefined>(request: SearchRequest<S> = {}, call: CallOptions = {}): Paginated<CrmRecord<PropertiesOf<S>>, SearchCursor> {
    return searchRecords(this.ctx, this.objectType, modifiedPropertiesOf(this.objectType), request, call);
  }

  /**
   * Records modified since a checkpoint, oldest first; each page carries the checkpoint to resume from. Records
   * modified in the last `settleMs` (30 s) are left for the next run while HubSpot's search index catches up: the
   * result's `until` (and each checkpoint's) says where this run stopped.
   */
  changedSince<S extends PropertySchema | undefined = undefined>(
    start: ChangedSinceStart,
    options: ChangedSinceOptions<S> = {},
    call: CallOptions = {},
  ): ChangedSinceScan<CrmRecord<PropertiesOf<S>>> {
    return changedSince(this.ctx, this.objectType, this.modifiedProperty, start, options, call);
  }
}
