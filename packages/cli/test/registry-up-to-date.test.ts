import { describe, expect, it } from 'vitest';
import { buildRegistryFiles, staleRegistryFiles } from '../src/registry/build-registry.js';
import { REPO_ROOT } from './helpers.js';

// Runs every connector's conformance suite again (a minute on a busy 2-core machine, mostly the suites' real-time
// waits): in `pnpm test:e2e`. `pnpm registry:check` is the same check on its own.
describe('the registry (registry.json and the shadcn-format registry/shadcn/)', () => {
  it('is up to date: regenerated in memory from every connector, every file is byte for byte the committed one, and registry/shadcn/ holds nothing else (run `pnpm registry`)', async () => {
    const files = await buildRegistryFiles(REPO_ROOT);
    expect([...files.keys()]).toContain('registry.json');
    expect([...files.keys()]).toContain('registry/shadcn/registry.json');
    expect(staleRegistryFiles(REPO_ROOT, files)).toEqual([]);
  }, 120_000);
});
