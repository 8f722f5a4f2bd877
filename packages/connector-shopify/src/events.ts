/** Shopify's own events, on top of core's (`shopify.on('apiVersionMismatch', ...)`). */
export interface ShopifyEvents {
  /** The server answered with another API version than the one requested (Shopify "falls forward" from unsupported versions). */
  apiVersionMismatch: { requested: string; served: string; requestId: string; operation: string | undefined };
  /** The response carried `X-Shopify-API-Deprecated-Reason`: the call used something that will be removed. */
  deprecation: { reason: string; requestId: string; operation: string | undefined; apiVersion: string };
  /**
   * A bulk result download was cut mid-body and is resumed from `fromByte`, the byte after the last complete
   * line (with `Range`, or by reading the file again and skipping what was delivered when the host ignores it).
   */
  bulkDownloadResume: { requestId: string; resume: number; fromByte: number; objectsDelivered: number; reason: string };
}

/** The name of one of Shopify's own events (a key of `ShopifyEvents`). */
export type ShopifyEventName = keyof ShopifyEvents;
