import { paginate, validateInput, type CallOptions, type Paginated } from '@cf/core';
import { z } from 'zod';
import type { ShopifyContext } from '../context.js';
import { MAX_PAGE_SIZE } from '../cost.js';
import { gidSchema, isGid, requireGid } from '../gid.js';
import { connectionSchema, dateTime, moneySchema } from '../schemas.js';
import { ConnectionResource, pageSizeFor } from './connection-resource.js';
import { runMutation, USER_ERRORS_WITH_CODE, userErrorsField } from './mutations.js';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/InventoryItem */
export const inventoryItemSchema = z.looseObject({
  id: gidSchema('InventoryItem'),
  sku: z.string().nullable(),
  tracked: z.boolean(),
  requiresShipping: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  unitCost: moneySchema.nullable(),
  countryCodeOfOrigin: z.string().nullable(),
});
export type InventoryItem = z.infer<typeof inventoryItemSchema>;

export const INVENTORY_ITEM_FIELDS = 'id sku tracked requiresShipping createdAt updatedAt unitCost { amount currencyCode } countryCodeOfOrigin';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/InventoryLevel: quantities per state at one location. */
export const inventoryLevelSchema = z.looseObject({
  id: gidSchema('InventoryLevel'),
  updatedAt: dateTime,
  location: z.looseObject({ id: gidSchema('Location'), name: z.string() }),
  quantities: z.array(z.looseObject({ name: z.string(), quantity: z.number().int() })),
});
export type InventoryLevel = z.infer<typeof inventoryLevelSchema>;

/** The quantity states read by default. */
export const QUANTITY_NAMES = ['available', 'committed', 'incoming', 'on_hand', 'reserved'] as const;
const LEVEL_FIELDS = `id updatedAt location { id name } quantities(names: ${JSON.stringify(QUANTITY_NAMES)}) { name quantity }`;

/** `InventoryAdjustQuantitiesInput`: relative changes of one quantity state at locations. */
export const adjustQuantitiesInputSchema = z.looseObject({
  reason: z.string().min(1, 'is required (e.g. "correction", "received", "damaged")'),
  name: z.enum(['available', 'damaged', 'incoming', 'on_hand', 'quality_control', 'reserved', 'safety_stock'], {
    error: 'must be a quantity name such as "available"',
  }),
  referenceDocumentUri: z.string().optional(),
  changes: z
    .array(
      z.looseObject({
        delta: z.number().int('must be an integer').refine((n) => n !== 0, 'must not be 0'),
        inventoryItemId: z.string().refine((v) => isGid(v, 'InventoryItem'), 'must be an InventoryItem GID'),
        locationId: z.string().refine((v) => isGid(v, 'Location'), 'must be a Location GID'),
      }),
    )
    .min(1, 'needs at least one change')
    .max(250, 'at most 250 changes per call'),
});
export type AdjustQuantitiesInput = z.input<typeof adjustQuantitiesInputSchema>;

const adjustPayload = z.looseObject({
  inventoryAdjustmentGroup: z
    .looseObject({
      id: z.string(),
      reason: z.string(),
      changes: z.array(z.looseObject({ name: z.string(), delta: z.number().int() })),
    })
    .nullable(),
  ...userErrorsField,
});
export type AdjustQuantitiesPayload = z.infer<typeof adjustPayload>;

/**
 * Inventory items (`list`, `get`) and their levels per location (`levels`), and `inventoryAdjustQuantities`.
 * `inventoryItems` takes no `sortKey`, so it cannot be read incrementally by UPDATED_AT: use `bulk.run()`
 * for full exports.
 */
export class Inventory extends ConnectionResource<InventoryItem> {
  constructor(ctx: ShopifyContext) {
    super(ctx, { root: 'inventoryItems', single: 'inventoryItem', type: 'InventoryItem', fields: INVENTORY_ITEM_FIELDS, node: inventoryItemSchema });
  }

  /** The item's inventory levels (one per location), paginated. */
  levels(itemId: string | number, options: { first?: number; maxPages?: number } = {}, call: CallOptions = {}): Paginated<InventoryLevel, string> {
    const id = requireGid('InventoryItem', itemId, 'itemId');
    const opts = validateInput(
      z.object({ first: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(), maxPages: z.number().int().positive().optional() }).strict(),
      options,
      'Invalid inventory.levels options',
    );
    const size = opts.first ?? Math.min(MAX_PAGE_SIZE, pageSizeFor(LEVEL_FIELDS));
    const document =
      'query InventoryLevels($id: ID!, $first: Int!, $after: String) {\n' +
      `  inventoryItem(id: $id) { inventoryLevels(first: $first, after: $after) { nodes { ${LEVEL_FIELDS} } pageInfo { hasNextPage endCursor } } }\n}`;
    const schema = z.looseObject({ inventoryItem: z.looseObject({ inventoryLevels: connectionSchema(inventoryLevelSchema) }).nullable() });
    return paginate<InventoryLevel, string>({
      maxPages: opts.maxPages,
      signal: call.signal,
      fetchPage: async (cursor) => {
        const { data } = await this.ctx.executor.execute(document, { id, first: size, after: cursor ?? null }, { ...call, schema, operation: 'inventory.levels' });
        const levels = data.inventoryItem?.inventoryLevels;
        if (!levels) return { items: [], next: undefined };
        return { items: levels.nodes, next: levels.pageInfo.hasNextPage ? (levels.pageInfo.endCursor ?? undefined) : undefined };
      },
    });
  }

  /** `inventoryAdjustQuantities`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/inventoryAdjustQuantities */
  adjustQuantities(input: AdjustQuantitiesInput, call?: CallOptions): Promise<AdjustQuantitiesPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'inventoryAdjustQuantities',
        document:
          'mutation InventoryAdjustQuantities($input: InventoryAdjustQuantitiesInput!) {\n' +
          `  inventoryAdjustQuantities(input: $input) { inventoryAdjustmentGroup { id reason changes { name delta } } ${USER_ERRORS_WITH_CODE} }\n}`,
        input: adjustQuantitiesInputSchema,
        variables: (valid) => ({ input: valid }),
        payload: adjustPayload,
      },
      input,
      call,
    );
  }
}
