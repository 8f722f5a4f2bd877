/**
 * `@cf/core/runtime`: `@cf/core`, `@cf/core/zod` and `@cf/core/internal` as ONE module, which is what the built
 * packages (connectors, CLI, loaders) import. Each module and each bare-specifier import costs a cold start
 * ~0.5–1 ms of Node's ESM loader work; core as one module instead of a dozen halves a connector's import time
 * (docs/benchmarks.md, import cost). The three entry points are thin re-exports of this module, so a class from
 * `@cf/core` and one reached through a connector are the same class.
 *
 * NO SEMVER PROMISE, like `@cf/core/internal`: import `@cf/core` (and `@cf/core/zod`) in your own code.
 * @packageDocumentation
 */
export * from './index.js';
export * from './schema/zod.js';
export * from './internal.js';
