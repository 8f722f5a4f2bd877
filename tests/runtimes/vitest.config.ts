import { defineProject } from 'vitest/config';

/**
 * The runtime matrix (issue 18): every connector's built package called in Node, Deno, Bun and headless Chromium.
 * Separate from tests/vitest.config.ts: it installs runtimes from npm and needs Chromium, so it runs with the
 * end-to-end suites, not with `pnpm test`. Run: npx vitest run --config tests/runtimes/vitest.config.ts
 */
export default defineProject({
  // Its own folder, whether it runs as a project of a workspace config or alone with --config.
  root: import.meta.dirname,
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: {
    name: 'runtimes',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    // One file, tests in order: the runtimes share the machine's two cores with the mock servers.
    fileParallelism: false,
  },
});
