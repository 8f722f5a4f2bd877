import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import type { UndiciTransportOptions } from './node-transport.js';

export type { UndiciTransportOptions };

/**
 * What `#node-transport` resolves to in browser and worker bundles: undici (and Node's zlib) stay out of the
 * bundle. Core picks `FetchTransport` there; constructing this one says why it cannot work.
 */
export class UndiciTransport implements Transport {
  constructor(_options: UndiciTransportOptions = {}) {
    throw new TypeError('UndiciTransport needs Node.js (undici); this build is for browsers and workers: use FetchTransport.');
  }

  send(_request: TransportRequest): Promise<TransportResponse> {
    return Promise.reject(new TypeError('UndiciTransport is not available in this runtime.'));
  }

  async close(): Promise<void> {}
}
