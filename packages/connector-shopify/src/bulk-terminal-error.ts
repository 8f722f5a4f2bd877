import { AuthError, CancelledError, InvalidRequestError, ServerError, TimeoutError, type ConnectorError } from '@cf/core';
import type { BulkOperation } from './resources/bulk.js';

/** The typed error of an operation that ended without completing (FAILED, CANCELED, EXPIRED); undefined otherwise. */
export function terminalError(op: BulkOperation): ConnectorError | undefined {
  const details = { bulkOperationId: op.id, status: op.status, errorCode: op.errorCode, partialDataUrl: op.partialDataUrl };
  switch (op.status) {
    case 'FAILED':
      if (op.errorCode === 'ACCESS_DENIED') {
        return new AuthError({ message: `Bulk operation ${op.id} failed: ACCESS_DENIED. Run the query as a normal call to see which scope is missing.`, source: 'shopify', details });
      }
      if (op.errorCode === 'TIMEOUT') {
        return new TimeoutError({ message: `Bulk operation ${op.id} failed: the query timed out on Shopify. Select fewer fields and run it again.`, retryable: false, source: 'shopify', details });
      }
      return new ServerError({
        message: `Bulk operation ${op.id} failed (${op.errorCode ?? 'no error code'}). Shopify says these may be intermittent: run it again.${op.partialDataUrl ? ' Partial data is at partialDataUrl.' : ''}`,
        retryable: false,
        source: 'shopify',
        details,
      });
    case 'CANCELED':
      return new CancelledError({ message: `Bulk operation ${op.id} was cancelled.`, source: 'shopify', details });
    case 'EXPIRED':
      return new InvalidRequestError({ message: `Bulk operation ${op.id} expired before it completed; start it again.`, source: 'shopify', details: { ...details, reason: 'bulk_expired' } });
    default:
      return undefined;
  }
}
