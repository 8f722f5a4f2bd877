import type { HttpClient } from '@cf/core';
import type { GraphqlExecutor } from './graphql-client.js';

/** What a resource needs from the connector: the GraphQL funnel and, for downloads and waits, core's client. */
export interface ShopifyContext {
  executor: GraphqlExecutor;
  /** The current client (a new one after `disconnect()` + `connect()`). */
  http(): HttpClient;
}

/** A node of a user-chosen selection: only what was asked for, typed by the caller if they wish. */
export type ShopifyNode = Record<string, unknown>;
