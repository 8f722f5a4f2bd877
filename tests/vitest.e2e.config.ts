import { configDefaults, defineProject } from 'vitest/config';

/** The one test here cheap enough for `pnpm test` (vitest.config.ts): the README's `pnpm demo`, offline, seconds. */
export const fastFiles = ['e2e/demo.test.ts'];

/**
 * `pnpm test:e2e`: the packaging test (builds and packs every package, installs the tarballs from the npm registry
 * into a fresh project, runs them on Node 20, 22 and 24), the MCP server over stdio (scaffolds packages and runs
 * their tests), and any new test in tests/. runtimes/ is a project of its own (runtimes/vitest.config.ts: Deno, Bun,
 * Chromium, workerd), also in `pnpm test:e2e`.
 */
export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.tmp/**', 'runtimes/**', ...fastFiles],
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
