import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldConnector } from '../src/index.js';
import { outputPath, renderTemplate } from '../src/scaffold/render-template.js';
import { runCli, tempDir } from './helpers.js';

// `cf new` without running anything it writes (fast, in `pnpm test`). The scaffolded package's own tests, tsc
// and `cf check` are in scaffold.test.ts (`pnpm test:e2e`).
describe('cf new: input', () => {
  it('rejects names that are not lower-case words joined by "-" (exit 2)', async () => {
    for (const name of ['Demo', 'demo_api', 'demo-', '9lives', 'connector-demo']) {
      const { code } = await runCli(['new', name], { cwd: tempDir() });
      expect({ name, code }).toEqual({ name, code: 2 });
    }
  });

  it('writes a standalone layout outside a repository, with @cf/core as a version range', () => {
    const dir = tempDir();
    const result = scaffoldConnector({ name: 'acme-crm', dir: join(dir, 'acme'), displayName: 'ACME CRM', baseUrl: 'https://api.acme.test/crm/v2' });
    expect(result.layout).toBe('standalone');
    const manifest = JSON.parse(readFileSync(join(dir, 'acme', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@cf/core']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(JSON.parse(readFileSync(join(dir, 'acme', 'tsconfig.json'), 'utf8'))).toHaveProperty('compilerOptions.strict', true);
    expect(readFileSync(join(dir, 'acme', 'src', 'client.ts'), 'utf8')).toContain("DEFAULT_BASE_URL = 'https://api.acme.test/crm/v2'");
    expect(readFileSync(join(dir, 'acme', 'src', 'metadata.ts'), 'utf8')).toContain("displayName: 'ACME CRM'");
  });

  it('fails on a template placeholder it does not define, and picks a template variant by layout', () => {
    expect(() => renderTemplate('{{nope}}', {}, 'x.tpl')).toThrow(/x\.tpl uses \{\{nope\}\}/);
    expect(outputPath('tsconfig.json@repo.tpl', 'repo')).toBe('tsconfig.json');
    expect(outputPath('tsconfig.json@repo.tpl', 'standalone')).toBeUndefined();
    expect(outputPath('src/client.ts.tpl', 'standalone')).toBe('src/client.ts');
  });
});
