import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema, isGid, requireGid } from '../gid.js';
import { countSchema, dateTime } from '../schemas.js';
import { SyncableConnectionResource } from './connection-resource.js';
import { runMutation, USER_ERRORS, userErrorsField } from './mutations.js';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/Product */
export const productSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('Product'),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  vendor: z.string(),
  productType: z.string(),
  tags: z.array(z.string()),
  createdAt: dateTime,
  updatedAt: dateTime,
  publishedAt: z.nullable(dateTime),
  totalInventory: z.nullable(z.int()),
  variantsCount: z.nullable(countSchema),
}));
/**
 * A product as the default selection reads it: `title`, `handle`, `status`, `vendor`, `productType`, `tags`, dates,
 * `totalInventory` and `variantsCount`.
 */
export type Product = z.infer<typeof productSchema>;

/** Default node selection: 2 points per product, so a page of 250 costs 502. */
export const PRODUCT_FIELDS =
  'id title handle status vendor productType tags createdAt updatedAt publishedAt totalInventory variantsCount { count }';

/** The `sortKey` values `products.list()` accepts (Shopify's `ProductSortKeys`). */
export const PRODUCT_SORT_KEYS = [
  'CREATED_AT',
  'ID',
  'INVENTORY_TOTAL',
  'PRODUCT_TYPE',
  'PUBLISHED_AT',
  'RELEVANCE',
  'TITLE',
  'UPDATED_AT',
  'VENDOR',
] as const;
/** One of `PRODUCT_SORT_KEYS`. */
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

const productStatus = z.lazySchema(() => z.enum(['ACTIVE', 'ARCHIVED', 'DRAFT']));
const shortText = z.lazySchema(() => z.string().check(z.maxLength(255, 'must be at most 255 characters')));
// A function, not an object: its schemas are built with the input schema that uses them, not on import.
const productFieldsInput = () => ({
  descriptionHtml: z.optional(z.string()),
  handle: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'), z.maxLength(255))),
  vendor: z.optional(shortText),
  productType: z.optional(shortText),
  tags: z.optional(z.array(shortText).check(z.maxLength(250, 'at most 250 tags'))),
  status: z.optional(productStatus),
  collectionsToJoin: z.optional(
    z.array(z.string().check(z.refine((v) => isGid(v, 'Collection'), 'must be a Collection GID'))).check(z.maxLength(250)),
  ),
});

/** `ProductCreateInput` (the `product:` argument since 2024-07). Unknown fields are passed to Shopify as given. */
export const productCreateInputSchema = z.lazySchema(() => z.looseObject({ title: shortText.check(z.trim(), z.minLength(1, 'is required')), ...productFieldsInput() }));
/**
 * The input of `products.create()`: `title` is required; other `ProductCreateInput` fields are checked where known
 * and passed through otherwise.
 */
export type ProductCreateInput = z.input<typeof productCreateInputSchema>;

/** `ProductUpdateInput`: the product's `id` and the fields to change. */
export const productUpdateInputSchema = z.lazySchema(() => z.looseObject({
  id: z.string().check(z.refine((v) => isGid(v, 'Product'), 'must be a Product GID (gid://shopify/Product/123)')),
  title: z.optional(shortText.check(z.trim(), z.minLength(1, 'must not be blank'))),
  ...productFieldsInput(),
}));
/** The input of `products.update()`: the product's GID (`id`) and the fields to change. */
export type ProductUpdateInput = z.input<typeof productUpdateInputSchema>;

const productPayload = z.lazySchema(() => z.looseObject({ product: z.nullable(productSchema), ...userErrorsField() }));
/**
 * What `products.create()` and `update()` return: the `product` and `userErrors` (empty: user errors are thrown as a
 * typed error).
 */
export type ProductPayload = z.infer<typeof productPayload>;
const deletePayload = z.lazySchema(() => z.looseObject({ deletedProductId: z.nullable(gidSchema('Product')), ...userErrorsField() }));
/**
 * What `products.delete()` returns: the `deletedProductId` and `userErrors` (empty: user errors are thrown as a typed
 * error).
 */
export type ProductDeletePayload = z.infer<typeof deletePayload>;

/** Products: `list`, `get`, `changedSince`, and the `productCreate` / `productUpdate` / `productDelete` mutations. */
export class Products extends SyncableConnectionResource<Product, ProductSortKey> {
  constructor(ctx: ShopifyContext) {
    super(ctx, {
      root: 'products',
      single: 'product',
      type: 'Product',
      sort: { type: 'ProductSortKeys', keys: PRODUCT_SORT_KEYS },
      fields: PRODUCT_FIELDS,
      node: productSchema,
    });
  }

  /** `productCreate`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/productCreate */
  create(product: ProductCreateInput, call?: CallOptions): Promise<ProductPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'productCreate',
        document: `mutation ProductCreate($product: ProductCreateInput!) {\n  productCreate(product: $product) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} }\n}`,
        input: productCreateInputSchema,
        variables: (input) => ({ product: input }),
        payload: productPayload,
      },
      product,
      call,
    );
  }

  /** `productUpdate`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/productUpdate */
  update(product: ProductUpdateInput, call?: CallOptions): Promise<ProductPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'productUpdate',
        document: `mutation ProductUpdate($product: ProductUpdateInput!) {\n  productUpdate(product: $product) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} }\n}`,
        input: productUpdateInputSchema,
        variables: (input) => ({ product: input }),
        payload: productPayload,
      },
      product,
      call,
    );
  }

  /** `productDelete`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/productDelete */
  delete(id: string | number, call?: CallOptions): Promise<ProductDeletePayload> {
    const gid = requireGid('Product', id);
    return runMutation(
      this.ctx,
      {
        name: 'productDelete',
        document: `mutation ProductDelete($input: ProductDeleteInput!) {\n  productDelete(input: $input) { deletedProductId ${USER_ERRORS} }\n}`,
        input: z.object({ id: z.string() }),
        variables: (input) => ({ input }),
        payload: deletePayload,
      },
      { id: gid },
      call,
    );
  }
}
