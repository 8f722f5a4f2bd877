import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema } from '../gid.js';
import { currencyCode } from '../schemas.js';

/** https://shopify.dev/docs/api/admin-graphql/2025-07/objects/Shop */
export const shopSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('Shop'),
  name: z.string(),
  myshopifyDomain: z.string(),
  currencyCode,
  ianaTimezone: z.string(),
  plan: z.nullable(z.looseObject({ partnerDevelopment: z.boolean(), shopifyPlus: z.boolean() })),
}));
/**
 * The shop: `id`, `name`, `myshopifyDomain`, `currencyCode`, `ianaTimezone`, and `plan` (`partnerDevelopment`,
 * `shopifyPlus`).
 */
export type Shop = z.infer<typeof shopSchema>;

const SHOP_QUERY = 'query Shop {\n  shop { id name myshopifyDomain currencyCode ianaTimezone plan { partnerDevelopment shopifyPlus } }\n}';

/** The shop the token belongs to: a cheap call (2 points) that proves credentials. */
export class ShopResource {
  readonly #ctx: ShopifyContext;

  constructor(ctx: ShopifyContext) {
    this.#ctx = ctx;
  }

  /** `query { shop { … } }`: the shop the token belongs to (2 points), a cheap way to check the credentials. */
  async get(call: CallOptions = {}): Promise<Shop> {
    const { data } = await this.#ctx.executor.execute(SHOP_QUERY, undefined, { ...call, schema: z.looseObject({ shop: shopSchema }), operation: 'shop.get' });
    return data.shop;
  }
}
