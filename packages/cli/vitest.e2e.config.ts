import { defineProject } from 'vitest/config';

/**
 * The CLI's slow suites, in `pnpm test:e2e` (vitest.config.ts, `pnpm test`, runs every other test file): `cf new`
 * and add-resource scaffold a package under the repository's .tmp/ and run its own vitest, tsc and `cf check` as
 * child processes; the registry check runs every connector's conformance suite again. About a minute each on a busy
 * 2-core machine; `cf record` records into a scaffolded package and runs the generated test; `cf sync` lands every
 * connector's sandbox streams in DuckDB twice. The shadcn test fetches the shadcn CLI from npm and installs every connector with it (skipped
 * when npm cannot be reached).
 */
export const e2eFiles = ['test/scaffold.test.ts', 'test/add-resource.test.ts', 'test/registry-up-to-date.test.ts', 'test/shadcn-add.test.ts', 'test/record.test.ts', 'test/record-adsb.test.ts', 'test/sync.test.ts'];

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'cli-e2e', include: e2eFiles, testTimeout: 60_000, hookTimeout: 60_000 },
});
