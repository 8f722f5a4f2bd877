import type { $ZodObject, $ZodType } from 'zod/v4/core';
import * as z from '@cf/core/zod';
import { zodToValidationError } from '@cf/core';
import type { CrmRecord, PropertyValues } from './schemas.js';

/**
 * Typed properties. HubSpot sends every property value as a string or null; by default records keep them so.
 * Declare the properties you read as a zod object (`z.object({ email: prop.string(), amount: prop.number() })`)
 * and pass it as `schema`: only those properties are requested, and each record's values are coerced and typed.
 */
export type PropertySchema = $ZodObject;

/** Validates that an option is a zod 4 object schema (`zod` or `zod/mini`: both are parsed the same way). */
export const propertySchemaSchema = z.lazySchema(() => z.custom<PropertySchema>(
  (v) => typeof v === 'object' && v !== null && (v as { _zod?: { def?: { type?: unknown } } })._zod?.def?.type === 'object',
  'must be a zod object schema (z.object({...}))',
));

/** The property map a call returns: the schema's output, or HubSpot's raw strings. */
export type PropertiesOf<S> = S extends PropertySchema ? z.output<S> : PropertyValues;

/** zod's `preprocess` (which zod/mini lacks): `fn` runs on the raw value, then `schema` checks what it returns. */
const preprocess = <S extends $ZodType>(fn: (value: unknown) => unknown, schema: S) => z.pipe(z.transform(fn), schema);

const blankToNull = (v: unknown): unknown => (v === '' || v === undefined ? null : v);

function parseDate(v: unknown): unknown {
  if (v === null || v === '' || v === undefined) return null;
  if (typeof v !== 'string') return v;
  // Date properties arrive as epoch ms ("1572480000000") or ISO 8601 ("2024-03-07T17:41:30.415Z", "2024-03-07").
  const ms = /^-?\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms);
}

/** Coercing property types for `schema`: each accepts HubSpot's string (or null) and yields the typed value or null. */
export const prop = {
  /** A text property, kept as a string; '' and null become null. */
  string: () => preprocess(blankToNull, z.nullable(z.string())),
  /** A number property: "17" → 17; '' and null → null; anything else is a VALIDATION_ERROR. */
  number: () =>
    preprocess((v) => {
      const b = blankToNull(v);
      return typeof b === 'string' ? Number(b) : b;
    }, z.nullable(z.number({ error: 'must be a number' }))),
  /** A checkbox: "true"/"false" → boolean; '' and null → null. */
  boolean: () =>
    preprocess((v) => {
      const b = blankToNull(v);
      if (b === 'true') return true;
      if (b === 'false') return false;
      return b;
    }, z.nullable(z.boolean({ error: 'must be "true" or "false"' }))),
  /** A date or datetime property (epoch ms or ISO 8601) → Date; '' and null → null. */
  date: () => preprocess(parseDate, z.nullable(z.date({ error: 'must be a date (epoch ms or ISO 8601)' }))),
  /** A dropdown/radio property restricted to known option values. */
  enumeration: <const V extends readonly [string, ...string[]]>(values: V) => preprocess(blankToNull, z.nullable(z.enum(values))),
  /** A multiple-checkbox property: "a;b" → ['a', 'b']; '' and null → []. */
  multiEnumeration: () =>
    preprocess((v) => {
      const b = blankToNull(v);
      if (b === null) return [];
      return typeof b === 'string' ? b.split(';').filter((s) => s !== '') : b;
    }, z.array(z.string())),
};

/** The property names a schema declares (what to request). */
export function propertyNamesOf(schema: PropertySchema | undefined): string[] | undefined {
  return schema ? Object.keys(schema._zod.def.shape) : undefined;
}

/** Applies a property schema to a record; a value that does not fit fails with VALIDATION_ERROR naming the record. */
export function applyPropertySchema<P>(record: CrmRecord, schema: PropertySchema | undefined): CrmRecord<P> {
  if (!schema) return record as unknown as CrmRecord<P>;
  const parsed = z.safeParse(schema, record.properties);
  if (!parsed.success) {
    throw zodToValidationError(parsed.error, `HubSpot record ${record.id} does not match the property schema`, 'hubspot');
  }
  return { ...record, properties: parsed.data as P };
}
