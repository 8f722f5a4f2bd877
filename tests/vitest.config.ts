import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    // runtimes/ is its own suite (runtimes/vitest.config.ts): Deno, Bun and Chromium, run with the end-to-end tests.
    exclude: ['**/node_modules/**', '.tmp/**', 'runtimes/**'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
