import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'github', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
