import { existsSync, readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../cli-error.js';

type TsImport = (specifier: string, options: { parentURL: string }) => Promise<Record<string, unknown>>;

/** A connector constructor as `cf record` calls it: a configuration in, an instance with methods out. */
export type ConnectorConstructor = new (config: Record<string, unknown>) => object;

/** tsx's ESM API, from the connector package (a `cf new` package has tsx in its devDependencies), else the CLI's own. */
async function loadTsx(packageDir: string): Promise<TsImport> {
  for (const from of [join(packageDir, 'package.json'), import.meta.url]) {
    let manifest: string;
    try {
      manifest = createRequire(from).resolve('tsx/package.json');
    } catch {
      continue;
    }
    const api = join(dirname(manifest), 'dist', 'esm', 'api', 'index.mjs');
    if (!existsSync(api)) continue;
    const mod = (await import(pathToFileURL(api).href)) as { tsImport?: TsImport };
    if (typeof mod.tsImport === 'function') return mod.tsImport;
  }
  throw usageError(`cf record loads ${packageDir}'s TypeScript with tsx, which is not installed there: run \`npm install -D tsx\` in it (a \`cf new\` package lists it), then record again.`);
}

let conditionRegistered = false;

/**
 * Workspace packages export their TypeScript source under the `@cf/source` condition (this repository's
 * convention); asking for it lets a package in a workspace run against its siblings' source rather than a stale
 * `dist/`. Packages that do not declare the condition resolve as before.
 */
function preferSourceCondition(): void {
  if (conditionRegistered) return;
  conditionRegistered = true;
  const hook = [
    'export async function resolve(specifier, context, next) {',
    "  const conditions = context.conditions.includes('@cf/source') ? context.conditions : [...context.conditions, '@cf/source'];",
    '  return next(specifier, { ...context, conditions });',
    '}',
  ].join('\n');
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

/** The connector class's name, from its file: `export class AcmeConnector extends BaseConnector`. */
export function connectorClassName(packageDir: string, entry: string): string {
  const source = readFileSync(join(packageDir, entry), 'utf8');
  const name = /export class (\w+) extends BaseConnector\b/.exec(source)?.[1];
  if (name === undefined) throw usageError(`${join(packageDir, entry)} exports no class extending BaseConnector.`);
  return name;
}

/** Imports the package's `src/index.ts` (TypeScript, through tsx) and returns its connector class. */
export async function loadConnectorClass(packageDir: string, className: string): Promise<ConnectorConstructor> {
  const tsImport = await loadTsx(packageDir);
  preferSourceCondition();
  const mod = await tsImport(pathToFileURL(join(packageDir, 'src', 'index.ts')).href, { parentURL: pathToFileURL(join(packageDir, 'package.json')).href });
  const found = mod[className];
  if (typeof found !== 'function') throw usageError(`${packageDir}/src/index.ts does not export ${className}; export it (the \`cf new\` layout does).`);
  return found as ConnectorConstructor;
}
