import * as z from '@cf/core/zod';
import { validateInput, type CallOptions, type Paginated } from '@cf/core';
import type { HubSpotContext } from '../context.js';
import { singlePage } from '../single-page.js';
import { objectTypeSchema, propertyNameSchema } from '../validation.js';

/** Property definitions: `/crm/v3/properties/{objectType}`. https://developers.hubspot.com/docs/api/crm/properties */

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
export const FIELD_TYPES = ['text', 'textarea', 'number', 'select', 'radio', 'checkbox', 'booleancheckbox', 'date', 'file', 'calculation_equation', 'html', 'phonenumber'] as const;

const optionSchema = z.lazySchema(() => z.looseObject({
  label: z.string(),
  value: z.string(),
  description: z.optional(z.string()),
  displayOrder: z.optional(z.number()),
  hidden: z.optional(z.boolean()),
}));

export const propertyDefinitionSchema = z.lazySchema(() => z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.optional(z.string()),
  options: z._default(z.array(optionSchema), []),
  displayOrder: z.optional(z.number()),
  calculated: z.optional(z.boolean()),
  externalOptions: z.optional(z.boolean()),
  hasUniqueValue: z.optional(z.boolean()),
  hidden: z.optional(z.boolean()),
  hubspotDefined: z.optional(z.boolean()),
  formField: z.optional(z.boolean()),
  archived: z.optional(z.boolean()),
  createdAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  modificationMetadata: z.optional(z.looseObject({ archivable: z.boolean(), readOnlyDefinition: z.boolean(), readOnlyValue: z.boolean() })),
}));
/**
 * A property definition: `name`, `label`, `type` and `fieldType`, `groupName`, its enumeration `options`, and
 * HubSpot's flags (`hasUniqueValue`, `calculated`, `modificationMetadata`…).
 */
export type PropertyDefinition = z.output<typeof propertyDefinitionSchema>;

const createSchema = z.lazySchema(() => z
  .strictObject({
    name: propertyNameSchema,
    label: z.string().check(z.minLength(1, 'is required')),
    type: z.enum(PROPERTY_TYPES),
    fieldType: z.enum(FIELD_TYPES),
    groupName: z.string().check(z.minLength(1, 'is required (e.g. contactinformation)')),
    description: z.optional(z.string()),
    options: z.optional(
      z.array(
        z.strictObject({
          label: z.string().check(z.minLength(1)),
          value: z.string().check(z.minLength(1)),
          description: z.optional(z.string()),
          displayOrder: z.optional(z.int()),
          hidden: z.optional(z.boolean()),
        }),
      ),
    ),
    displayOrder: z.optional(z.int()),
    hasUniqueValue: z.optional(z.boolean()),
    hidden: z.optional(z.boolean()),
    formField: z.optional(z.boolean()),
    calculationFormula: z.optional(z.string()),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.type === 'enumeration' && (!p.options || p.options.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'an enumeration property needs at least one option' });
      }
    }),
  ));
/**
 * A property to create: `name`, `label`, `type` (string, number, date, datetime, enumeration, bool), `fieldType` and
 * `groupName` are required; an enumeration needs at least one option.
 */
export type PropertyCreateInput = z.input<typeof createSchema>;

const listResponse = z.lazySchema(() => z.looseObject({ results: z.array(propertyDefinitionSchema) }));

/** Property definitions (`/crm/v3/properties/{objectType}`), reached as `hubspot.properties`. */
export class PropertiesApi {
  constructor(private readonly ctx: HubSpotContext) {}

  /** `GET /crm/v3/properties/{objectType}`: every property of an object type (one response, no paging). */
  list(objectType: string, options: { archived?: boolean } = {}, call: CallOptions = {}): Paginated<PropertyDefinition, string> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    const opts = validateInput(z.strictObject({ archived: z.optional(z.boolean()) }), options, 'Invalid properties.list options', 'hubspot');
    return singlePage(async () => {
      const { data } = await this.ctx.http.request({
        path: '/crm/v3/properties/{objectType}',
        params: { objectType: type },
        query: { archived: opts.archived },
        schema: listResponse,
        operation: 'properties.list',
        ...call,
      });
      return data.results;
    }, call.signal);
  }

  /** `GET /crm/v3/properties/{objectType}/{name}`; NOT_FOUND when the property does not exist. */
  async get(objectType: string, name: string, call: CallOptions = {}): Promise<PropertyDefinition> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    const propertyName = validateInput(propertyNameSchema, name, 'Invalid property name', 'hubspot');
    const { data } = await this.ctx.http.request({
      path: '/crm/v3/properties/{objectType}/{name}',
      params: { objectType: type, name: propertyName },
      schema: propertyDefinitionSchema,
      operation: 'properties.get',
      ...call,
    });
    return data;
  }

  /** `POST /crm/v3/properties/{objectType}` (201). An existing name is a CONFLICT. */
  async create(objectType: string, definition: PropertyCreateInput, call: CallOptions = {}): Promise<PropertyDefinition> {
    const type = validateInput(objectTypeSchema, objectType, 'Invalid object type', 'hubspot');
    const body = validateInput(createSchema, definition, 'Invalid property definition', 'hubspot');
    const { data } = await this.ctx.http.request({
      method: 'POST',
      path: '/crm/v3/properties/{objectType}',
      params: { objectType: type },
      body,
      schema: propertyDefinitionSchema,
      operation: 'properties.create',
      ...call,
    });
    return data;
  }
}
