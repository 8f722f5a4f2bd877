import { defineProject } from 'vitest/config';

/**
 * The bench's smoke run, in `pnpm test:e2e` (`pnpm test` runs the bench's other tests): every part of `pnpm bench`
 * at a tiny scale, with its fake servers and worker processes — ~30 s of both cores, which `pnpm test`'s 3-minute
 * budget does not have room for.
 */
export const e2eFiles = ['test/smoke.test.ts'];

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'bench-e2e', include: e2eFiles, testTimeout: 120_000, hookTimeout: 300_000 },
});
