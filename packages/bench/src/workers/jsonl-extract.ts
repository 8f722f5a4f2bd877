import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Stream } from '@cf/core';

/**
 * Extract-only, the baseline a load is compared with: the stream's pages from the beginning, each record as one
 * JSON line appended to `file` (one write per page, waiting when the file stream is full).
 */
export async function extractToJsonl(stream: Stream, file: string, progress: (written: number) => void): Promise<{ records: number; pages: number }> {
  const out = createWriteStream(file);
  let records = 0;
  let pages = 0;
  try {
    for await (const page of stream.read({ checkpoint: null })) {
      pages += 1;
      if (page.items.length === 0) continue;
      let lines = '';
      for (const item of page.items) lines += `${JSON.stringify(item)}\n`;
      records += page.items.length;
      if (!out.write(lines)) await once(out, 'drain');
      progress(records);
    }
  } finally {
    out.end();
    await finished(out);
  }
  return { records, pages };
}

/** Lines in a file (its newline bytes), read in chunks. */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  return lines;
}
