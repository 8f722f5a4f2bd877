import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';

/** Where records go, one JSON document per line. */
export interface RecordSink {
  /** Writes one page of records; resolves once they are handed to the OS (before the state is saved). */
  write(records: readonly unknown[]): Promise<void>;
  /** The absolute path and byte size of a file sink, recorded in the state; undefined for a stream. */
  readonly file: string | undefined;
  bytes(): number | undefined;
  close(): Promise<void>;
}

const toLines = (records: readonly unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/**
 * A file sink. A fresh run truncates the file; a resumed run appends, first cutting off whatever was written
 * after the last saved page (`resumeAt`), so records are never duplicated even after a crash between a page's
 * write and its state save.
 */
export function fileSink(path: string, mode: { resume: false } | { resume: true; resumeAt: number | undefined }): RecordSink {
  const file = resolve(path);
  const fd = openSync(file, mode.resume && existsSync(file) ? 'r+' : 'w');
  let size = fstatSync(fd).size;
  if (mode.resume && mode.resumeAt !== undefined && size > mode.resumeAt) {
    ftruncateSync(fd, mode.resumeAt);
    size = mode.resumeAt;
  }
  return {
    file,
    async write(records) {
      const buffer = Buffer.from(toLines(records));
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset, size + offset);
      size += buffer.length;
    },
    bytes: () => size,
    async close() {
      closeSync(fd);
    },
  };
}

/** A stream sink (stdout), honouring backpressure. A closed pipe (`| head`) ends the extraction through `onClosed`. */
export function streamSink(stream: Writable, onClosed: () => void): RecordSink {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') onClosed();
  });
  return {
    file: undefined,
    write: (records) =>
      new Promise<void>((done) => {
        if (stream.destroyed) return done();
        if (stream.write(toLines(records))) return done();
        stream.once('drain', done);
        stream.once('close', done);
      }),
    bytes: () => undefined,
    close: async () => undefined,
  };
}
