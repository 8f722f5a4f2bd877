import { join } from 'node:path';
import { destinationFromUrl } from '@cf/load';
import { describe, expect, it } from 'vitest';
import { listConnectors } from '../src/index.js';
import { runCli, tempDir } from './helpers.js';

const CONNECTORS = ['frankfurter', 'adsb', 'openweather', 'hubspot', 'shopify', 'github'] as const;
/** ADS-B allows 6 requests in 40 s: two of its streams, synced twice, fit without waiting (all six would wait ~80 s). */
const SELECTED: Partial<Record<(typeof CONNECTORS)[number], string[]>> = { adsb: ['nearby', 'military'] };

async function rowsOf(url: string, table: string) {
  const destination = await destinationFromUrl(url);
  await destination.open();
  try {
    return await destination.readRows(table);
  } finally {
    await destination.close();
  }
}

describe('cf discover', () => {
  it.each(CONNECTORS)('%s: prints every declared stream with its key and JSON Schema', async (name) => {
    const { code, stdout } = await runCli(['discover', name]);
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout) as { connector: string; streams: Array<{ name: string; primaryKey: string[]; syncMode: string; jsonSchema: { type?: string } }> };
    expect(catalog.connector).toBe(name);
    expect(catalog.streams.length).toBeGreaterThan(0);
    const declared = listConnectors().find((c) => c.name === name);
    expect(declared).toBeDefined();
    for (const stream of catalog.streams) {
      expect(stream.primaryKey.length).toBeGreaterThan(0);
      expect(['incremental', 'full-refresh']).toContain(stream.syncMode);
      expect(stream.jsonSchema.type).toBe('object');
    }
  });

  it('refuses an unknown connector with exit 2', async () => {
    expect((await runCli(['discover', 'nope'])).code).toBe(2);
  });
});

