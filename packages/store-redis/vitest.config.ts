import { configDefaults, defineProject } from 'vitest/config';
import { e2eFiles } from './vitest.e2e.config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  // The multi-process suite is in vitest.e2e.config.ts (`pnpm test:e2e`).
  test: { name: 'store-redis', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], exclude: [...configDefaults.exclude, ...e2eFiles] },
});
