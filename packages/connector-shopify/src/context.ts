import type { CallOptions, EventBus, HttpClient } from '@cf/core';
import type { ShopifyEvents } from './events.js';
import type { GraphqlExecutor } from './graphql-client.js';

/** What a resource needs from the connector: the GraphQL funnel and, for downloads and waits, core's clients. */
export interface ShopifyContext {
  /** The funnel every GraphQL call goes through: cost-aware pacing, throttle handling, response metadata. */
  executor: GraphqlExecutor;
  /** The current client (a new one after `disconnect()` + `connect()`). */
  http(): HttpClient;
  /** A credential-less client for a result file's origin (see `DownloadClients`). */
  downloadClient(url: URL): HttpClient;
  /** How many attempts a download may make in a row without delivering a line (the retry policy's `maxAttempts`). */
  downloadAttempts(retry: CallOptions['retry']): number;
  /**
   * Shopify's own events (`apiVersionMismatch`, `deprecation`, `bulkDownloadResume`), emitted to the connector's
   * listeners.
   */
  events: EventBus<ShopifyEvents>;
}

/** A node of a user-chosen selection: only what was asked for, typed by the caller if they wish. */
export type ShopifyNode = Record<string, unknown>;
