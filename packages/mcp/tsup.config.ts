import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// `shims` gives the CJS build `import.meta.url`, which locates the bundled docs (specification, checklist).
export default defineConfig(packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts' }, { shims: true }));
