import { DEFAULT_RETRY, HttpClient, type CallOptions, type CoreOptions, type EventBus, type Transport } from '@cf/core';
import { CORE_EVENT_NAMES } from '@cf/core/internal';
import type { ShopifyConfig } from './config.js';

/** Query parameters of a signed storage URL that are secrets (kept out of logs, events and errors). */
export const SIGNED_URL_PARAMS = ['signature', 'x-goog-signature', 'x-goog-credential', 'googleaccessid'];

export interface DownloadClientsOptions {
  config: () => ShopifyConfig;
  userAgent: string;
  /** Where core's events of downloads go: the connector's current client, whose events users subscribe to. */
  events: () => EventBus;
}

/**
 * Bulk result files are fetched through core's funnel (retries, timeouts, typed errors, redaction), by a client of
 * their own per origin that holds no credentials, default headers or hooks. The connector's main client sends the
 * shop token to its own origin, which is where a proxy or a mock serves result files too; and it sends per-call
 * headers such as `Range` to its own origin only. On its own origin, a download client sends `Range` and nothing
 * secret. Core's events of downloads are forwarded to the connector's listeners.
 */
export class DownloadClients {
  private readonly clients = new Map<string, HttpClient>();

  constructor(private readonly options: DownloadClientsOptions) {}

  /** The client for `url`'s origin (created on first use). */
  for(url: URL): HttpClient {
    let client = this.clients.get(url.origin);
    if (!client || client.isClosed) {
      client = this.create(url.origin);
      this.clients.set(url.origin, client);
    }
    return client;
  }

  /**
   * The attempts a call may make, as core counts them for its requests: none repeated when the client's or the
   * call's `retry` is false, else the call's `maxAttempts`, the client's, or core's default.
   */
  attempts(retry: CallOptions['retry']): number {
    const configured = (this.options.config() as unknown as CoreOptions).retry;
    if (retry === false || configured === false) return 1;
    return retry?.maxAttempts ?? configured?.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  }

  /** Drains and closes every download client (on `disconnect()`). */
  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((c) => c.close()));
  }

  private create(origin: string): HttpClient {
    const config = this.options.config() as unknown as CoreOptions;
    const client = new HttpClient({
      baseUrl: origin,
      source: 'shopify',
      userAgent: config.userAgent === undefined ? this.options.userAgent : `${config.userAgent} ${this.options.userAgent}`,
      rateLimit: false,
      redact: { params: SIGNED_URL_PARAMS },
      ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
      ...(config.retry !== undefined ? { retry: config.retry } : {}),
      ...(config.circuitBreaker !== undefined ? { circuitBreaker: config.circuitBreaker } : {}),
      ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
      ...(config.clock !== undefined ? { clock: config.clock } : {}),
      ...(config.logger !== undefined ? { logger: config.logger } : {}),
      ...(config.requestIdHeader !== undefined ? { requestIdHeader: config.requestIdHeader } : {}),
      // The user's transport is shared with the main client: this client must not close it.
      ...(config.transport !== undefined ? { transport: unclosable(config.transport) } : {}),
    });
    for (const name of CORE_EVENT_NAMES) {
      client.events.on(name as never, (payload: never) => this.options.events().emit(name as never, payload));
    }
    return client;
  }
}

function unclosable(transport: Transport): Transport {
  return { send: (request) => transport.send(request), close: async () => undefined };
}
