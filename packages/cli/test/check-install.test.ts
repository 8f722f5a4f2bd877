import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldConnector } from '../src/index.js';
import { failureReason } from '../src/check/vitest-conformance.js';
import { runCli, tempDir } from './helpers.js';

// `cf check` on a package whose dependencies are not installed yet (a fresh `cf new` outside any node_modules).
describe('cf check before npm install', () => {
  it('says to run npm install first, in the package, instead of a raw ENOENT stack', async () => {
    const dir = join(tempDir(), 'acme');
    scaffoldConnector({ name: 'acme', dir });
    const { code, stdout, stderr } = await runCli(['check', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cf: ${dir} has no dependencies installed (vitest and @cf/core not found in its node_modules): run \`npm install\` in ${dir} first, then check again.\n`);
    expect(stderr).not.toMatch(/ENOENT|report\.json|\n\s+at /);
  });

  it('names pnpm install at the workspace root for a package inside a pnpm workspace', async () => {
    const root = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'pnpm-workspace.yaml'), "packages: ['packages/*']\n");
    const dir = join(root, 'packages', 'connector-acme');
    scaffoldConnector({ name: 'acme', dir });
    const { code, stderr } = await runCli(['check', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`run \`pnpm install\` in ${root} first`);
  });
});

describe('cf check failure reasons', () => {
  it("takes the kit's reason whole from vitest's assertion message, quotes unescaped", () => {
    const reason = "declare metadata.credential: { in: 'header' | 'query' | 'none', name }";
    const message = `AssertionError: expected '${reason.replace(/'/g, "\\'")}' to be 'passed' // Object.is equality\n    at describe-conformance.ts:30:43`;
    expect(failureReason(message)).toBe(reason);
    expect(failureReason(`AssertionError: expected 'x' to be 'passed'\n\nExpected: "passed"\nReceived: "${reason}"\n`)).toBe(reason);
    expect(failureReason('Error: boom\n    at x')).toBe('Error: boom');
  });
});
