import { paginate, validateInput, type CallOptions, type Paginated } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { MAX_PAGE_SIZE } from '../cost.js';
import { gidSchema, isGid, requireGid } from '../gid.js';
import { connectionSchema, dateTime, moneySchema } from '../schemas.js';
import { ConnectionResource, pageSizeFor } from './connection-resource.js';
import { runMutation, USER_ERRORS_WITH_CODE, userErrorsField } from './mutations.js';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/InventoryItem */
export const inventoryItemSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('InventoryItem'),
  sku: z.nullable(z.string()),
  tracked: z.boolean(),
  requiresShipping: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  unitCost: z.nullable(moneySchema),
  countryCodeOfOrigin: z.nullable(z.string()),
}));
/**
 * An inventory item as the default selection reads it: `id`, `sku`, `tracked`, `requiresShipping`, dates, `unitCost`
 * (money) and `countryCodeOfOrigin`.
 */
export type InventoryItem = z.infer<typeof inventoryItemSchema>;

/** The default node selection of inventory items (`inventory.list()`, `get()`). */
export const INVENTORY_ITEM_FIELDS = 'id sku tracked requiresShipping createdAt updatedAt unitCost { amount currencyCode } countryCodeOfOrigin';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/InventoryLevel: quantities per state at one location. */
export const inventoryLevelSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('InventoryLevel'),
  updatedAt: dateTime,
  location: z.looseObject({ id: gidSchema('Location'), name: z.string() }),
  quantities: z.array(z.looseObject({ name: z.string(), quantity: z.int() })),
}));
/**
 * An item's quantities at one location: `location { id name }` and `quantities` per state name (`available`,
 * `on_hand`…), with `updatedAt`.
 */
export type InventoryLevel = z.infer<typeof inventoryLevelSchema>;

/** The quantity states read by default. */
export const QUANTITY_NAMES = ['available', 'committed', 'incoming', 'on_hand', 'reserved'] as const;
const LEVEL_FIELDS = `id updatedAt location { id name } quantities(names: ${JSON.stringify(QUANTITY_NAMES)}) { name quantity }`;

/** `InventoryAdjustQuantitiesInput`: relative changes of one quantity state at locations. */
export const adjustQuantitiesInputSchema = z.lazySchema(() => z.looseObject({
  reason: z.string().check(z.minLength(1, 'is required (e.g. "correction", "received", "damaged")')),
  name: z.enum(['available', 'damaged', 'incoming', 'on_hand', 'quality_control', 'reserved', 'safety_stock'], {
    error: 'must be a quantity name such as "available"',
  }),
  referenceDocumentUri: z.optional(z.string()),
  changes: z
    .array(
      z.looseObject({
        // The int rule as a check (what classic `.int(msg)` does), so a non-number still reads "expected number".
        delta: z.number().check(z.int('must be an integer'), z.refine((n) => n !== 0, 'must not be 0')),
        inventoryItemId: z.string().check(z.refine((v) => isGid(v, 'InventoryItem'), 'must be an InventoryItem GID')),
        locationId: z.string().check(z.refine((v) => isGid(v, 'Location'), 'must be a Location GID')),
      }),
    )
    .check(z.minLength(1, 'needs at least one change'), z.maxLength(250, 'at most 250 changes per call')),
}));
/**
 * The input of `inventory.adjustQuantities()`: a `reason`, the quantity `name` changed, and 1 to 250 `changes` (a
 * non-zero integer `delta` for an item at a location, by GID). Validated before the network.
 */
export type AdjustQuantitiesInput = z.input<typeof adjustQuantitiesInputSchema>;

const adjustPayload = z.lazySchema(() => z.looseObject({
  inventoryAdjustmentGroup: z.nullable(
    z.looseObject({
      id: z.string(),
      reason: z.string(),
      changes: z.array(z.looseObject({ name: z.string(), delta: z.int() })),
    }),
  ),
  ...userErrorsField(),
}));
/**
 * What `inventory.adjustQuantities()` returns: the `inventoryAdjustmentGroup` (its id, reason and changes) and
 * `userErrors` (empty: user errors are thrown as a typed error).
 */
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
      z.strictObject({ first: z.optional(z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE))), maxPages: z.optional(z.int().check(z.positive())) }),
      options,
      'Invalid inventory.levels options',
    );
    const size = opts.first ?? Math.min(MAX_PAGE_SIZE, pageSizeFor(LEVEL_FIELDS));
    const document =
      'query InventoryLevels($id: ID!, $first: Int!, $after: String) {\n' +
      `  inventoryItem(id: $id) { inventoryLevels(first: $first, after: $after) { nodes { ${LEVEL_FIELDS} } pageInfo { hasNextPage endCursor } } }\n}`;
    const schema = z.looseObject({ inventoryItem: z.nullable(z.looseObject({ inventoryLevels: connectionSchema(inventoryLevelSchema) })) });
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
