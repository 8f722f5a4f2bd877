// The public surface of `@cf/core`: what users of a connector, and authors of one, rely on. Named exports only, so
// nothing becomes public by accident. Helpers the connectors, the CLI and the other workspace packages share but users
// should not depend on live in `@cf/core/internal` (src/internal.ts), which carries no semver promise.

// Errors: the classes, their codes and names, and the guards.
export {
  ConnectorError,
  CONNECTOR_ERROR_MARK,
  type ConnectorErrorOptions,
  type ErrorDetails,
  type WriteOutcome,
} from './errors/connector-error.js';
export {
  NetworkError,
  TimeoutError,
  AuthError,
  RateLimitError,
  InvalidRequestError,
  NotFoundError,
  ServerError,
  ParsingError,
  ValidationError,
  CancelledError,
  CircuitOpenError,
  UnsupportedError,
  ClientClosedError,
} from './errors/error-classes.js';
export {
  WebhookMethodError,
  WebhookPayloadTooLargeError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookPayloadError,
  type WebhookErrorOptions,
} from './errors/webhook-errors.js';
export { ERROR_CODES, ERROR_NAMES, type ErrorCode } from './errors/error-codes.js';
export {
  isConnectorError,
  hasErrorCode,
  isRateLimitError,
  isAuthError,
  isNotFoundError,
  isTimeoutError,
  isCancelledError,
  isCircuitOpenError,
  isValidationError,
  isWebhookError,
} from './errors/guards.js';

// Time: the clock every timed policy reads, and the fake one for tests.
export { systemClock, type Clock } from './time/clock.js';
export { FakeClock } from './time/fake-clock.js';

// Auth: the providers, the only way credentials reach a request (and so the redactor).
export { noAuth, type AuthProvider, type AuthTarget, type AuthEnvironment } from './auth/auth-provider.js';
export { apiKeyAuth, bearerAuth, basicAuth } from './auth/static-auth.js';
export { oauth2Auth, type OAuth2Options } from './auth/oauth2-auth.js';
export { refreshingTokenAuth, type RefreshingTokenOptions, type RefreshingAuthProvider, type ExpiringToken } from './auth/refreshing-token-auth.js';

// Policies: retry, circuit breaker, rate limiter, concurrency limiter, and their defaults.
export { DEFAULT_RETRY, type RetryOptions, type RetryOverrides } from './policies/retry-policy.js';
export { DEFAULT_BACKOFF, type BackoffOptions } from './backoff/exponential-backoff.js';
export {
  CircuitBreaker,
  DEFAULT_CIRCUIT_BREAKER,
  type CircuitBreakerOptions,
  type CircuitState,
  type CircuitSnapshot,
  type CircuitStateChange,
  type CircuitPermit,
} from './policies/circuit-breaker.js';
export {
  RateLimiter,
  type RateLimiterOptions,
  type RateLimitWait,
  type AcquireOptions,
  type RateLimitSnapshot,
} from './policies/rate-limiter.js';
export { ConcurrencyLimiter, DEFAULT_CONCURRENCY, type ConcurrencyOptions } from './policies/concurrency-limiter.js';

// Rate-limit stores: where a limiter keeps its windows (memory here; Redis in @cf/store-redis), and quota headers.
export { type RateLimitStore, type RateWindow, type ConsumeResult, type QuotaObservation } from './store/rate-limit-store.js';
export { MemoryRateLimitStore } from './store/memory-rate-limit-store.js';
export { quotaFromHeaders, STANDARD_QUOTA_HEADERS, type QuotaHeaderNames } from './http/quota-headers.js';

// Pagination: every list is a Paginated.
export { Paginated, paginate, type PaginateOptions, type Page, type PageResult, type JsonValue } from './pagination/paginated.js';
export { cursorPagination, offsetPagination, pagePagination, linkHeaderPagination } from './pagination/strategies.js';

