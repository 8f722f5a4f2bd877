import type { ConnectorError } from '../errors/connector-error.js';
import { isConnectorError } from '../errors/guards.js';

/**
 * Awaits a call that must fail with a ConnectorError and returns the error, so a test can assert its code,
 * status and details. A call that resolves (an HTTP error resolved as data) or throws anything else fails.
 */
export async function expectConnectorError(promise: Promise<unknown>): Promise<ConnectorError> {
  let error: unknown;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error('expected the call to fail with a ConnectorError, but it resolved');
  if (!isConnectorError(error)) throw error;
  return error;
}
