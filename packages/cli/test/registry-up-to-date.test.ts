import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry, serializeRegistry } from '../src/registry/build-registry.js';
import { REPO_ROOT } from './helpers.js';

// Runs every connector's conformance suite again (a minute on a busy 2-core machine, mostly the suites' real-time
// waits): in `pnpm test:e2e`. `pnpm registry:check` is the same check on its own.
describe('registry.json', () => {
  it('is up to date: regenerated in memory from every connector, it is byte for byte the committed file (run `pnpm --filter @cf/cli registry`)', async () => {
    const regenerated = serializeRegistry(await buildRegistry(REPO_ROOT));
    expect(readFileSync(join(REPO_ROOT, 'registry.json'), 'utf8')).toBe(regenerated);
  }, 120_000);
});
