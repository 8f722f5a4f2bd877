/**
 * What a scaffolded package needs to build, type-check and test on its own after one `npm install`: the scripts
 * call tsup, tsc and vitest, the standalone tsconfig names Node's types, and test/lazy-import.test.ts runs tsx.
 * The ranges are the repository's own (test/scaffold-input.test.ts keeps them equal to the root package.json).
 */
export const SCAFFOLD_DEV_RANGES = {
  '@types/node': '^20.19.0',
  tsup: '^8.5.0',
  tsx: '^4.20.0',
  typescript: '~5.9.3',
} as const;

/** Where the scaffold's repository field points when neither the monorepo nor `--repository` says. */
export const DEFAULT_REPOSITORY_URL = 'git+https://github.com/connector-factory/connector-factory.git';
