import { z } from 'zod';

/**
 * Response shapes of CRM v3, from the official SDK's models (hubspot-api-nodejs `codegen/crm/objects/models`).
 * Loose objects: fields HubSpot adds later pass through untouched.
 */

/** Property values as HubSpot sends them: always strings, or null when unset. */
export type PropertyValues = Record<string, string | null>;

export const pagingSchema = z.looseObject({
  next: z.looseObject({ after: z.string(), link: z.string().optional() }).optional(),
});

const historyEntrySchema = z.looseObject({
  value: z.string().nullable().optional(),
  timestamp: z.string(),
  sourceType: z.string().optional(),
  sourceId: z.string().optional(),
  sourceLabel: z.string().optional(),
  updatedByUserId: z.number().optional(),
});

const recordShape = {
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  propertiesWithHistory: z.record(z.string(), z.array(historyEntrySchema)).optional(),
  associations: z
    .record(z.string(), z.looseObject({ results: z.array(z.looseObject({ id: z.string(), type: z.string() })), paging: pagingSchema.optional() }))
    .optional(),
  objectWriteTraceId: z.string().optional(),
  url: z.string().optional(),
};

export const recordSchema = z.looseObject(recordShape);
type KnownRecord = z.infer<z.ZodObject<typeof recordShape>>;

/** A CRM record (contact, company, deal, ...). `P` is the property map, typed by a schema when one is given. */
export type CrmRecord<P = PropertyValues> = Omit<KnownRecord, 'properties'> & { properties: P; [key: string]: unknown };

export const listResponseSchema = z.looseObject({ results: z.array(recordSchema), paging: pagingSchema.optional() });

export const searchResponseSchema = z.looseObject({
  total: z.number().optional(),
  results: z.array(recordSchema),
  paging: pagingSchema.optional(),
});

/** One entry of a batch response's `errors` (a 207 Multi-Status). */
export const batchErrorSchema = z.looseObject({
  status: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.unknown().optional(),
  message: z.string().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
  id: z.string().optional(),
});
export type BatchErrorBody = z.infer<typeof batchErrorSchema>;

export const batchResponseSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    status: z.string().optional(),
    results: z.array(item).default([]),
    errors: z.array(batchErrorSchema).optional(),
    numErrors: z.number().optional(),
    startedAt: z.string().optional(),
    completedAt: z.string().optional(),
  });
