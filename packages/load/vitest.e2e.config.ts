import { defineProject } from 'vitest/config';

/**
 * `@cf/load`'s slow suites, in `pnpm test:e2e` (`pnpm test` runs every other test file): each destination's sync
 * SIGKILLed at random points and rerun (`*-crash.test.ts`), the mid-commit SIGKILLs, and ClickHouse's 100k-row
 * commit. They need the loopback Postgres and ClickHouse that `.ci/run` starts, and skip with a reason without them.
 */
export const e2eFiles = ['test/duckdb-crash.test.ts', 'test/postgres-crash.test.ts', 'test/clickhouse-crash.test.ts', 'test/postgres-sigkill.test.ts', 'test/clickhouse-sigkill.test.ts', 'test/clickhouse-large.test.ts'];

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'load-e2e', include: e2eFiles, testTimeout: 180_000, hookTimeout: 60_000 },
});
