import type { Writable } from 'node:stream';
import { SingleBar } from 'cli-progress';

export interface ExtractStats {
  /** Records written. */
  records: number;
  /** Pages read. */
  pages: number;
  /** How long the run took, in ms. */
  elapsedMs: number;
  /** Time spent waiting for the rate limiter (core's `rateLimitWait` events). */
  rateLimitWaitMs: number;
  /** Attempts the connector retried (core's `retry` events). */
  retries: number;
}

/** Reports an extraction's progress on stderr. */
export interface ProgressReporter {
  update(stats: ExtractStats): void;
  /** Ends the display, then prints `message` as a line of its own. */
  finish(message: string): void;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (s: ExtractStats): string => (s.elapsedMs > 0 ? Math.round((s.records * 1000) / s.elapsedMs).toString() : '0');

export const formatStats = (s: ExtractStats): string =>
  `${s.records} records, ${s.pages} ${s.pages === 1 ? 'page' : 'pages'}, ${rate(s)} records/s, ${seconds(s.rateLimitWaitMs)} waiting on rate limits` +
  `${s.retries > 0 ? `, ${s.retries} retries` : ''}, ${seconds(s.elapsedMs)}`;

/** A status line redrawn in place (cli-progress), for a terminal. */
export function terminalProgress(stream: Writable, label: string): ProgressReporter {
  const bar = new SingleBar({
    stream,
    format: `${label}  {records} records | {pages} pages | {rate} rec/s | rate-limit wait {wait} | {retries} retries | {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: true,
    fps: 8,
  });
  bar.start(0, 0, { records: 0, pages: 0, rate: '0', wait: seconds(0), retries: 0 });
  return {
    update: (s) => bar.update(0, { records: s.records, pages: s.pages, rate: rate(s), wait: seconds(s.rateLimitWaitMs), retries: s.retries }),
    finish: (message) => {
      bar.stop();
      stream.write(`${message}\n`);
    },
  };
}

/** One log line per page, for logs and pipes (no escape codes). */
export function plainProgress(stream: Writable, label: string): ProgressReporter {
  return {
    update: (s) => stream.write(`${label}: ${formatStats(s)}\n`),
    finish: (message) => stream.write(`${message}\n`),
  };
}

export const silentProgress: ProgressReporter = { update: () => undefined, finish: () => undefined };
