import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'bench', include: ['test/**/*.test.ts'], testTimeout: 120_000 },
});
