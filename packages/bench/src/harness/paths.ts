import { fileURLToPath } from 'node:url';

/** packages/bench */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const SRC_DIR = fileURLToPath(new URL('../', import.meta.url));
/**
 * Scratch space for generated bundles: inside node_modules, so Node resolves their npm imports from this package,
 * and git and eslint ignore them.
 */
export const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/cf-bench/', import.meta.url));
/** The repository root (where docs/benchmarks.md lives). */
export const REPO_DIR = fileURLToPath(new URL('../../../../', import.meta.url));

