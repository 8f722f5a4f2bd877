import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];
import { packageBuild } from '../../tsup.config.base';

/**
 * zod's entry points re-export all ~40 locale files (`export * as locales`); core sets English itself
 * (src/schema/zod.ts), so the index of locales compiles to an empty module: ~250 KB less to load.
 */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${'/'}zod${'/'}`) ? { path: 'zod-locales', namespace: 'cf-empty' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'cf-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export default defineConfig(
  packageBuild(
    {
      index: 'src/index.ts',
      'zod/index': 'src/schema/zod.ts',
      'testing/index': 'src/testing/index.ts',
      'conformance/index': 'src/testing/conformance-entry.ts',
      'telemetry/index': 'src/telemetry/index.ts',
      'internal/index': 'src/internal.ts',
      // Reached through the `#node-transport` import (package.json "imports"): Node gets undici, bundles for
      // browsers and workers get the stub, so undici and node:zlib never enter them.
      'node-transport/index': 'src/http/node-transport.ts',
      'no-node-transport/index': 'src/http/no-node-transport.ts',
    },
    {
      external: ['msw', 'vitest', '@opentelemetry/api', '#node-transport'],
      // zod's runtime is compiled in (see src/schema/zod.ts): one file instead of ~100, and no locale files.
      noExternal: [/^zod/],
      esbuildPlugins: [withoutZodLocales],
      // One copy of each module across the entry points: an error built by `@cf/core/internal`'s `errorForStatus`
      // must be `instanceof` the classes of `@cf/core`, and a breaker from its registry a `CircuitBreaker`.
      splitting: true,
      // The CJS build finds files with __filename; esbuild's warning about an empty import.meta there is moot.
      esbuildOptions: (options) => {
        options.logOverride = { 'empty-import-meta': 'silent' };
      },
    },
  ),
);
