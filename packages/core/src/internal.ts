// `@cf/core/internal`: helpers shared by core, the connectors, the CLI and the other workspace packages.
// NO SEMVER PROMISE: anything here may change or go away in any release, patch releases included. Users of a
// connector import from `@cf/core`; a connector imports from here only what `@cf/core` does not offer.

// URLs: base URL normalisation, path templates, query strings.
export { normalizeBaseUrl, fillPath, buildUrl, appendQuery } from './http/url.js';

// Header maps.
export { toHeaderMap, sanitizeHeaders } from './http/headers.js';

// Option schemas and their validation at the edge.
export { httpClientOptionsSchema, timeoutMsSchema, headersSchema, retrySchema, validateHttpClientOptions } from './client/options.js';

// Server-given waits: Retry-After and rate-limit reset headers.
export { parseRetryAfter, parseResetHeader, serverRetryDelay } from './http/retry-after.js';

// Retry and breaker decisions, backoff arithmetic, the per-origin breaker registry.
export { decideRetry, isIdempotentMethod, type RetryContext, type RetryDecision } from './policies/retry-policy.js';
export { backoffDelay, withJitter } from './backoff/exponential-backoff.js';
export { breakerOutcome } from './policies/circuit-breaker.js';
export { BreakerRegistry } from './policies/breaker-registry.js';

// Errors from HTTP statuses and API bodies (for `mapError`).
export { errorForStatus, defaultMessageForStatus, RETRYABLE_STATUSES } from './errors/http-error-factory.js';
export { extractMessage } from './client/response-to-error.js';

// Response bodies: bounded reading, bytes to text, JSON parsing.
export { readBody, discardBody, parseJson, concatBytes, bytesToText, BodyTooLargeError } from './http/read-body.js';

// Credential exchanges through the client's transport (an auth provider's own token request).
export { postTokenRequest, type TokenEndpointRequest, type TokenEndpointAnswer } from './auth/token-request.js';
export { untilAborted } from './time/until-aborted.js';

// Response cache lifetimes, Link headers.
export { cacheLifetimeMs } from './http/response-cache.js';
export { parseLinkHeader } from './pagination/link-header.js';

// Hooks, events, logging, redaction defaults.
export { runHooks } from './hooks/hooks.js';
export { CORE_EVENT_NAMES } from './hooks/events.js';
export { silentLogger } from './hooks/logger.js';
export { DEFAULT_SECRET_HEADERS, DEFAULT_SECRET_PARAMS } from './http/redact.js';

// Webhooks: byte encodings for signatures (web APIs only), a delivery built from a request (to test a source).
export { utf8 as utf8Bytes, joinBytes, bytesToBase64, base64ToBytes, bytesToHex, hexToBytes } from './webhooks/bytes.js';
export { createDelivery } from './webhooks/webhook-delivery.js';
export { readRawBody } from './webhooks/raw-body.js';
export { deliveryHeader, requiredDeliveryHeader, signingSecretsSchema } from './webhooks/delivery-headers.js';
