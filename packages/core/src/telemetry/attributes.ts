/**
 * Attribute names: OpenTelemetry's HTTP client semantic conventions where they apply (stable since semconv 1.23),
 * `cf.*` for what is ours. Kept here rather than importing @opentelemetry/semantic-conventions: one fewer peer.
 */
export const ATTR = {
  httpMethod: 'http.request.method',
  httpStatus: 'http.response.status_code',
  resendCount: 'http.request.resend_count',
  urlFull: 'url.full',
  urlTemplate: 'url.template',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  errorType: 'error.type',
  requestId: 'cf.request_id',
  operation: 'cf.operation',
  source: 'cf.source',
  attempt: 'cf.attempt',
  attempts: 'cf.attempts',
  retryReason: 'cf.retry.reason',
  retryDelayMs: 'cf.retry.delay_ms',
  retryServerDelay: 'cf.retry.server_delay',
  rateLimitWaitMs: 'cf.rate_limit.wait_ms',
  rateLimitWindow: 'cf.rate_limit.window',
  rateLimitReason: 'cf.rate_limit.reason',
  circuitState: 'cf.circuit.state',
  circuitKey: 'cf.circuit.key',
  circuitFrom: 'cf.circuit.from',
  resource: 'cf.resource',
} as const;

/** `server.address` and `server.port` of a (redacted) URL; nothing when it does not parse. */
export function serverAttributes(url: string): Record<string, string | number> {
  try {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
    return { [ATTR.serverAddress]: parsed.hostname, [ATTR.serverPort]: port };
  } catch {
    return {};
  }
}

/**
 * The low-cardinality path template of an operation, e.g. `/v2/hex/{hex}`. Core reports an operation's URL
 * before filling its path parameters, so a URL without a query string is its template; one with a query (an
 * absolute pagination link) is not, and gets none.
 */
export function urlTemplate(operationUrl: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return explicit;
  if (operationUrl.includes('?')) return undefined;
  try {
    return decodeURI(new URL(operationUrl).pathname);
  } catch {
    return undefined;
  }
}
