import * as z from '@cf/core/zod';

/**
 * Input rules shared by every resource, checked before the network (VALIDATION_ERROR naming the field and rule).
 * Limits come from HubSpot's docs: list `limit` ≤ 100, search `limit` ≤ 200, 5 filter groups, 10 filters per group,
 * 25 filters in total (changelog 2024-08-26), one sort.
 */

/** A HubSpot record id (`hs_object_id`): digits only. */
export const objectIdSchema = z.lazySchema(() => z
  .string({ error: 'must be a string' })
  .check(z.regex(/^\d{1,20}$/, 'must be a numeric HubSpot id (digits only); to look up by another unique property, pass idProperty')));

/** An id that may be a unique property value (email, domain, external id) when `idProperty` is set. */
export const lookupIdSchema = z.lazySchema(() => z
  .string({ error: 'must be a string' })
  .check(z.minLength(1, 'must not be empty'), z.maxLength(1000, 'must be at most 1000 characters')));

/** A property's internal name: a letter, then letters, digits or underscores. */
export const propertyNameSchema = z.lazySchema(() => z
  .string({ error: 'must be a string' })
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,255}$/, 'must be a property internal name (a letter, then letters, digits or _), not its label')));

/** `contacts`, `line_items`, `0-1` or a custom object's `2-123456` / `p123_cars`. */
export const objectTypeSchema = z.lazySchema(() => z
  .string({ error: 'must be a string' })
  .check(z.regex(/^(\d+-\d+|[A-Za-z][A-Za-z0-9_]{0,99})$/, 'must be an object type name (contacts, line_items, p123_cars) or type id (0-1, 2-123456)')));

export const propertyListSchema = z.lazySchema(() => z.array(propertyNameSchema).check(z.maxLength(1000, 'at most 1000 properties per request')));

export const pageSizeSchema = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .check(z.int('must be an integer'), z.gte(1, 'must be at least 1'), z.lte(max, `must be at most ${max} (HubSpot's maximum)`));

/**
 * The search filter operators HubSpot accepts. `BETWEEN` takes `value` and `highValue`, `IN`/`NOT_IN` take `values`,
 * `HAS_PROPERTY`/`NOT_HAS_PROPERTY` take no value, the others one `value`.
 */
