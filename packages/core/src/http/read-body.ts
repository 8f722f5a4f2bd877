import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ParsingError } from '../errors/error-classes.js';

/** Thrown inside body reading when the cap is hit; turned into a PARSING_ERROR by the funnel. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Response body exceeds the ${limit}-byte limit (maxResponseBytes).`);
  }
}

function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createInflate();
    default:
      return undefined;
  }
}

/**
 * Reads a response body into memory, decoding gzip/br/deflate, and stops at `maxBytes` (of decoded data)
 * so a huge or endless body fails clearly instead of exhausting memory.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  // The attempt's deadline covers the body: an abort destroys it, so a server that drips bytes cannot hold us.
  if (signal?.aborted) {
    discardBody(body);
    throw signal.reason;
  }
  const onAbort = (): void => {
    body.on('error', () => undefined);
    body.destroy(signal?.reason as Error);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await readAll(body, contentEncoding, maxBytes);
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

async function readAll(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const decoder = decoderFor(contentEncoding);
  const source: AsyncIterable<Buffer> = decoder ? (body.pipe(decoder) as unknown as AsyncIterable<Buffer>) : (body as AsyncIterable<Buffer>);
  if (decoder) body.on('error', (err) => (decoder as unknown as Readable).destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    discardBody(body);
    if (decoder) discardBody(decoder as unknown as Readable);
    throw error;
  }
  return Buffer.concat(chunks, total);
}

/** Drops a body we will not read (redirects, 304s) without an unhandled 'error' from the aborted stream. */
export function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Streams decoded body chunks (for large downloads); the caller consumes or destroys it. */
export function decodedStream(body: Readable, contentEncoding: string | undefined): Readable {
  const decoder = decoderFor(contentEncoding);
  if (!decoder) return body;
  body.on('error', (err) => (decoder as unknown as Readable).destroy(err));
  return body.pipe(decoder) as unknown as Readable;
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJson(buffer: Buffer, contentType: string | undefined, context: { source?: string | undefined }): unknown {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ParsingError({
      message: `The API returned a body that is not valid JSON (content-type ${contentType ?? 'none'}, ${buffer.length} bytes): ${(cause as Error).message}.`,
      cause,
      source: context.source,
      details: { snippet: text.slice(0, 200) },
    });
  }
}
