import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubSpotConnector } from '@cf/connector-hubspot';
import { createHubSpotMock, generateRecords } from '@cf/connector-hubspot/mocks';
import { startMockServer } from '@cf/core/testing';
import { sync } from '@cf/load';
import { duckdb } from '@cf/load/duckdb';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Log } from './tour.js';

/**
 * The last mile: HubSpot's sandbox contacts and deals synced into a DuckDB file (what `cf sync hubspot contacts deals
 * --sandbox` does), a rerun that reads only what changed, then a SQL query over what landed.
 */
/** A DuckDB JSON cell as text. */
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? 'null');

export async function landTour(log: Log): Promise<void> {
  log('\n== Land the data: HubSpot → DuckDB, exactly once (sandbox) ==');
  const dir = mkdtempSync(join(tmpdir(), 'cf-demo-'));
  const file = join(dir, 'cf.duckdb');
  const mock = createHubSpotMock({ records: { contacts: generateRecords({ count: 1200 }), deals: generateRecords({ objectType: 'deals', count: 300 }) } });
  const server = await startMockServer(mock.handlers);
  const hubspot = new HubSpotConnector({ accessToken: 'pat-na1-sandbox', baseUrl: server.baseUrl });
  try {
    const first = await sync(hubspot, ['contacts', 'deals'], duckdb(file), { batchRows: 400 });
    for (const s of first.streams) log(`  ${s.stream}: ${s.records} records → table ${s.table} (${s.pages} pages in ${s.batches} transaction${s.batches === 1 ? '' : 's'}, each with its checkpoint)`);
    const again = await sync(hubspot, ['contacts', 'deals'], duckdb(file));
    log(`  rerun: ${again.records} records (incremental: it resumed from the checkpoint saved in the database)`);

    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    const query = `SELECT properties__firstname AS first_name, count(*) AS contacts, count(DISTINCT id) AS ids, max(updated_at) AS last_change FROM hubspot_contacts GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 4`;
    log(`  duckdb cf.duckdb "${query}"`);
    const reader = await connection.runAndReadAll(query);
    for (const row of reader.getRowObjectsJson()) log(`    ${text(row.first_name).padEnd(12)} ${text(row.contacts).padStart(5)} contacts ${text(row.ids).padStart(5)} ids  last change ${text(row.last_change)}`);
    const state = await connection.runAndReadAll(`SELECT stream, complete, records FROM _cf_state ORDER BY stream`);
    log(`  _cf_state: ${state.getRowObjectsJson().map((r) => `${text(r.stream)} complete=${text(r.complete)} records=${text(r.records)}`).join('; ')}`);
    connection.closeSync();
    instance.closeSync();
  } finally {
    await hubspot.disconnect();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
