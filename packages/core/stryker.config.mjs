// Mutation testing for @cf/core (StrykerJS). Run it with `pnpm test:mutation` from the root or from here; it is
// deliberately not part of `pnpm test` (a full run takes tens of minutes). See docs/quality.md.
//
// Stryker copies this package into .stryker-tmp/sandbox-*/ and runs vitest there with ./vitest.config.ts, so
// the `@cf/source` export condition set in that config applies to the mutated run exactly as to `pnpm test`.
// Stryker 9.x, not 10: 10 needs Node >= 22 and the workspace supports Node >= 20.19.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // pnpm does not hoist plugins next to @stryker-mutator/core, so name the runner instead of globbing for it.
  plugins: ['@stryker-mutator/vitest-runner'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  mutate: [
    'src/policies/**/*.ts',
    'src/http/**/*.ts',
    'src/client/**/*.ts',
    'src/pagination/**/*.ts',
    'src/errors/**/*.ts',
    'src/auth/**/*.ts',
    '!src/**/*.test.ts',
  ],
  // Only the package's sources, tests and configs go into the sandbox.
  ignorePatterns: ['dist', 'reports', 'coverage', 'etc', '*.log'],
  coverageAnalysis: 'perTest',
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  concurrency: 2,
  // The tests use fake time, so a mutant that times out is an endless loop, not a slow test; but the machine is
  // shared, so leave room: per mutant, 2 x the dry-run time of its tests + 10 s.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  // Scores are informational for now (pilot); no `break` threshold fails the command.
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
