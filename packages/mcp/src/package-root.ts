import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (): string => dirname(fileURLToPath(import.meta.url));

/** This package's directory: one level above this module, whether it runs from `src/` or from the `dist/` bundle. */
export const packageRoot = (): string => resolve(here(), '..');

/** True when running the TypeScript source in the workspace, false from the published `dist/` bundle. */
export const runningFromSource = (): boolean => basename(here()) === 'src';
