import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handlers } from '@cf/connector-frankfurter/mocks';
import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { runCli, tempDir } from './helpers.js';

// Two loopback copies of the Frankfurter API: which one a run talks to shows which base URL won.
let chosen: MockServer;
let other: MockServer;
beforeAll(async () => {
  [chosen, other] = await Promise.all([startMockServer(handlers), startMockServer(handlers)]);
});
beforeEach(() => {
  chosen.resetHandlers();
  other.resetHandlers();
});
afterAll(async () => {
  await Promise.all([chosen.close(), other.close()]);
});

const currencies = (stdout: string) => stdout.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code);

describe('cf extract --base-url and CF_BASE_URL', () => {
  it('--base-url sends the requests to that URL, path prefix kept', async () => {
    const { code, stdout, stderr } = await runCli(['extract', 'frankfurter', 'currencies', '--base-url', `${chosen.baseUrl}/v1`, '--progress', 'none']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(chosen.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/currencies']);
    expect(currencies(stdout)).toContain('USD');
  });

  it('CF_BASE_URL does the same from the environment', async () => {
    const { code } = await runCli(['extract', 'frankfurter', 'currencies', '--progress', 'none'], { env: { CF_BASE_URL: `${chosen.baseUrl}/v1` } });
    expect(code).toBe(0);
    expect(chosen.requests.map((r) => r.path)).toEqual(['/v1/currencies']);
  });

  it('the flag wins over CF_BASE_URL, and over a baseUrl in --config', async () => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(config, JSON.stringify({ baseUrl: `${other.baseUrl}/v1` }));
    const args = ['extract', 'frankfurter', 'currencies', '--base-url', `${chosen.baseUrl}/v1`, '--config', config, '--progress', 'none'];
    const { code } = await runCli(args, { env: { CF_BASE_URL: `${other.baseUrl}/v1` } });
    expect(code).toBe(0);
    expect(chosen.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it('--config wins over CF_BASE_URL (the environment is the least specific, as for credentials)', async () => {
    const config = join(tempDir(), 'config.json');
    writeFileSync(config, JSON.stringify({ baseUrl: `${chosen.baseUrl}/v1` }));
    const { code } = await runCli(['extract', 'frankfurter', 'currencies', '--config', config, '--progress', 'none'], { env: { CF_BASE_URL: `${other.baseUrl}/v1` } });
    expect(code).toBe(0);
    expect(chosen.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it('carries a HubSpot token from the environment to the base URL given', async () => {
    const { createHubSpotMock } = await import('@cf/connector-hubspot/mocks');
    const hubspot = await startMockServer(createHubSpotMock({ tokens: ['pat-ok'] }).handlers);
    try {
      const { code, stderr } = await runCli(['extract', 'hubspot', 'contacts', '--base-url', hubspot.baseUrl, '--limit', '3', '--progress', 'none'], {
        env: { HUBSPOT_ACCESS_TOKEN: 'pat-ok' },
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(hubspot.requests[0]?.path).toMatch(/^\/crm\/v3\/objects\/contacts/);
      expect(hubspot.requests[0]?.headers.authorization).toBe('Bearer pat-ok');
    } finally {
      await hubspot.close();
    }
  });

  it('extract({ baseUrl }) takes it from code too', async () => {
    const result = await extract({ connector: 'frankfurter', resource: 'currencies', baseUrl: `${chosen.baseUrl}/v1`, env: {}, progress: 'none', stdout: new (await import('node:stream')).PassThrough() });
    expect(result.complete).toBe(true);
    expect(chosen.requests.map((r) => r.path)).toEqual(['/v1/currencies']);
  });

  it.each([
    [['--base-url', 'not a url'], {}, /--base-url must be an absolute http\(s\) URL/],
    [['--base-url', 'ftp://example.com/v1'], {}, /--base-url must be an absolute http\(s\) URL/],
    [[], { CF_BASE_URL: 'example.com/v1' }, /CF_BASE_URL must be an absolute http\(s\) URL/],
    [['--base-url', 'http://127.0.0.1:1/v1', '--sandbox'], {}, /--base-url cannot be combined with --sandbox/],
  ])('exits 2 for %j %j, sending nothing', async (extra, env, message) => {
    const { code, stderr } = await runCli(['extract', 'frankfurter', 'currencies', ...extra], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(chosen.requests).toHaveLength(0);
  });

  it('--sandbox ignores CF_BASE_URL (the sandbox is its own server)', async () => {
    const { code } = await runCli(['extract', 'frankfurter', 'currencies', '--sandbox', '--progress', 'none'], { env: { CF_BASE_URL: `${other.baseUrl}/v1` } });
    expect(code).toBe(0);
    expect(other.requests).toHaveLength(0);
  });

  it('is in --help', async () => {
    const { stdout } = await runCli(['extract', '--help']);
    expect(stdout).toMatch(/--base-url <url>\s+the API's base URL[\s\S]*CF_BASE_URL/);
  });
});
