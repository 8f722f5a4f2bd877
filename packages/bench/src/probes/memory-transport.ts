import { bytesBody, type Transport } from '@cf/core';

/**
 * A transport that answers every request at once from memory with `bytes` (200, JSON), the whole body at hand
 * through `readAll` as the Node transport gives it: the client's own cost, without a network.
 */
export function memoryTransport(bytes: Uint8Array): Transport {
  return {
    send: async () => {
      const body = bytesBody([bytes]);
      body.readAll = async () => bytes;
      return { status: 200, headers: { 'content-type': 'application/json' }, body };
    },
    close: async () => undefined,
  };
}
