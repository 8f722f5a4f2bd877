import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConnector } from '../src/index.js';
import { REPO_ROOT, runCli } from './helpers.js';

describe('cf check', () => {
  it('runs the conformance suite in-process for a connector package the CLI has an adapter for', async () => {
    const { code, stdout } = await runCli(['check', join(REPO_ROOT, 'packages', 'connector-frankfurter')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^RESULT\s+RULE\s+DETAIL$/m);
    expect(stdout).toMatch(/^pass\s+retry-after\s+honours Retry-After/m);
    expect(stdout).toMatch(/^conformance frankfurter: (\d+)\/\1 cases \(100%\)$/m);
  });

  it('takes a connector name too, and reports not-applicable rules apart', async () => {
    const result = await checkConnector({ target: 'adsb' });
    expect(result.via).toBe('adapter');
    expect(result.compliance).toBe(100);
    expect(result.reports[0]?.results.find((r) => r.id === 'secrets-redacted')?.status).toBe('not-applicable');
  });

  it('is a usage error for something that is neither a package nor a known connector', async () => {
    const { code, stderr } = await runCli(['check', 'no-such-thing']);
    expect(code).toBe(2);
    expect(stderr).toContain('neither a connector package directory nor a connector the CLI knows');
  });
});
