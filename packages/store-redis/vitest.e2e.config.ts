import { defineProject } from 'vitest/config';

/**
 * The store's slow suites, in `pnpm test:e2e` (`pnpm test` runs every other test file): several processes sharing one
 * quota through a real Redis for about a minute, and two webhook receiver processes deduplicating deliveries through
 * it. They skip with a reason when no redis-server answers.
 */
export const e2eFiles = ['test/multi-process.test.ts', 'test/webhook-multi-process.test.ts'];

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'store-redis-e2e', include: e2eFiles, testTimeout: 180_000, hookTimeout: 60_000 },
});
