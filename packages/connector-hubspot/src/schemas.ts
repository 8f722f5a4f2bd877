import * as z from '@cf/core/zod';

/**
 * Response shapes of CRM v3, from the official SDK's models (hubspot-api-nodejs `codegen/crm/objects/models`).
 * Loose objects: fields HubSpot adds later pass through untouched.
 */

/** Property values as HubSpot sends them: always strings, or null when unset. */
export type PropertyValues = Record<string, string | null>;

export const pagingSchema = z.lazySchema(() => z.looseObject({
  next: z.optional(z.looseObject({ after: z.string(), link: z.optional(z.string()) })),
}));

const historyEntrySchema = z.lazySchema(() => z.looseObject({
  value: z.optional(z.nullable(z.string())),
  timestamp: z.string(),
  sourceType: z.optional(z.string()),
  sourceId: z.optional(z.string()),
  sourceLabel: z.optional(z.string()),
  updatedByUserId: z.optional(z.number()),
}));

// A function, not an object: its fields are schemas, built with recordSchema on first use, not on import.
const recordShape = () => ({
  id: z.string(),
  properties: z.record(z.string(), z.nullable(z.string())),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.optional(z.boolean()),
  archivedAt: z.optional(z.string()),
  propertiesWithHistory: z.optional(z.record(z.string(), z.array(historyEntrySchema))),
  associations: z.optional(
    z.record(z.string(), z.looseObject({ results: z.array(z.looseObject({ id: z.string(), type: z.string() })), paging: z.optional(pagingSchema) })),
  ),
  objectWriteTraceId: z.optional(z.string()),
  url: z.optional(z.string()),
});

export const recordSchema = z.lazySchema(() => z.looseObject(recordShape()));
type KnownRecord = z.infer<z.ZodObject<ReturnType<typeof recordShape>>>;

/** A CRM record (contact, company, deal, ...). `P` is the property map, typed by a schema when one is given. */
export type CrmRecord<P = PropertyValues> = Omit<KnownRecord, 'properties'> & {
  /** The property values read: strings (or null) as HubSpot sends them, or typed and coerced by a schema. */
  properties: P;
  [key: string]: unknown;
};

export const listResponseSchema = z.lazySchema(() => z.looseObject({ results: z.array(recordSchema), paging: z.optional(pagingSchema) }));

export const searchResponseSchema = z.lazySchema(() => z.looseObject({
  total: z.optional(z.number()),
  results: z.array(recordSchema),
  paging: z.optional(pagingSchema),
}));

/**
 * A list or search response with its records left as HubSpot sent them: what streams read, so one record that does
 * not match `recordSchema` is set aside by the sync instead of failing its page.
 */
export const listEnvelopeSchema = z.lazySchema(() => z.looseObject({
  total: z.optional(z.number()),
  results: z.array(z.unknown()),
  paging: z.optional(pagingSchema),
}));

/** One entry of a batch response's `errors` (a 207 Multi-Status). */
export const batchErrorSchema = z.lazySchema(() => z.looseObject({
  status: z.optional(z.string()),
  category: z.optional(z.string()),
  subCategory: z.optional(z.unknown()),
  message: z.optional(z.string()),
  context: z.optional(z.record(z.string(), z.unknown())),
  errors: z.optional(z.array(z.unknown())),
  id: z.optional(z.string()),
}));
export type BatchErrorBody = z.infer<typeof batchErrorSchema>;

export const batchResponseSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    status: z.optional(z.string()),
    results: z._default(z.array(item), []),
    errors: z.optional(z.array(batchErrorSchema)),
    numErrors: z.optional(z.number()),
    startedAt: z.optional(z.string()),
    completedAt: z.optional(z.string()),
  });
