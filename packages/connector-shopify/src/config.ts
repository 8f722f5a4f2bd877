import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import * as z from '@cf/core/zod';

/** The stable Admin API version this release is written and tested against. */
export const DEFAULT_API_VERSION = '2025-07';

/** `name` or `name.myshopify.com`; lower-cased, letters, digits and hyphens. */
const shopSchema = z.lazySchema(() => z.pipe(
  z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.refine((v) => !/^https?:\/\//.test(v) && !v.includes('/'), 'must be the shop name or name.myshopify.com, without https:// or a path'),
    z.refine(
      (v) => /^[a-z0-9][a-z0-9-]{0,62}(\.myshopify\.com)?$/.test(v),
      'must be the shop name (letters, digits, hyphens) or name.myshopify.com; custom domains are not accepted by the Admin API',
    ),
  ),
  z.transform((v) => (v.endsWith('.myshopify.com') ? v : `${v}.myshopify.com`)),
));

/** Quarterly versions `YYYY-01|04|07|10`, or `unstable`. */
export const apiVersionSchema = z.lazySchema(() => z
  .string()
  .check(z.regex(/^(\d{4}-(01|04|07|10)|unstable)$/, 'must be a quarterly version such as 2025-07 (YYYY-01, -04, -07 or -10) or "unstable"')));

export const shopifyConfigSchema = z.lazySchema(() => z.extend(coreOptionsSchema, {
  shop: shopSchema,
  accessToken: z.string().check(z.minLength(1, 'is required'), z.regex(/^\S+$/, 'must not contain whitespace')),
  apiVersion: z._default(apiVersionSchema, DEFAULT_API_VERSION),
  baseUrl: coreOptionsSchema.shape.baseUrl.check(
    z.refine(
      (v) => v === undefined || !/\/admin\/api(\/|$)/.test(new URL(v).pathname),
      'must be the shop origin or a proxy prefix: the connector appends /admin/api/{version}/graphql.json itself',
    ),
  ),
}));

export type ShopifyConfig = z.output<typeof shopifyConfigSchema>;

/** What `new ShopifyConnector(...)` accepts. */
export interface ShopifyOptions extends CoreOptions {
  /** The shop: `acme` or `acme.myshopify.com` (not a custom domain). */
  shop: string;
  /** An Admin API access token (`shpat_...` for custom apps, or an OAuth token). Sent in `X-Shopify-Access-Token`. */
  accessToken: string;
  /**
   * The Admin API version to call, pinned so responses do not change under you.
   * @default '2025-07' (a stable version; Shopify supports each for at least 12 months)
   */
  apiVersion?: string;
  /**
   * Where to send requests instead of `https://{shop}` (a proxy or a mock server); the connector appends
   * `/admin/api/{version}/graphql.json` under it, keeping any path prefix.
   */
  baseUrl?: string;
}
