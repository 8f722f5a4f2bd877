import { apiKeyAuth, BaseConnector, withUserOptions, type CoreOptions, type HttpClientOptions, type Logger } from '@cf/core';
import type { z } from 'zod';
import { shopifyConfigSchema, type ShopifyConfig, type ShopifyOptions } from './config.js';
import type { ShopifyContext } from './context.js';
import { costRateLimit, observeCost } from './cost.js';
import type { ShopifyEvents } from './events.js';
import { createErrorMapper, inspectGraphqlResponse } from './errors.js';
import { GraphqlExecutor, type GraphqlCallOptions, type GraphqlResult } from './graphql-client.js';
import { Bulk } from './resources/bulk.js';
import { Collections } from './resources/collections.js';
import { Customers } from './resources/customers.js';
import { Inventory } from './resources/inventory.js';
import { Orders } from './resources/orders.js';
import { Products } from './resources/products.js';
import { ShopResource } from './resources/shop.js';
import { VERSION } from './version.js';

/**
 * A typed client for Shopify's Admin GraphQL API, paced by query cost.
 *
 * ```ts
 * const shopify = new ShopifyConnector({ shop: 'acme', accessToken: process.env.SHOPIFY_ACCESS_TOKEN! });
 * for await (const product of shopify.products.list()) console.log(product.title);
 * ```
 */
export class ShopifyConnector extends BaseConnector<ShopifyConfig, ShopifyEvents> {
  readonly name = 'shopify';
  private executorInstance: GraphqlExecutor | undefined;

  readonly shop: ShopResource;
  readonly products: Products;
  readonly orders: Orders;
  readonly customers: Customers;
  readonly inventory: Inventory;
  readonly collections: Collections;
  readonly bulk: Bulk;

  constructor(options: ShopifyOptions) {
    super();
    this.initialize(options);
    const ctx: ShopifyContext = { executor: this.executor, http: () => this.http };
    this.shop = new ShopResource(ctx);
    this.products = new Products(ctx);
    this.orders = new Orders(ctx);
    this.customers = new Customers(ctx);
    this.inventory = new Inventory(ctx);
    this.collections = new Collections(ctx);
    this.bulk = new Bulk(ctx);
  }

  /** The shop's `.myshopify.com` domain, as configured. */
  get shopDomain(): string {
    return this.config.shop;
  }

  /** The Admin API version requests are pinned to. */
  get apiVersion(): string {
    return this.config.apiVersion;
  }

  private get executor(): GraphqlExecutor {
    this.executorInstance ??= new GraphqlExecutor({
      http: () => this.http,
      events: this.connectorEvents,
      apiVersion: this.config.apiVersion,
      logger: this.config.logger as Logger | undefined,
    });
    return this.executorInstance;
  }

  protected configSchema(): z.ZodType<ShopifyConfig> {
    return shopifyConfigSchema;
  }

  protected httpOptions(config: ShopifyConfig): HttpClientOptions {
    const { shop, accessToken, apiVersion, baseUrl, ...user } = config;
    const root = (baseUrl ?? `https://${shop}`).replace(/\/+$/, '');
    return withUserOptions(
      {
        baseUrl: `${root}/admin/api/${apiVersion}`,
        source: 'shopify',
        userAgent: `@cf/connector-shopify/${VERSION}`,
        auth: apiKeyAuth({ in: 'header', name: 'X-Shopify-Access-Token', value: accessToken }),
        rateLimit: costRateLimit(shop),
        observeQuota: ({ data }) => observeCost(data),
        inspectResponse: inspectGraphqlResponse,
        mapError: createErrorMapper({ shop, apiVersion }),
        // Bulk result URLs are signed: keep the signature out of logs and events.
        redact: { params: ['signature', 'x-goog-signature', 'x-goog-credential', 'googleaccessid'] },
      },
      user as CoreOptions,
    );
  }

  /**
   * Any Admin API query or mutation, typed by the caller. GraphQL `errors` (even with HTTP 200) and
   * mutation `userErrors` are thrown as typed errors; the call is paced by its cost like every other.
   * https://shopify.dev/docs/api/admin-graphql
   */
  graphql<TData = unknown, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string,
    variables?: TVariables,
    options?: GraphqlCallOptions<TData>,
  ): Promise<GraphqlResult<TData>> {
    return this.executor.execute<TData>(query, variables, options);
  }

  /** Proves the token and reachability with the cheapest call (`shop { id }`). */
  override async ping(): Promise<void> {
    await this.shop.get();
  }
}
