import { defineProject } from 'vitest/config';

/** The build scripts' own tests (scripts/build/: what tsup.config.base.ts does to every package's output). */
export default defineProject({
  test: { name: 'scripts', include: ['build/**/*.test.ts'] },
});
