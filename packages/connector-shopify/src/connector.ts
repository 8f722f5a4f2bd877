import { apiKeyAuth, BaseConnector, RateLimiter, withUserOptions, type Clock, type CoreOptions, type HttpClientOptions, type Logger, type RateLimitStore, type Stream } from '@cf/core';
import type * as z from '@cf/core/zod';
import { shopifyConfigSchema, type ShopifyConfig, type ShopifyOptions } from './config.js';
import type { ShopifyContext } from './context.js';
import { COST_WINDOW, costRateLimit, observeCost } from './cost.js';
import { CostCalibration } from './cost-calibration.js';
import { DownloadClients, SIGNED_URL_PARAMS } from './download-clients.js';
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
import { shopifyStreams } from './streams.js';
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
  // Internal state is `#private`: out of callers' reach, and not taken for a resource by the conformance kit's walk.
  #executor: GraphqlExecutor | undefined;
  /** Whether the current client has seen the shop's bucket yet; a new one with each client (see `httpOptions`). */
  #calibration = new CostCalibration(false);
  readonly #downloads = new DownloadClients({
    config: () => this.config,
    userAgent: `@cf/connector-shopify/${VERSION}`,
    events: () => this.http.events,
  });

  /** The shop itself: `shop.get()` reads its name, domains, currency, plan and time zone. */
  readonly shop: ShopResource;
  /** Products: get, list, changedSince, create, update, delete. */
  readonly products: Products;
  /** Orders: get, list, changedSince. */
  readonly orders: Orders;
  /** Customers: get, list, changedSince, create, update. */
  readonly customers: Customers;
  /** Inventory items and levels, and quantity adjustments. */
  readonly inventory: Inventory;
  /** Collections (custom and smart): get, list, changedSince, create. */
  readonly collections: Collections;
  /** Bulk operations: run a query over a whole shop, wait for it, stream its JSONL result. */
  readonly bulk: Bulk;

  constructor(options: ShopifyOptions) {
    super();
    this.initialize(options);
    const ctx: ShopifyContext = {
      executor: this.executor,
      http: () => this.http,
      downloadClient: (url) => this.#downloads.for(url),
      downloadAttempts: (retry) => this.#downloads.attempts(retry),
      events: this.connectorEvents,
    };
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
    this.#executor ??= new GraphqlExecutor({
      http: () => this.http,
      calibration: () => this.#calibration,
      events: this.connectorEvents,
      apiVersion: this.config.apiVersion,
      logger: this.config.logger as Logger | undefined,
    });
    return this.#executor;
  }

  protected configSchema(): z.ZodType<ShopifyConfig> {
    return shopifyConfigSchema;
  }

  /** Drains in-flight calls and downloads, then closes the connection pools. */
  override async disconnect(): Promise<void> {
    await Promise.all([super.disconnect(), this.#downloads.close()]);
  }

  /** Called for each new client (construction, and `connect()` after `disconnect()`): a new bucket mirror. */
  protected httpOptions(config: ShopifyConfig): HttpClientOptions {
    const { shop, accessToken, apiVersion, baseUrl, ...user } = config;
    const root = (baseUrl ?? `https://${shop}`).replace(/\/+$/, '');
    const calibration = new CostCalibration(user.rateLimit !== false);
    this.#calibration = calibration;
    return withUserOptions(
      {
        baseUrl: `${root}/admin/api/${apiVersion}`,
        source: 'shopify',
        userAgent: `@cf/connector-shopify/${VERSION}`,
        auth: apiKeyAuth({ in: 'header', name: 'X-Shopify-Access-Token', value: accessToken }),
        rateLimit: costLimiter(shop, user.clock as Clock | undefined, user.store as RateLimitStore | undefined),
        observeQuota: ({ data }) => {
          const observations = observeCost(data);
          if (observations.length > 0) calibration.markObserved();
          return observations;
        },
        inspectResponse: inspectGraphqlResponse,
        mapError: createErrorMapper({ shop, apiVersion }),
        // Bulk result URLs are signed: keep the signature out of logs and events.
        redact: { params: SIGNED_URL_PARAMS },
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

  /**
   * The streams `sync()` (in `@cf/load`) and `cf sync shopify` land in tables (`metadata.streams`): products, orders,
   * customers and collections incrementally, inventory items in full.
   */
  override streams(): Stream[] {
    return shopifyStreams(this);
  }

  /** Proves the token and reachability with the cheapest call (`shop { id }`). */
  override async ping(): Promise<void> {
    await this.shop.get();
  }
}

/**
 * The shop's bucket mirror. A process knows nothing of what others spent, so a mirror of its own (memory store)
 * starts empty, refilling at the default rate, until the first `throttleStatus` replaces it; a shared `store`
 * already holds what the other processes spent, and is used as it is.
 */
function costLimiter(shop: string, clock: Clock | undefined, store: RateLimitStore | undefined): RateLimiter {
  const limiter = new RateLimiter({ ...costRateLimit(shop), ...(clock ? { clock } : {}), ...(store ? { store } : {}) });
  if (!store) void limiter.observe({ window: COST_WINDOW, remaining: 0, mode: 'exact' }).catch(() => undefined);
  return limiter;
}
