import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:e2e`: the suites that build, pack, install from the npm registry, or scaffold packages and run their
 * tests in child processes (minutes each). `pnpm test` (vitest.config.ts) runs everything else; CI runs both.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.e2e.config.ts', 'tests/vitest.e2e.config.ts', 'tests/runtimes/vitest.config.ts'],
    // One file at a time: the packaging test and the runtime matrix both run `turbo run build` (which rewrites
    // every package's dist/), and each suite keeps the machine's cores busy on its own.
    maxWorkers: 1,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report-e2e.json' }]] : ['default'],
  },
});
