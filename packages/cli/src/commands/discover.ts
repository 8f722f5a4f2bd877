import { discover, type CatalogEntry } from '@cf/load';
import { adapterFor } from '../adapters/index.js';
import { startSandbox } from '../extract/sandbox.js';

/**
 * `cf discover <connector>`: the catalog — every stream with its primary key, cursor, sync mode, params and the JSON
 * Schema of one record. Needs no credentials (the connector is built against its own mocks, never called).
 */
export async function discoverCommand(options: { connector: string }): Promise<{ connector: string; streams: CatalogEntry[] }> {
  const adapter = adapterFor(options.connector);
  const sandbox = await startSandbox(adapter);
  const connector = adapter.create(sandbox.config);
  try {
    return { connector: adapter.metadata.name, streams: discover(connector as never) };
  } finally {
    await connector.disconnect();
    await sandbox.close();
  }
}
