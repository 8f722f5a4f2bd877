/** Shopify's own events, on top of core's (`shopify.on('apiVersionMismatch', ...)`). */
export interface ShopifyEvents {
  /** The server answered with another API version than the one requested (Shopify "falls forward" from unsupported versions). */
  apiVersionMismatch: { requested: string; served: string; requestId: string; operation: string | undefined };
  /** The response carried `X-Shopify-API-Deprecated-Reason`: the call used something that will be removed. */
  deprecation: { reason: string; requestId: string; operation: string | undefined; apiVersion: string };
}

export type ShopifyEventName = keyof ShopifyEvents;
