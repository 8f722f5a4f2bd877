import type { LoadResult, LoadTask } from './task.js';
import { RssProbe } from './rss-probe.js';

/**
 * One arm of the load part in this fresh process: extract-only to JSONL, or `sync()` into DuckDB or Postgres, all
 * through the same `contacts` stream. Reports the time, the memory, and how many rows landed; throws when that is
 * not every record the server holds.
 */
export async function runLoad(task: LoadTask): Promise<LoadResult> {
  const startRssBytes = process.memoryUsage.rss();
  const { hubspotContactsConnector } = await import('../extractors/hubspot-contacts-stream.js');
  const connector = hubspotContactsConnector(task.baseUrl);
  const probe = new RssProbe(task.records);
  const progress = (written: number) => probe.progress(written);
  let written: { records: number; pages: number; table?: string };
  let ms: number;
  try {
    if (task.arm === 'jsonl') {
      const { extractToJsonl } = await import('./jsonl-extract.js');
      const stream = connector.streams()[0];
      if (stream === undefined) throw new Error('the bench connector has no stream');
      const started = performance.now();
      written = await extractToJsonl(stream, task.target, progress);
      ms = performance.now() - started;
    } else {
      const { syncInto } = await import('./sync-into.js');
      const started = performance.now();
      written = await syncInto(connector, task.target, progress);
      ms = performance.now() - started;
    }
  } finally {
    await connector.disconnect();
  }
  const endRssBytes = process.memoryUsage.rss();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;

  const landed = await countLanded(task, written.table);
  if (written.records !== task.records || landed !== task.records) {
    throw new Error(`${task.arm}: expected ${task.records} contacts (all the server holds), but ${written.records} were written and ${landed} landed`);
  }
  return { records: written.records, landed, ms, pages: written.pages, startRssBytes, halfwayRssBytes: probe.halfwayBytes, endRssBytes, maxRssBytes };
}

async function countLanded(task: LoadTask, table: string | undefined): Promise<number> {
  const { countDuckDBRows, countPostgresRows } = await import('./count-rows.js');
  const { countLines } = await import('./jsonl-extract.js');
  switch (task.arm) {
    case 'jsonl':
      return countLines(task.target);
    case 'duckdb':
      return countDuckDBRows(task.target.replace(/^duckdb:/, ''), table ?? '');
    case 'postgres':
      return countPostgresRows(task.target, table ?? '');
  }
}
