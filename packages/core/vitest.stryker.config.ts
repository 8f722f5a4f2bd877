import { defineProject } from 'vitest/config';

/**
 * The unit tests beside the code (`src/**`), for mutation testing: the rules are pinned there. The conformance
 * suite in `test/` exercises everything through whole connectors and takes seconds per run; under Stryker it would
 * run for nearly every mutant.
 */
export default defineProject({
  resolve: { conditions: ['@cf/source'] },
  ssr: { resolve: { conditions: ['@cf/source'] } },
  test: { name: 'core', include: ['src/**/*.test.ts'], testTimeout: 20_000 },
});
