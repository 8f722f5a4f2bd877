import { minify } from 'terser';

/**
 * Why: a cold start compiles every byte of the modules it imports (V8 scans and preparses them all), so bytes cost
 * time even in functions never called: ~20 µs per KB of a connector's import on a 2-core machine. Parameter and
 * local variable names are a sixth of core's runtime module (220 KB → 183 KB with them shortened; its import
 * ~0.5 ms faster).
 *
 * What: terser renames parameters and local variables only. Names a reader or a stack trace sees stay: top-level
 * declarations and exports, function and class names (also of a local `const f = function () {}`, whose `.name` is
 * its variable's), properties. Nothing else is rewritten (no compression: esbuild already minified the syntax).
 * Returns the code and a source map from `code` to it.
 */
export async function shortLocals(code: string, options: { file?: string } = {}): Promise<{ code: string; map: string }> {
  const file = options.file ?? 'input.js';
  const result = await minify(
    { [file]: code },
    {
      // Not `module: true`: that would rename top-level names too. terser reads import and export statements anyway.
      module: false,
      toplevel: false,
      compress: false,
      mangle: { module: false, toplevel: false, keep_fnames: true, keep_classnames: true },
      // License comments (`/*! ... */`, `@license`) as esbuild left them; no others. ASCII only, as esbuild writes:
      // one non-ASCII character makes V8 hold the whole source as a two-byte string (twice the memory, and core's
      // runtime then starts a garbage collection during a cold import).
      format: { comments: 'some', ascii_only: true },
      sourceMap: { includeSources: false },
    },
  );
  if (result.code === undefined || typeof result.map !== 'string') throw new Error(`shortLocals: terser returned no code for ${file}`);
  return { code: result.code, map: result.map };
}
