import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * `pnpm test`: every package's tests (minutes on a 2-core machine). The suites that build, pack, install from the
 * npm registry or scaffold packages and run their tests are `pnpm test:e2e` (vitest.e2e.config.ts); CI runs both.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'packages/core/vitest.fetch.config.ts', 'tests/vitest.config.ts', 'scripts/vitest.config.ts'],
    // vitest's default is one worker fewer than the cores: one on a 2-core machine. Much of the suites' time is
    // real-time waiting (rate limiters, Retry-After, timeouts), so one worker more than the cores keeps them busy.
    maxWorkers: availableParallelism() + 1,
    // Transformed modules kept in node_modules/.experimental-vitest-cache between runs (keyed by content).
    experimental: { fsModuleCache: true },
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/index.ts', '**/types.ts'],
      thresholds: { lines: 90 },
    },
  },
});