// Client and connector: the request funnel, its options and types, and the base every connector extends.
export { HttpClient, type StreamResponse } from './client/http-client.js';
export {
  type HttpClientOptions,
  type ErrorContext,
  type RateLimitAnswerContext,
  type QuotaContext,
  type ResponseContext,
} from './client/options.js';
export { type HttpMethod, type CallOptions, type RequestSpec, type ResponseMeta, type ApiResponse } from './client/request-types.js';
export { type HeaderMap } from './http/headers.js';
export { type QueryParams, type QueryValue } from './http/url.js';
export { BaseConnector } from './connector/base-connector.js';
export { coreOptionsSchema, withUserOptions, type CoreOptions, type CoreOptionsInput } from './connector/connector-options.js';

// Input validation: a typed VALIDATION_ERROR before the network.
export { validateInput, zodToValidationError } from './validation/parse.js';

// Events, hooks and logging.
export { EventBus, type ConnectorEvents, type EventName } from './hooks/events.js';
export { type Hooks, type Hook, type AttemptState } from './hooks/hooks.js';
export { type Logger } from './hooks/logger.js';

// Response cache.
export { MemoryResponseCache, type ResponseCache, type CachedResponse } from './http/response-cache.js';

// Transport: what sends the bytes. undici on Node (loaded on the first request), fetch everywhere else; a test
// double or a proxy-aware one when given.
export { type Transport, type TransportRequest, type TransportResponse, type ResponseBody } from './http/transport.js';
export { UndiciTransport, type UndiciTransportOptions } from '#node-transport';
export { FetchTransport, type FetchTransportOptions } from './http/fetch-transport.js';
export { defaultTransport, isNodeRuntime, isBrowserRuntime } from './http/default-transport.js';
export { bytesBody, webStreamBody } from './http/response-body.js';

// Redaction.
export { createRedactor, REDACTED, type Redactor, type RedactorOptions } from './http/redact.js';

// Metadata: what a connector declares about itself (read by the registry and the CLI).
export {
  defineMetadata,
  connectorMetadataSchema,
  type ConnectorMetadata,
  type CredentialLocation,
  type StreamDeclaration,
} from './metadata/connector-metadata.js';
export { parseStreamParams } from './streams/stream-params.js';
export { defineStreams, type Stream, type StreamPage, type StreamReadArgs, type StreamImplementation } from './streams/stream.js';

// Webhooks: a receiver on web Request/Response (Node's http and Express through toNodeListener), its dedupe store
// (memory here; Redis in @cf/store-redis), and what an API's source is built from (WebCrypto HMAC, timestamps).
export { WebhookReceiver, createWebhookReceiver, type WebhookFetchOptions } from './webhooks/webhook-receiver.js';
export {
  DEFAULT_WEBHOOK_RECEIVER,
  type WebhookReceiverOptions,
  type WebhookContext,
  type WebhookHandler,
  type WebhookErrorInfo,
} from './webhooks/receiver-options.js';
export { type WebhookOutcome, type WebhookDeliveryEvent, type WebhookReceiverEvents } from './webhooks/receiver-events.js';
export { type WebhookSource, type ReceivedEvent } from './webhooks/webhook-source.js';
export { type WebhookDelivery } from './webhooks/webhook-delivery.js';
export { type WebhookDedupeStore, type WebhookClaimState } from './webhooks/dedupe-store.js';
export { MemoryWebhookDedupeStore, type MemoryWebhookDedupeOptions } from './webhooks/memory-dedupe-store.js';
export { toNodeListener, type NodeListenerOptions, type NodeServerResponse, type WebFetchHandler } from './webhooks/node-listener.js';
export { toWebRequest, type NodeIncomingMessage, type NodeRequestOptions } from './webhooks/node-request.js';
export { importHmacKey, hmacSha256, verifyHmacSha256, sha256, type WebCryptoKey } from './webhooks/hmac.js';
export { timingSafeEqual } from './webhooks/timing-safe-equal.js';
export { checkTimestamp, type TimestampCheck } from './webhooks/timestamp.js';
