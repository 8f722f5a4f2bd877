import { isConnectorError, type ConnectorError } from '@cf/core';
import type { BatchErrorBody } from './schemas.js';

/** One input HubSpot did not process, or an error it could not tie to an input (`index` undefined). */
export interface BatchFailure<I> {
  /** The input's position in the array you passed. */
  index: number | undefined;
  /** The input itself, as you passed it; undefined when HubSpot reported an error it did not tie to an input. */
  input: I | undefined;
  /** HubSpot's category (`OBJECT_NOT_FOUND`, `VALIDATION_ERROR`...) or core's code when a whole request failed. */
  category: string | undefined;
  /** HubSpot's message for this input, or the failed request's message when the whole request failed. */
  message: string;
  /** HubSpot's `context` (e.g. `{ ids: ['999'] }`). */
  context: Record<string, unknown> | undefined;
  /** Set when the whole request carrying this input failed (after core's retries). */
  error?: ConnectorError;
}

/** Everything a batch call did: the records processed and one failure per input that was not. */
export interface BatchResult<T, I> {
  /** The records HubSpot processed, in the order it returned them (not necessarily the inputs' order). */
  results: T[];
  /**
   * One entry per input HubSpot did not process (207 Multi-Status) or whose request failed; empty when all went
   * through.
   */
  errors: Array<BatchFailure<I>>;
}

export interface ChunkOutcome<T> {
  results: T[];
  errors: BatchErrorBody[];
}

export interface RunChunksOptions<I, T> {
  inputs: readonly I[];
  chunkSize: number;
  concurrency: number;
  /** Sends one chunk; `offset` is the index of its first input. */
  send: (chunk: readonly I[], offset: number) => Promise<ChunkOutcome<T>>;
  /** The indexes (into `inputs`) an error entry refers to. */
  locate: (error: BatchErrorBody, chunk: readonly I[], offset: number) => number[];
  /** Adds advice to a whole-chunk failure (e.g. that a create may have been applied). */
  explain?: (error: ConnectorError) => ConnectorError;
  /** Maps what was done back to the caller's inputs (e.g. after sending repeated ids once), partial results too. */
  finish?: (result: BatchResult<T, I>) => BatchResult<T, I>;
}

/** Errors after which every further chunk would fail the same way: stop and throw. */
const FATAL = new Set(['AUTH_FAILED', 'CANCELLED', 'CLIENT_CLOSED', 'RATE_LIMIT', 'CIRCUIT_OPEN']);

/**
 * Splits inputs into HubSpot-sized chunks and sends them a few at a time (each through the rate limiter).
 * A 207's per-input errors and a chunk that failed as a whole become per-input failures; other chunks go on.
 * An error that would fail every chunk (auth, quota, cancellation) is thrown, with what was done so far in
 * `error.details.partialResult`; so is the first error when no chunk went through at all (a batch of one request
 * that failed is a failed call, not a result).
 */
export async function runChunks<I, T>(options: RunChunksOptions<I, T>): Promise<BatchResult<T, I>> {
  const { inputs, chunkSize } = options;
  const chunkCount = Math.ceil(inputs.length / chunkSize);
  const outcomes: Array<BatchResult<T, I> | undefined> = new Array<BatchResult<T, I> | undefined>(chunkCount);
  let nextChunk = 0;
  let fatal: ConnectorError | undefined;
  /** The error of each chunk that failed as a whole (by chunk), and how many chunks HubSpot answered. */
  const failedWith: Array<ConnectorError | undefined> = new Array<ConnectorError | undefined>(chunkCount);
  let answered = 0;

  const worker = async (): Promise<void> => {
    while (fatal === undefined && nextChunk < chunkCount) {
      const c = nextChunk;
      nextChunk += 1;
      const offset = c * chunkSize;
      const chunk = inputs.slice(offset, offset + chunkSize);
      try {
        const outcome = await options.send(chunk, offset);
        outcomes[c] = { results: outcome.results, errors: outcome.errors.flatMap((e) => toFailures(e, options.locate(e, chunk, offset), inputs)) };
        answered += 1;
      } catch (caught) {
        if (!isConnectorError(caught)) throw caught;
        const error = options.explain ? options.explain(caught) : caught;
        if (FATAL.has(error.code)) {
          fatal ??= error;
          return;
        }
        failedWith[c] = error;
        outcomes[c] = {
          results: [],
          errors: chunk.map((input, i) => ({ index: offset + i, input, category: error.code, message: error.message, context: undefined, error })),
        };
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(options.concurrency, chunkCount) }, () => worker()));
  const collected = collect(outcomes);
  const done = options.finish ? options.finish(collected) : collected;
  if (fatal) {
    fatal.details.partialResult = { ...done, processedChunks: outcomes.filter(Boolean).length, totalChunks: chunkCount };
    throw fatal;
  }
  const first = failedWith.find((e) => e !== undefined);
  if (first && answered === 0) {
    // Every input failed with its request: throw, naming each input in partialResult (without the thrown error
    // itself, so the details stay serializable).
    const errors = done.errors.map(({ error, ...failure }) => (error === first ? failure : { ...failure, ...(error ? { error } : {}) }));
    first.details.partialResult = { results: done.results, errors, processedChunks: 0, totalChunks: chunkCount };
    throw first;
  }
  return done;
}

function collect<T, I>(outcomes: Array<BatchResult<T, I> | undefined>): BatchResult<T, I> {
  const results: T[] = [];
  const errors: Array<BatchFailure<I>> = [];
  for (const o of outcomes) {
    if (!o) continue;
    results.push(...o.results);
    errors.push(...o.errors);
  }
  return { results, errors };
}

function toFailures<I>(error: BatchErrorBody, indexes: number[], inputs: readonly I[]): Array<BatchFailure<I>> {
  const base = { category: error.category, message: error.message ?? 'HubSpot did not process this input.', context: error.context };
  if (indexes.length === 0) return [{ ...base, index: undefined, input: undefined }];
  return indexes.map((index) => ({ ...base, index, input: inputs[index] }));
}

/** Reads string values of a `context` key (HubSpot sends arrays of strings; a lone string is accepted too). */
export function contextValues(error: BatchErrorBody, key: string): string[] {
  const v = error.context?.[key];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Maps error context ids back to input positions within a chunk. */
export function indexesOf(values: readonly string[], keys: readonly string[], offset: number): number[] {
  const out: number[] = [];
  for (const value of values) {
    keys.forEach((key, i) => {
      if (key === value) out.push(offset + i);
    });
  }
  return out;
}
