import { BaseConnector, bearerAuth, withUserOptions, type CoreOptions, type HttpClientOptions, type Stream } from '@cf/core';
import type * as z from '@cf/core/zod';
import { configSchema, DEFAULT_BASE_URL, type {{pascalName}}Config, type {{pascalName}}ConfigParsed } from './config.js';
import { map{{pascalName}}Error } from './errors.js';
import { RATE_LIMIT_WINDOWS } from './limits.js';
import { ItemsResource } from './resources/items.js';
import { {{camelName}}Streams } from './streams.js';
import { USER_AGENT } from './version.js';

/**
 * A typed client for the {{displayName}} API on `@cf/core`: retries, rate limiting, timeouts, typed errors and
 * resumable pagination come from core; this class configures core for the API and wires in the resources.
 *
 * ```ts
 * const client = new {{className}}({ token: process.env.{{envPrefix}}_TOKEN! });
 * for await (const item of client.items.list()) console.log(item.id);
 * ```
 */
export class {{className}} extends BaseConnector<{{pascalName}}ConfigParsed> {
  readonly name = '{{name}}';
  /** Items: `get(id)` and `list()`. */
  readonly items: ItemsResource;

  constructor(config: {{pascalName}}Config) {
    super();
    this.initialize(config);
    // A getter, not the client itself: `connect()` after `disconnect()` builds a new one.
    this.items = new ItemsResource(() => this.http);
  }

  protected configSchema(): z.ZodType<{{pascalName}}ConfigParsed> {
    return configSchema;
  }

  protected httpOptions(config: {{pascalName}}ConfigParsed): HttpClientOptions {
    const { token, ...user } = config;
    return withUserOptions(
      {
        baseUrl: DEFAULT_BASE_URL,
        source: '{{name}}',
        userAgent: USER_AGENT,
        auth: bearerAuth(token),
        rateLimit: { windows: RATE_LIMIT_WINDOWS.map((w) => ({ ...w })) },
        mapError: map{{pascalName}}Error,
      },
      user as CoreOptions,
    );
  }

  /** The tables `sync()` (`@cf/load`) and `cf sync` land: `items` (see src/streams.ts). */
  override streams(): Stream[] {
    return {{camelName}}Streams(this);
  }

  /** Proves the token and reachability with the cheapest call: one item. */
  override async ping(): Promise<void> {
    await this.items.list({ pageSize: 1 }).first();
  }
}
