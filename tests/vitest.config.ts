import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.tmp/**'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
