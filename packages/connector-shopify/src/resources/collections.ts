import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema, isGid } from '../gid.js';
import { countSchema, dateTime } from '../schemas.js';
import { SyncableConnectionResource } from './connection-resource.js';
import { runMutation, USER_ERRORS, userErrorsField } from './mutations.js';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/Collection */
export const collectionSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('Collection'),
  title: z.string(),
  handle: z.string(),
  updatedAt: dateTime,
  sortOrder: z.string(),
  productsCount: z.nullable(countSchema),
}));
/**
 * A collection as the default selection reads it: `id`, `title`, `handle`, `updatedAt`, `sortOrder`, `productsCount`.
 */
export type Collection = z.infer<typeof collectionSchema>;

/** Default node selection: 2 points per collection. */
export const COLLECTION_FIELDS = 'id title handle updatedAt sortOrder productsCount { count }';

/** The `sortKey` values `collections.list()` accepts (Shopify's `CollectionSortKeys`). */
export const COLLECTION_SORT_KEYS = ['ID', 'RELEVANCE', 'TITLE', 'UPDATED_AT'] as const;
/** One of `COLLECTION_SORT_KEYS`. */
export type CollectionSortKey = (typeof COLLECTION_SORT_KEYS)[number];

/** `CollectionInput` for `collectionCreate` (a custom collection when `ruleSet` is absent). */
export const collectionCreateInputSchema = z.lazySchema(() => z.looseObject({
  title: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(255)),
  handle: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'))),
  descriptionHtml: z.optional(z.string()),
  products: z.optional(
    z
      .array(z.string().check(z.refine((v) => isGid(v, 'Product'), 'must be a Product GID')))
      .check(z.maxLength(250, 'at most 250 products per call')),
  ),
}));
/**
 * The input of `collections.create()`: `title` (required, at most 255 characters), `handle`, `descriptionHtml`, and
 * up to 250 product GIDs; validated before the network.
 */
export type CollectionCreateInput = z.input<typeof collectionCreateInputSchema>;

const collectionPayload = z.lazySchema(() => z.looseObject({ collection: z.nullable(collectionSchema), ...userErrorsField() }));
/**
 * What `collections.create()` returns: the created `collection` and `userErrors` (empty: user errors are thrown as a
 * typed error).
 */
export type CollectionPayload = z.infer<typeof collectionPayload>;

/** Collections: `list`, `get`, `changedSince`, and `collectionCreate`. */
export class Collections extends SyncableConnectionResource<Collection, CollectionSortKey> {
  constructor(ctx: ShopifyContext) {
    super(ctx, {
      root: 'collections',
      single: 'collection',
      type: 'Collection',
      sort: { type: 'CollectionSortKeys', keys: COLLECTION_SORT_KEYS },
      fields: COLLECTION_FIELDS,
      node: collectionSchema,
    });
  }

  /** `collectionCreate`: https://shopify.dev/docs/api/admin-graphql/2025-07/mutations/collectionCreate */
  create(input: CollectionCreateInput, call?: CallOptions): Promise<CollectionPayload> {
    return runMutation(
      this.ctx,
      {
        name: 'collectionCreate',
        document: `mutation CollectionCreate($input: CollectionInput!) {\n  collectionCreate(input: $input) { collection { ${COLLECTION_FIELDS} } ${USER_ERRORS} }\n}`,
        input: collectionCreateInputSchema,
        variables: (valid) => ({ input: valid }),
        payload: collectionPayload,
      },
      input,
      call,
    );
  }
}