describe('cf sync --sandbox into DuckDB', () => {
  it.each(CONNECTORS)('%s: lands every stream, and an incremental rerun adds nothing twice', async (name) => {
    const url = `duckdb:${join(tempDir(), 'cf.duckdb')}`;
    const selected = SELECTED[name] ?? [];
    const first = await runCli(['sync', name, ...selected, '--sandbox', '--to', url]);
    expect(first.stderr).not.toMatch(/FAILED|failed after/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^synced ${name} into `, 'm'));
    const catalog = JSON.parse((await runCli(['discover', name])).stdout) as { streams: Array<{ name: string; primaryKey: string[]; syncMode: string }> };
    const synced = catalog.streams.filter((s) => selected.length === 0 || selected.includes(s.name));
    const counts = new Map<string, number>();
    for (const stream of synced) {
      const rows = await rowsOf(url, `${name}_${stream.name}`);
      expect(rows.length).toBeGreaterThan(0);
      counts.set(stream.name, rows.length);
      const keys = rows.map((r) => JSON.stringify(stream.primaryKey.map((k) => r[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()])));
      // One row per primary key.
      expect(new Set(keys).size).toBe(rows.length);
    }
    const again = await runCli(['sync', name, ...selected, '--sandbox', '--to', url, '--progress', 'none']);
    expect(again.code).toBe(0);
    for (const stream of synced) {
      const rows = await rowsOf(url, `${name}_${stream.name}`);
      const keys = rows.map((r) => JSON.stringify(stream.primaryKey.map((k) => r[k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()])));
      expect(new Set(keys).size).toBe(rows.length);
      // The rerun upserts: the same keys, no row added.
      expect(rows.length).toBe(counts.get(stream.name));
    }
  }, 120_000);

  it('hubspot contacts: a progress line per stream, the summary, and a sample of what landed', async () => {
    const url = `duckdb:${join(tempDir(), 'cf.duckdb')}`;
    const { code, stdout, stderr } = await runCli(['sync', 'hubspot', 'contacts', '--sandbox', '--to', url, '--sample', '2']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^hubspot contacts → hubspot_contacts: from the beginning$/m);
    expect(stderr).toMatch(/^hubspot contacts: done, 2500 records, 0 rejected/m);
    expect(stdout).toMatch(/contacts\s+2500 records\s+0 rejected\s+→ hubspot_contacts/);
    expect(stdout).toMatch(/hubspot_contacts \(first 2 by primary key\):/);
    const rows = await rowsOf(url, 'hubspot_contacts');
    expect(rows).toHaveLength(2500);
    expect(rows[0]).toHaveProperty('properties__email');
    const rerun = await runCli(['sync', 'hubspot', 'contacts', '--sandbox', '--to', url]);
    expect(rerun.stderr).toMatch(/resuming from/);
    expect(rerun.stdout).toMatch(/contacts\s+0 records/);
  }, 120_000);

  it('answers bad arguments with exit 2 and a clear message', async () => {
    const unknownStream = await runCli(['sync', 'hubspot', 'nope', '--sandbox', '--to', `duckdb:${join(tempDir(), 'x.duckdb')}`]);
    expect(unknownStream.code).toBe(2);
    expect(unknownStream.stderr).toMatch(/hubspot has no stream "nope"\. Streams: contacts/);
    const badTo = await runCli(['sync', 'hubspot', '--sandbox', '--to', 'mysql://u:secret@h/db']);
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toMatch(/unknown destination/);
    expect(badTo.stderr).not.toMatch(/secret/);
    const badParam = await runCli(['sync', 'hubspot', '--sandbox', '--param', 'bogus=1', '--to', `duckdb:${join(tempDir(), 'x.duckdb')}`]);
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toMatch(/take no --param bogus/);
  });
});

describe('cf sync exit codes', () => {
  it('exits 3 when the API refuses the credentials, after trying every stream', async () => {
    const { createHubSpotMock } = await import('@cf/connector-hubspot/mocks');
    const { startMockServer } = await import('@cf/core/testing');
    const mock = createHubSpotMock({ tokens: ['pat-the-right-one'] });
    const server = await startMockServer(mock.handlers);
    try {
      const url = `duckdb:${join(tempDir(), 'cf.duckdb')}`;
      const result = await runCli(['sync', 'hubspot', 'contacts', 'owners', '--to', url, '--base-url', server.baseUrl, '--progress', 'none'], {
        env: { HUBSPOT_ACCESS_TOKEN: 'not-a-valid-token' },
      });
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(/contacts\s+0 records.*FAILED AUTH_FAILED/);
      expect(result.stdout).toMatch(/owners\s+0 records.*FAILED AUTH_FAILED/);
      expect(result.stderr).not.toMatch(/not-a-valid-token/);
    } finally {
      await server.close();
    }
  });
});

describe('cf sync: failures and interruptions resume exactly once', () => {
  const SEARCH = '*/crm/v3/objects/contacts/search';

  async function landed(url: string) {
    const rows = await rowsOf(url, 'hubspot_contacts');
    const destination = await destinationFromUrl(url);
    await destination.open();
    const state = await destination.readState({ connector: 'hubspot', stream: 'contacts' }).finally(() => destination.close());
    return { rows, ids: new Set(rows.map((r) => r.id)), state };
  }

  it('an API that fails mid-stream: exit 4 with the finished pages committed; the rerun lands the rest, each record once', async () => {
    const { createHubSpotMock, generateRecords } = await import('@cf/connector-hubspot/mocks');
    const { startMockServer } = await import('@cf/core/testing');
    const { http, HttpResponse } = await import('msw');
    const mock = createHubSpotMock({ records: { contacts: generateRecords({ count: 1000 }) } });
    const server = await startMockServer(mock.handlers);
    const dir = tempDir();
    const url = `duckdb:${join(dir, 'cf.duckdb')}`;
    const config = join(dir, 'config.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config, JSON.stringify({ baseUrl: server.baseUrl, accessToken: 'pat-x', retry: false }));
    try {
      let searches = 0;
      // The fourth search and every later one fail; the first three answer normally (returning nothing falls through).
      server.use(http.post(SEARCH, () => (++searches > 3 ? HttpResponse.json({ status: 'error', message: 'internal error', category: 'INTERNAL_ERROR' }, { status: 500 }) : undefined)));
      const failed = await runCli(['sync', 'hubspot', 'contacts', '--config', config, '--to', url, '--batch-rows', '200', '--progress', 'none']);
      expect(failed.code).toBe(4);
      expect(failed.stdout).toMatch(/contacts\s+\d+ records.*FAILED SERVER_ERROR/);
      const partial = await landed(url);
      // Three searches of up to 200 (the keyset scan re-anchors on the last modification time, so a little less).
      expect(partial.rows.length).toBeGreaterThan(400);
      expect(partial.rows.length).toBeLessThanOrEqual(600);
      expect(partial.state).toMatchObject({ complete: false, records: partial.rows.length });

      server.resetHandlers();
      const rerun = await runCli(['sync', 'hubspot', 'contacts', '--config', config, '--to', url, '--progress', 'none']);
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toMatch(new RegExp(`contacts\\s+${1000 - partial.rows.length} records`));
      const all = await landed(url);
      expect(all.rows).toHaveLength(1000);
      expect(all.ids.size).toBe(1000);
      expect(all.state).toMatchObject({ complete: true, records: 1000 });
    } finally {
      await server.close();
    }
  }, 120_000);

  it('Ctrl-C: exit 130 with the committed batches kept; the rerun finishes with every record once', async () => {
    const dir = tempDir();
    const url = `duckdb:${join(dir, 'cf.duckdb')}`;
    const controller = new AbortController();
    // The sandbox's 2,500 contacts are 13 searches at HubSpot's 5 per second (about 2.5 s): Ctrl-C once the first
    // batch is committed (watched through the same DuckDB file, as another reader would).
    const watcher = (async () => {
      while (!controller.signal.aborted) {
        await new Promise((r) => setTimeout(r, 50));
        const reader = await destinationFromUrl(url);
        try {
          await reader.open();
          const state = await reader.readState({ connector: 'hubspot', stream: 'contacts' });
          if ((state?.records ?? 0) > 0) controller.abort();
        } catch {
          // Not created yet.
        } finally {
          await reader.close();
        }
      }
    })();
    const first = await runCli(['sync', 'hubspot', 'contacts', '--sandbox', '--to', url, '--batch-rows', '200', '--progress', 'none'], { signal: controller.signal });
    controller.abort();
    await watcher;
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(/interrupted: rerun to resume/);
    const partial = await landed(url);
    expect(partial.rows.length).toBeGreaterThan(0);
    expect(partial.rows.length).toBeLessThan(2500);
    const rerun = await runCli(['sync', 'hubspot', 'contacts', '--sandbox', '--to', url, '--progress', 'none']);
    expect(rerun.code).toBe(0);
    const all = await landed(url);
    expect(all.rows).toHaveLength(2500);
    expect(all.ids.size).toBe(2500);
    expect(all.state).toMatchObject({ complete: true, records: 2500 });
  }, 120_000);
});
