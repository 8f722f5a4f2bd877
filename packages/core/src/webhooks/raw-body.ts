import { WebhookPayloadError, WebhookPayloadTooLargeError } from '../errors/webhook-errors.js';
import { concatBytes } from '../http/read-body.js';

/**
 * Reads a request's raw body once, as bytes (signatures are over the exact bytes sent, never a re-serialization),
 * and never more than `maxBytes`: a Content-Length over the cap is refused before a byte is read, and a body that
 * streams past it (chunked, or lying about its length) is cancelled as soon as it crosses it.
 */
export async function readRawBody(request: Request, maxBytes: number, source: string): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await cancel(request.body);
    throw tooLarge(maxBytes, source, Number(declared));
  }
  if (request.body === null) return new Uint8Array(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done) break;
      const value: Uint8Array = result.value;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, source);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof WebhookPayloadTooLargeError) throw error;
    throw new WebhookPayloadError({ message: 'The request body could not be read (the sender closed the connection mid-body?).', source, cause: error, details: { reason: 'unreadable' } });
  } finally {
    reader.releaseLock();
  }
  return concatBytes(chunks, total);
}

function tooLarge(maxBytes: number, source: string, declared?: number): WebhookPayloadTooLargeError {
  return new WebhookPayloadTooLargeError({
    message: `The body is over the ${maxBytes}-byte limit (maxBodyBytes)${declared === undefined ? '' : `: Content-Length ${declared}`}.`,
    source,
    details: { limitBytes: maxBytes, ...(declared === undefined ? {} : { contentLength: declared }) },
  });
}

async function cancel(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (body && !body.locked) await body.cancel().catch(() => undefined);
}
