import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHubSpotMock } from '@cf/connector-hubspot/mocks';
import { faults, startMockServer } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { extract, readState } from '../src/index.js';
import { runCli, tempDir } from './helpers.js';

const lines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('cf extract against the sandbox', () => {
  it('streams records as JSON Lines to stdout, with a plain progress line per page on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['extract', 'frankfurter', 'rates', '--sandbox', '--since', '2023-12-28', '--param', 'symbols=USD,GBP', '--progress', 'plain']);
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { date: string; rates: Record<string, number> });
    expect(records[0]?.date).toBe('2023-12-28');
    expect(Object.keys(records[0]?.rates ?? {}).sort()).toEqual(['GBP', 'USD']);
    expect(new Set(records.map((r) => r.date)).size).toBe(records.length);
    // One page per calendar year, up to the sandbox's last day of rates (2024-11-22).
    expect(records.at(-1)?.date).toBe('2024-11-22');
    expect(stderr).toMatch(/^frankfurter rates: 2 records, 1 page, \d+ records\/s, [\d.]+ s waiting on rate limits, [\d.]+ s$/m);
    expect(stderr).toMatch(/^frankfurter rates: done, \d+ records, 2 pages/m);
  });

  it('writes the state after every page; a rerun resumes after it and finishes with nothing repeated', async () => {
    const dir = tempDir();
    const out = join(dir, 'rates.jsonl');
    const state = join(dir, 'rates.state.json');
    const args = ['extract', 'frankfurter', 'rates', '--sandbox', '--since', '2021-06-01', '--param', 'symbols=USD', '--out', out, '--state', state, '--progress', 'none'];

    // A --limit that falls inside a page: the state keeps the page's start and how many of it were written.
    const first = await runCli([...args, '--limit', '300']);
    expect(first.code).toBe(0);
    expect(lines(out)).toHaveLength(300);
    const saved = readState(state, 'frankfurter', 'rates');
    expect(saved).toMatchObject({ checkpoint: '2022-01-01', complete: false, records: 300, outBytes: readFileSync(out).length });
    expect(saved?.skip).toBeGreaterThan(0);

    const second = await runCli(args);
    expect(second.code).toBe(0);
    const all = lines(out).map((r) => r.date as string);
    const full = await runCli(['extract', 'frankfurter', 'rates', '--sandbox', '--since', '2021-06-01', '--param', 'symbols=USD', '--progress', 'none']);
    expect(all).toEqual(full.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { date: string }).date));
    expect(readState(state, 'frankfurter', 'rates')).toMatchObject({ complete: true, checkpoint: null, records: all.length, skip: 0 });

    // A finished extraction with nothing to resume from says so, and writes nothing.
    const third = await runCli(args);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('already complete');
    expect(lines(out)).toHaveLength(all.length);
  });

  it('cuts off records written after the last saved page (a crash between a write and its state), so none repeats', async () => {
    const dir = tempDir();
    const out = join(dir, 'c.jsonl');
    const state = join(dir, 'c.state.json');
    const args = ['extract', 'hubspot', 'contacts', '--sandbox', '--param', 'pageSize=200', '--out', out, '--state', state, '--progress', 'none'];
    expect((await runCli([...args, '--limit', '400'])).code).toBe(0);
    // The crash: a page's records reached the file, its state did not.
    appendFileSync(out, `${JSON.stringify({ id: 'half-written' })}\n{"id":"trunc`);
    expect((await runCli(args)).code).toBe(0);
    const ids = lines(out).map((r) => r.id as string);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(ids).not.toContain('half-written');
  });

  it('resumes a Shopify extraction from its sync checkpoint (products, a --limit inside a page)', async () => {
    const dir = tempDir();
    const out = join(dir, 'p.jsonl');
    const args = ['extract', 'shopify', 'products', '--sandbox', '--param', 'pageSize=100', '--out', out, '--state', join(dir, 'p.json'), '--progress', 'none'];
    expect((await runCli([...args, '--limit', '250'])).code).toBe(0);
    expect(lines(out)).toHaveLength(250);
    expect((await runCli(args)).code).toBe(0);
    const ids = lines(out).map((r) => r.id as string);
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
  });

  it('stops cleanly when its signal aborts, with the state of every written page saved', async () => {
    const dir = tempDir();
    const out = join(dir, 'c.jsonl');
    const state = join(dir, 'c.state.json');
    const controller = new AbortController();
    const stderr = new (await import('node:stream')).PassThrough();
    let pages = 0;
    stderr.on('data', (chunk: Buffer) => {
      pages += chunk.toString('utf8').split('\n').filter((l) => / records, \d+ pages?,/.test(l)).length;
      if (pages === 2) controller.abort();
    });
    const result = await extract({ connector: 'hubspot', resource: 'contacts', sandbox: true, out, state, signal: controller.signal, stderr, progress: 'plain' });
    expect(result.interrupted).toBe(true);
    expect(result.complete).toBe(false);
    const saved = readState(state, 'hubspot', 'contacts');
    expect(saved?.records).toBe(lines(out).length);
    expect(saved?.checkpoint).toEqual(result.checkpoint);
    expect(lines(out).length).toBeGreaterThanOrEqual(2 * 199);
  });

  it('refuses a state file that belongs to another resource', async () => {
    const dir = tempDir();
    const state = join(dir, 's.json');
    writeFileSync(state, JSON.stringify({ version: 1, connector: 'hubspot', resource: 'deals', checkpoint: null, skip: 0, complete: false, records: 0, updatedAt: '' }));
    const { code, stderr } = await runCli(['extract', 'hubspot', 'contacts', '--sandbox', '--state', state]);
    expect(code).toBe(2);
    expect(stderr).toContain('belongs to "hubspot deals"');
  });
});

