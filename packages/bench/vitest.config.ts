import { configDefaults, defineProject } from 'vitest/config';
import { e2eFiles } from './vitest.e2e.config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  // The smoke run of every bench part is in vitest.e2e.config.ts (`pnpm test:e2e`).
  test: { name: 'bench', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...e2eFiles], testTimeout: 120_000 },
});
