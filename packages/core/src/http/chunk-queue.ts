import { BodyTooLargeError, concatBytes } from './read-body.js';

/** The source of a queue's chunks, asked to stop and go on (a socket, a decoder). */
export interface Flow {
  pause(): void;
  resume(): void;
}

const DONE: IteratorResult<Uint8Array> = { done: true, value: undefined };

/**
 * Chunks pushed by a source and taken by one reader, either one at a time (`next`, with backpressure: the source
 * is paused while `highWaterMark` bytes wait unread) or all at once (`collect`, capped at `maxBytes`).
 */
export class ChunkQueue {
  private chunks: Uint8Array[] = [];
  private queued = 0;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private paused = false;
  private reader: { resolve: (result: IteratorResult<Uint8Array>) => void; reject: (error: unknown) => void } | undefined;
  private collector: { maxBytes: number; resolve: (bytes: Uint8Array) => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly flow: Flow,
    private readonly highWaterMark = 64 * 1024,
  ) {}

  get finished(): boolean {
    return this.ended || this.failure !== undefined;
  }

  push(chunk: Uint8Array): void {
    if (this.finished) return;
    if (this.reader) {
      const reader = this.reader;
      this.reader = undefined;
      reader.resolve({ done: false, value: chunk });
      return;
    }
    this.chunks.push(chunk);
    this.queued += chunk.byteLength;
    if (this.collector) {
      if (this.queued > this.collector.maxBytes) this.fail(new BodyTooLargeError(this.collector.maxBytes));
      return;
    }
    if (!this.paused && this.queued >= this.highWaterMark) {
      this.paused = true;
      this.flow.pause();
    }
  }

  end(): void {
    if (this.finished) return;
    this.ended = true;
    if (this.reader) {
      const reader = this.reader;
      this.reader = undefined;
      reader.resolve(DONE);
    }
    if (this.collector) this.collector.resolve(this.drain());
  }

  /** Fails the reader with `error`; what was queued is dropped. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.failure = { error };
    this.chunks = [];
    this.queued = 0;
    this.reader?.reject(error);
    this.collector?.reject(error);
    this.reader = undefined;
    this.collector = undefined;
  }

  next(): Promise<IteratorResult<Uint8Array>> {
    const chunk = this.chunks.shift();
    if (chunk) {
      this.queued -= chunk.byteLength;
      if (this.paused && this.queued < this.highWaterMark) this.go();
      return Promise.resolve({ done: false, value: chunk });
    }
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.ended) return Promise.resolve(DONE);
    this.go();
    return new Promise((resolve, reject) => {
      this.reader = { resolve, reject };
    });
  }

  /** The whole body; fails with `BodyTooLargeError` (reading no further) once more than `maxBytes` arrived. */
  collect(maxBytes: number): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.queued > maxBytes) {
      const error = new BodyTooLargeError(maxBytes);
      this.fail(error);
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve(this.drain());
    this.go();
    return new Promise((resolve, reject) => {
      this.collector = { maxBytes, resolve, reject };
    });
  }

  private drain(): Uint8Array {
    const bytes = concatBytes(this.chunks, this.queued);
    this.chunks = [];
    this.queued = 0;
    return bytes;
  }

  private go(): void {
    if (!this.paused) return;
    this.paused = false;
    this.flow.resume();
  }
}
