import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  // Spawned CLIs and the scaffolded package's own test run take seconds, not milliseconds.
  test: { name: 'cli', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
