import { defineProject } from 'vitest/config';
import { fastFiles } from './vitest.e2e.config';

/** In `pnpm test`: the end-to-end test cheap enough to run on every change. The rest of tests/ is `pnpm test:e2e`. */
export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'demo', include: fastFiles, testTimeout: 120_000 },
});
