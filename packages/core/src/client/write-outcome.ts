import type { ConnectorError } from '../errors/connector-error.js';
import { wasNeverSent } from '../errors/guards.js';

/**
 * Whether a failed attempt that was handed to the transport may have changed the API's data. A refusal proves
 * it did not: a rate limit, a connection never made, a 4xx (including 408: the server never read the whole
 * request). Anything else that left this machine — a 5xx, a timeout, a reset, a cancellation after sending —
 * may have been applied.
 */
export function attemptMayHaveApplied(error: ConnectorError): boolean {
  if (error.code === 'RATE_LIMIT') return false;
  if (wasNeverSent(error)) return false;
  const status = error.status;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return true;
}