export const FILTER_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
/** One of `FILTER_OPERATORS`. */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Filter groups per search request (HubSpot's limit; more fail validation before the network). */
export const MAX_FILTER_GROUPS = 5;
/** Filters per filter group (HubSpot's limit). */
export const MAX_FILTERS_PER_GROUP = 10;
/** Filters in all groups of one search request (HubSpot's limit). */
export const MAX_FILTERS_TOTAL = 25;

/** Dates are sent as epoch milliseconds, which every date property accepts. */
const filterValueSchema = z.lazySchema(() => z.pipe(
  z.union([z.string(), z.number(), z.boolean(), z.date()]),
  z.transform((v) => (v instanceof Date ? String(v.getTime()) : String(v))),
));

export const filterSchema = z.lazySchema(() => z
  .strictObject({
    propertyName: propertyNameSchema,
    operator: z.enum(FILTER_OPERATORS, { error: `must be one of ${FILTER_OPERATORS.join(', ')}` }),
    value: z.optional(filterValueSchema),
    highValue: z.optional(filterValueSchema),
    values: z.optional(z.array(filterValueSchema).check(z.minLength(1, 'must list at least one value'), z.maxLength(1000))),
  })
  .check(
    z.superRefine((f, ctx) => {
      const need = (field: 'value' | 'highValue' | 'values', why: string) => {
        if (f[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
      };
      const forbid = (field: 'value' | 'highValue' | 'values', why: string) => {
        if (f[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is not allowed ${why}` });
      };
      if (f.operator === 'BETWEEN') {
        need('value', 'with BETWEEN (the low bound)');
        need('highValue', 'with BETWEEN (the high bound)');
      } else if (f.operator === 'IN' || f.operator === 'NOT_IN') {
        need('values', `with ${f.operator}`);
        forbid('value', `with ${f.operator} (use values)`);
      } else if (f.operator === 'HAS_PROPERTY' || f.operator === 'NOT_HAS_PROPERTY') {
        forbid('value', `with ${f.operator}`);
        forbid('values', `with ${f.operator}`);
      } else {
        need('value', `with ${f.operator}`);
        forbid('values', `with ${f.operator} (use value)`);
      }
    }),
  ));
/**
 * A search filter as you write it: `{ propertyName, operator, value }` (or `values`, or `value` and `highValue` for
 * BETWEEN); values may be strings, numbers, booleans or dates. Checked before the network: the operator decides which
 * value fields are required.
 */
export type FilterInput = z.input<typeof filterSchema>;
/** A search filter as sent to HubSpot, its values converted to strings (dates to epoch milliseconds). */
export type Filter = z.output<typeof filterSchema>;

export const filterGroupsSchema = z.lazySchema(() => z
  .array(
    z.strictObject({
      filters: z
        .array(filterSchema)
        .check(
          z.minLength(1, 'a filter group needs at least one filter'),
          z.maxLength(MAX_FILTERS_PER_GROUP, `HubSpot allows at most ${MAX_FILTERS_PER_GROUP} filters per group`),
        ),
    }),
  )
  .check(
    z.maxLength(MAX_FILTER_GROUPS, `HubSpot allows at most ${MAX_FILTER_GROUPS} filter groups`),
    z.superRefine((groups, ctx) => {
      const total = groups.reduce((n, g) => n + g.filters.length, 0);
      if (total > MAX_FILTERS_TOTAL) ctx.addIssue({ code: 'custom', message: `HubSpot allows at most ${MAX_FILTERS_TOTAL} filters in total, got ${total}` });
    }),
  ));
export type FilterGroup = { filters: Filter[] };

export const sortsSchema = z.lazySchema(() => z
  .array(z.strictObject({ propertyName: propertyNameSchema, direction: z.enum(['ASCENDING', 'DESCENDING']) }))
  .check(z.maxLength(1, 'HubSpot applies only one sort; pass at most one')));
/** The one sort a search takes: `{ propertyName, direction: 'ASCENDING' | 'DESCENDING' }`. */
export type Sort = z.output<typeof sortsSchema>[number];

/** A value a user may write to a property: HubSpot stores every value as text. */
export type WriteValue = string | number | boolean | Date | null;
/** Property values a user may write: strings, numbers, booleans, dates (sent as ISO) or null to clear. */
export type WriteValues = Record<string, WriteValue>;

const scalarSchema = z.lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]));

/** Why a key is not a property internal name, in words a user can act on; undefined when it is one. */
export function propertyNameProblem(name: string): string | undefined {
  if (propertyNameSchema.safeParse(name).success) return undefined;
  const why =
    name === ''
      ? 'it is empty'
      : /\s/.test(name)
        ? 'it contains a space'
        : !/^[A-Za-z]/.test(name)
          ? 'it must start with a letter'
          : name.length > 256
            ? 'it is longer than 256 characters'
            : `it contains "${/[^A-Za-z0-9_]/.exec(name)?.[0] ?? '?'}"`;
  return `"${name}" is not a property internal name (a letter, then letters, digits or _): ${why}. Use the internal name, not the label (e.g. firstname, not "First name")`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array (for a multiple checkbox, join the options with ";")';
  if (typeof value === 'number') return 'a number that is not finite';
  if (value === undefined) return 'undefined (use null to clear a value)';
  return typeof value === 'object' ? 'an object (serialise it yourself, e.g. as JSON, if you mean to store it as text)' : `a ${typeof value}`;
}

/** Property values to write: each key an internal name, each value a scalar; sent as HubSpot's strings. */
export const writeValuesSchema = z.lazySchema(() => z.pipe(
  z.record(z.string(), z.unknown(), { error: 'must be an object of property name → value, e.g. { firstname: "Ada" }' }).check(
    z.superRefine((values, ctx) => {
      for (const [name, value] of Object.entries(values)) {
        const problem = propertyNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
        else if (!scalarSchema.safeParse(value).success) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `property ${name} must be a scalar (string, number, boolean, Date or null; HubSpot values are scalars), got ${describeValue(value)}`,
          });
        }
      }
    }),
  ),
  z.transform((values): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, raw] of Object.entries(values)) {
      const value = scalarSchema.parse(raw); // checked above
      out[name] = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
    }
    return out;
  }),
));

export const associationCategorySchema = z.lazySchema(() => z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']));
export const associationSpecSchema = z.lazySchema(() => z.strictObject({
  associationCategory: associationCategorySchema,
  associationTypeId: z.int().check(z.positive('must be a positive association type id')),
}));
/**
 * An association type to create: `associationCategory` (HUBSPOT_DEFINED, USER_DEFINED or INTEGRATOR_DEFINED) and its
 * positive `associationTypeId`.
 */
export type AssociationSpec = z.output<typeof associationSpecSchema>;
