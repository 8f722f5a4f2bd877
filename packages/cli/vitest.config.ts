import { configDefaults, defineProject } from 'vitest/config';
import { e2eFiles } from './vitest.e2e.config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  // Spawned CLIs take seconds, not milliseconds. The suites that scaffold a package and run its own tests are in
  // vitest.e2e.config.ts (`pnpm test:e2e`).
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...e2eFiles],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
