import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe("the README's first command (pnpm demo)", () => {
  it('tours every connector on its mocks and shows resilience, offline, exiting 0', () => {
    // No credentials: every connector runs in its sandbox.
    const env = { ...process.env, HUBSPOT_ACCESS_TOKEN: '', OPENWEATHER_API_KEY: '', SHOPIFY_SHOP: '', SHOPIFY_ACCESS_TOKEN: '', CF_DEMO_LIVE: '' };
    const run = spawnSync(process.execPath, ['--conditions=@cf/source', '--import', 'tsx', 'scripts/demo/index.ts'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const section of ['Frankfurter', 'ADS-B', 'OpenWeather', 'HubSpot', 'Shopify']) {
      expect(run.stdout).toMatch(new RegExp(`== ${section}.*\\(sandbox: its mocks on loopback\\) ==`));
    }
    expect(run.stdout).toContain('server said so');
    expect(run.stdout).toContain('circuit half-open -> closed');
    expect(run.stdout).toMatch(/20 records, 20 distinct/);
  });
});
