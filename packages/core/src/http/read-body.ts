import { ParsingError } from '../errors/error-classes.js';
import type { AbortSource } from './deadline.js';
import type { ResponseBody } from './transport.js';

/** Thrown inside body reading when the cap is hit; turned into a PARSING_ERROR by the funnel. */
export class BodyTooLargeError extends Error {
  /** @param limit - The cap that was exceeded, in bytes (`maxResponseBytes`). */
  constructor(readonly limit: number) {
    super(`Response body exceeds the ${limit}-byte limit (maxResponseBytes).`);
  }
}

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder();

/**
 * Reads a (decoded) response body into memory and stops at `maxBytes`, so a huge or endless body fails clearly
 * instead of exhausting memory. The attempt's deadline covers the body: an abort cancels it with its reason.
 */
export async function readBody(body: ResponseBody, maxBytes: number, abort?: AbortSource): Promise<Uint8Array> {
  if (abort?.aborted) {
    body.cancel();
    throw abort.reason;
  }
  const stop = abort?.onAbort((reason) => body.cancel(reason));
  try {
    return await readAll(body, maxBytes);
  } catch (error) {
    throw abort?.aborted ? abort.reason : error;
  } finally {
    stop?.();
  }
}

async function readAll(body: ResponseBody, maxBytes: number): Promise<Uint8Array> {
  if (body.readAll) {
    try {
      return await body.readAll(maxBytes);
    } catch (error) {
      body.cancel();
      throw error;
    }
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    body.cancel();
    throw error;
  }
  return concatBytes(chunks, total);
}

/** Joins chunks into one array (no copy for a single chunk). */
export function concatBytes(chunks: readonly Uint8Array[], total = chunks.reduce((n, c) => n + c.byteLength, 0)): Uint8Array {
  if (chunks.length === 0) return EMPTY;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** UTF-8 text of a body. */
export function bytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Drops a body we will not read (redirects, 304s, late answers) and frees its connection. */
export function discardBody(body: ResponseBody): void {
  body.cancel();
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJson(bytes: Uint8Array, contentType: string | undefined, context: { source?: string | undefined }): unknown {
  if (bytes.byteLength === 0) return undefined;
  const text = bytesToText(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ParsingError({
      message: `The API returned a body that is not valid JSON (content-type ${contentType ?? 'none'}, ${bytes.byteLength} bytes): ${(cause as Error).message}.`,
      cause,
      source: context.source,
      details: { snippet: text.slice(0, 200) },
    });
  }
}