describe('cf extract exit codes', () => {
  it('2 for usage errors: unknown connector, unknown resource, --since or --param it does not take, bad --limit', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['extract', 'nope', 'x', '--sandbox'], /Unknown connector "nope"/],
      [['extract', 'hubspot', 'nope', '--sandbox'], /hubspot has no resource "nope".*contacts/],
      [['extract', 'frankfurter', 'currencies', '--sandbox', '--since', '2024-01-01'], /takes no --since/],
      [['extract', 'frankfurter', 'rates', '--sandbox', '--param', 'colour=blue'], /takes no --param colour \(it takes: base, symbols, end\)/],
      [['extract', 'frankfurter', 'rates', '--sandbox', '--limit', '0'], /--limit.*positive integer/],
      [['extract', 'frankfurter'], /missing required argument 'resource'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
    }
  });

  it('2 for input the connector rejects before the network (VALIDATION_ERROR)', async () => {
    const { code, stderr } = await runCli(['extract', 'frankfurter', 'rates', '--sandbox', '--since', '1990-01-01']);
    expect(code).toBe(2);
    expect(stderr).toContain('VALIDATION_ERROR');
  });

  it('3 when credentials are missing, naming the environment variable from the README', async () => {
    const { code, stderr } = await runCli(['extract', 'openweather', 'forecast', '--param', 'lat=51.5', '--param', 'lon=-0.1'], { env: {} });
    expect(code).toBe(3);
    expect(stderr).toContain('OPENWEATHER_API_KEY');
  });

  it('3 when the API rejects the credentials (AUTH_FAILED), read from the environment', async () => {
    const mock = createHubSpotMock({ tokens: ['pat-the-right-one'] });
    const server = await startMockServer(mock.handlers);
    try {
      const dir = tempDir();
      const config = join(dir, 'config.json');
      writeFileSync(config, JSON.stringify({ baseUrl: server.baseUrl }));
      const { code, stderr } = await runCli(['extract', 'hubspot', 'contacts', '--config', config], { env: { HUBSPOT_ACCESS_TOKEN: 'pat-wrong' } });
      expect(code).toBe(3);
      expect(stderr).toContain('AUTH_FAILED');
      expect(stderr).not.toContain('pat-wrong');
      expect(server.requests[0]?.headers.authorization).toBe('Bearer pat-wrong');
    } finally {
      await server.close();
    }
  });

  it('4 when the API fails (any other connector error), and the state of finished pages is kept', async () => {
    const mock = createHubSpotMock();
    const server = await startMockServer(mock.handlers);
    server.use(faults.status(500, { times: 100 }));
    try {
      const dir = tempDir();
      const config = join(dir, 'config.json');
      // Core options come from --config too: no retries, so the failure is immediate.
      writeFileSync(config, JSON.stringify({ baseUrl: server.baseUrl, accessToken: 'pat-x', retry: false }));
      const { code, stderr } = await runCli(['extract', 'hubspot', 'contacts', '--config', config, '--progress', 'plain']);
      expect(code).toBe(4);
      expect(stderr).toContain('SERVER_ERROR');
      expect(stderr).toContain('failed after 0 records');
    } finally {
      await server.close();
    }
  });
});
