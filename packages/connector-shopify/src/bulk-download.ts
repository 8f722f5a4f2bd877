import {
  CancelledError,
  DEFAULT_BACKOFF,
  isConnectorError,
  NetworkError,
  ParsingError,
  TimeoutError,
  type CallOptions,
  type Clock,
  type ConnectorError,
  type HttpClient,
  type StreamResponse,
} from '@cf/core';
import { backoffDelay } from '@cf/core/internal';
import { jsonlEntries, type BulkRecord } from './jsonl.js';

/** Resumes of one download after the connection dropped mid-body. @default 5 */
export const DEFAULT_MAX_RESUMES = 5;

export interface ResumableDownload {
  client: HttpClient;
  clock: Clock;
  url: string;
  /** Resumes allowed after a cut (0: none). */
  maxResumes: number;
  /**
   * Attempts in a row that may end cut before a new complete line arrived: the retry policy's `maxAttempts`. Such a
   * cut delivered nothing, so asking again is a retry like any other, not a resume of progress.
   */
  maxAttempts: number;
  /** Start at this byte of the file: a line boundary, e.g. `details.bytesDelivered` of an earlier error. */
  fromByte: number;
  call: CallOptions;
  onResume: (event: { requestId: string; resume: number; fromByte: number; objectsDelivered: number; reason: string }) => void;
}

/** Where a download stands: bytes up to the end of the last complete line handed on, and objects handed on. */
interface Progress {
  bytes: number;
  objects: number;
  line: number;
  resumes: number;
  /** Attempts in a row that ended cut before a new complete line arrived. */
  stalled: number;
  /** False once the host showed it cannot serve byte ranges of what it sends (compressed bodies). */
  ranged: boolean;
}

/**
 * Streams a JSONL result file record by record, and survives the connection dropping mid-body: it asks again
 * for the bytes after the last complete line (`Range: bytes=N-`; signed storage URLs honour it with 206), or,
 * from a host that ignores Range (200), reads the file again and skips the bytes already delivered. Every record
 * is handed on exactly once; after `maxResumes` cuts, a typed error says how far it got.
 */
export async function* resumableJsonl(d: ResumableDownload): AsyncGenerator<BulkRecord, void, undefined> {
  const progress: Progress = { bytes: d.fromByte, objects: 0, line: 0, resumes: 0, stalled: 0, ranged: true };
  for (;;) {
    const response = await open(d, progress);
    if (!response) return;
    const startedAt = progress.bytes;
    try {
      const skip = response.status === 206 || progress.bytes === 0 ? 0 : progress.bytes;
      const body = skip > 0 ? skipBytes(response.body, skip) : response.body;
      for await (const entry of jsonlEntries(body, { startByte: progress.bytes, startLine: progress.line })) {
        progress.bytes = entry.end;
        progress.line = entry.line;
        progress.objects += 1;
        yield entry.record;
      }
      return;
    } catch (error) {
      if (!isCut(error, d.call.signal)) throw withProgress(error, progress);
      progress.stalled = progress.bytes > startedAt ? 0 : progress.stalled + 1;
      if (progress.stalled >= d.maxAttempts) throw interrupted(error, progress, `(${progress.stalled} in a row before a complete line arrived; retry.maxAttempts: ${d.maxAttempts})`);
      if (progress.resumes >= d.maxResumes) throw interrupted(error, progress, `(maxResumes: ${d.maxResumes})`);
      progress.resumes += 1;
      d.onResume({ requestId: response.requestId, resume: progress.resumes, fromByte: progress.bytes, objectsDelivered: progress.objects, reason: `${error.code}: ${error.message}` });
      await pause(d, progress.resumes);
    } finally {
      response.body.destroy();
    }
  }
}

/** Requests the file from `progress.bytes`; undefined when nothing is left (416 after a complete last line). */
async function open(d: ResumableDownload, progress: Progress): Promise<StreamResponse | undefined> {
  for (;;) {
    const range: Record<string, string> = progress.bytes > 0 && progress.ranged ? { range: `bytes=${progress.bytes}-` } : {};
    let response: StreamResponse;
    try {
      response = await d.client.stream({ ...d.call, headers: { ...d.call.headers, ...range }, url: d.url, method: 'GET', rateLimiter: false, operation: 'bulk.download' });
    } catch (error) {
      // The file ends exactly where the last complete line did.
      if (isConnectorError(error) && error.status === 416 && progress.bytes > 0) return undefined;
      throw withProgress(error, progress);
    }
    // A compressed body's offsets are not the decoded bytes counted here: never ask that host for a range again.
    const encoding = response.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') progress.ranged = false;
    if (response.status !== 206 || progress.bytes === 0) return response;
    if (rangeStart(response.headers['content-range']) === progress.bytes) return response;
    // A range other than the one asked for: read the whole file again instead.
    response.body.destroy();
    progress.ranged = false;
  }
}

function rangeStart(header: string | undefined): number | undefined {
  const match = header === undefined ? null : /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header.trim());
  return match ? Number(match[1]) : undefined;
}

/** Drops the first `count` bytes of a stream (a whole file sent again by a host that ignored Range). */
async function* skipBytes(chunks: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
  if (left > 0) {
    throw new ParsingError({
      message: `The bulk result file is ${count - left} bytes long, shorter than the ${count} bytes already delivered from it: it is not the same file.`,
      source: 'shopify',
      details: { bytesDelivered: count },
    });
  }
}

/** A body that stopped mid-way for a reason a new request may not meet: the connection, or a silence past the timeout. */
function isCut(error: unknown, signal: AbortSignal | undefined): error is ConnectorError {
  if (signal?.aborted || !isConnectorError(error)) return false;
  return error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT';
}

function progressDetails(progress: Progress): Record<string, unknown> {
  return { objectsDelivered: progress.objects, bytesDelivered: progress.bytes, resumes: progress.resumes };
}

/** Any other failure after records were handed on: it says how far the download got, and is not "retry me". */
function withProgress(error: unknown, progress: Progress): unknown {
  if (!isConnectorError(error) || progress.objects === 0) return error;
  error.details = { ...error.details, ...progressDetails(progress) };
  error.message = `${error.message} (after ${progress.objects} objects, ${progress.bytes} bytes of the result were delivered)`;
  // Starting the download again would deliver those objects twice.
  error.retryable = false;
  return error;
}

/** The download gave up after cuts: `why` says which limit it reached. */
function interrupted(cause: ConnectorError, progress: Progress, why: string): ConnectorError {
  const cuts = progress.resumes + 1;
  const options = {
    message:
      `The bulk result download was interrupted ${cuts} time${cuts === 1 ? '' : 's'} (last: ${cause.message}) and gave up ` +
      `${why} after ${progress.objects} objects (${progress.bytes} bytes) had been delivered, each once. ` +
      `To read the rest, call bulk.download(url, { fromByte: ${progress.bytes} }) while the URL is valid (7 days).`,
    cause,
    retryable: false,
    source: 'shopify',
    details: { ...cause.details, reason: 'bulk_download_interrupted', ...progressDetails(progress) },
  };
  return cause.code === 'TIMEOUT' ? new TimeoutError(options) : new NetworkError(options);
}

/** Waits before resume `n` (1 s, 2 s, 4 s, … up to 30 s, on the connector's clock), ending at once on abort. */
async function pause(d: ResumableDownload, n: number): Promise<void> {
  try {
    await d.clock.sleep(backoffDelay(n, DEFAULT_BACKOFF), d.call.signal);
  } catch (cause) {
    throw new CancelledError({ message: 'The bulk result download was cancelled by the caller.', cause, source: 'shopify' });
  }
}
