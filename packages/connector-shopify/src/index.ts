export { ShopifyConnector } from './connector.js';
export { DEFAULT_API_VERSION, type ShopifyOptions } from './config.js';
export type { ShopifyContext, ShopifyNode } from './context.js';
export type { GraphqlCallOptions, GraphqlResult, ShopifyResponseMeta } from './graphql-client.js';
export type { ShopifyEvents, ShopifyEventName } from './events.js';
export {
  COST_WINDOW,
  DEFAULT_BUCKET_SIZE,
  DEFAULT_RESTORE_RATE,
  MAX_PAGE_SIZE,
  MAX_SINGLE_QUERY_COST,
  type QueryCost,
  type ThrottleStatus,
} from './cost.js';
export { estimateOperationCost, MUTATION_COST } from './cost-estimate.js';
export { parseDocument, parseSelection, GraphqlSyntaxError, type GraphqlDocument } from './graphql-document.js';
export { gidSchema, gidToBigInt, gidToId, isGid, parseGid, requireGid, toGid, type Gid, type ParsedGid } from './gid.js';
export { decimalString, moneyBagSchema, moneySchema, userErrorSchema, type Money, type MoneyBag, type UserError } from './schemas.js';
export { type SyncCheckpoint, type SyncStart } from './sync-checkpoint.js';
export { jsonLines, nestByParentId, type BulkRecord } from './jsonl.js';
export { type ChangedSinceOptions, type ListOptions, type SyncNode } from './resources/connection-resource.js';
export * from './resources/products.js';
export * from './resources/orders.js';
export * from './resources/customers.js';
export * from './resources/inventory.js';
export * from './resources/collections.js';
export * from './resources/shop.js';
export * from './resources/bulk.js';
export { metadata } from './metadata.js';
export { shopifyWebhookReceiver, SHOPIFY_MAX_BODY_BYTES, type ShopifyWebhookReceiverOptions, type ShopifyTopicHandlers } from './webhooks/receiver.js';
export { shopifyWebhookSource, SHOPIFY_RETRY_WINDOW_MS, type ShopifyWebhookSourceOptions } from './webhooks/source.js';
export {
  isShopifyTopic,
  PRIVACY_TOPICS,
  type ShopifyTopic,
  type ShopifyTopicPayloads,
  type ShopifyWebhook,
  type ShopifyWebhookOf,
  type ShopifyOtherWebhook,
  type ShopifyWebhookHeaders,
} from './webhooks/topics.js';
export * from './webhooks/payloads.js';
export { shopifyDeletion, type ShopifyDeletion } from './webhooks/deletions.js';
