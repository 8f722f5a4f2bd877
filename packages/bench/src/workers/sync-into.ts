import { destinationFromUrl, sync } from '@cf/load';
import type { BenchConnector } from '../extractors/hubspot-contacts-stream.js';

/**
 * `sync()` of the connector's `contacts` stream into the destination `cf sync --to` would build from `to`, with the
 * default batching (5,000 records or 2 s per commit). The destination is new, so every record is read and inserted.
 */
export async function syncInto(connector: BenchConnector, to: string, progress: (written: number) => void): Promise<{ records: number; pages: number; table: string }> {
  const destination = await destinationFromUrl(to);
  const summary = await sync(connector, ['contacts'], destination, {
    onEvent: (event) => {
      if (event.type === 'batch') progress(event.totalRecords);
    },
  });
  const stream = summary.streams[0];
  if (stream === undefined || !stream.complete) throw new Error(`the sync into ${destination.label} did not complete: ${JSON.stringify(summary)}`);
  if (summary.rejects > 0) throw new Error(`the sync into ${destination.label} rejected ${summary.rejects} records: ${stream.warnings.join('; ')}`);
  return { records: summary.records, pages: stream.pages, table: stream.table };
}
