import { BaseConnector, bearerAuth, coreOptionsSchema, withUserOptions, type CoreOptions, type HttpClientOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { map{{pascalName}}Error } from './map-error.js';
import { ItemsResource } from './resources/items.js';
import { VERSION } from './version.js';

/** The API's host and path prefix; `baseUrl` replaces it (a proxy, a regional host, the mocks in tests). */
export const DEFAULT_BASE_URL = '{{baseUrl}}';

const configSchema = z.extend(coreOptionsSchema, {
  /** The API token, from `{{envPrefix}}_TOKEN` in the README's examples. */
  token: z.string().check(z.minLength(1, 'must not be empty')),
});
type ParsedConfig = z.infer<typeof configSchema>;

/** `token` plus core's options (`baseUrl`, `timeoutMs`, `retry`, `rateLimit`, `logger`, ...). */
export type {{pascalName}}Config = { token: string } & CoreOptions;

/**
 * A typed client for the {{displayName}} API on `@cf/core`: retries, rate limiting, timeouts, typed errors and
 * resumable pagination come from core; this class configures core for the API and wires in the resources.
 *
 * ```ts
 * const client = new {{className}}({ token: process.env.{{envPrefix}}_TOKEN! });
 * for await (const item of client.items.list()) console.log(item.id);
 * ```
 */
export class {{className}} extends BaseConnector<ParsedConfig> {
  readonly name = '{{name}}';
  /** Items: `get(id)` and `list()`. */
  readonly items: ItemsResource;

  constructor(config: {{pascalName}}Config) {
    super();
    this.initialize(config);
    // A getter, not the client itself: `connect()` after `disconnect()` builds a new one.
    this.items = new ItemsResource(() => this.http);
  }

  protected configSchema(): z.ZodType<ParsedConfig> {
    return configSchema;
  }

  protected httpOptions(config: ParsedConfig): HttpClientOptions {
    const { token, ...user } = config;
    return withUserOptions(
      {
        baseUrl: DEFAULT_BASE_URL,
        source: '{{name}}',
        userAgent: `{{packageName}}/${VERSION}`,
        auth: bearerAuth(token),
        // Replace with the API's documented limit, and cite it in the README's limits table and src/metadata.ts.
        rateLimit: { windows: [{ name: 'requests', limit: 10, intervalMs: 1_000 }] },
        mapError: map{{pascalName}}Error,
      },
      user as CoreOptions,
    );
  }

  /** Proves the token and reachability with the cheapest call: one item. */
  override async ping(): Promise<void> {
    await this.items.list({ pageSize: 1 }).first();
  }
}
