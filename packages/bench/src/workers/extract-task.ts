import { loadExtractor } from '../extractors/registry.js';
import type { ExtractResult, ExtractTask } from './task.js';

/** Extracts everything through one client and reports the time and the process's peak RSS. */
export async function runExtract(task: ExtractTask): Promise<ExtractResult> {
  const startRssBytes = process.memoryUsage().rss;
  const extract = await loadExtractor(task.extractor);
  const started = performance.now();
  const records = await extract(task);
  const ms = performance.now() - started;
  return { records, ms, startRssBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}
