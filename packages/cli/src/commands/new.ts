import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { usageError } from '../cli-error.js';
import { corePackage } from '../core-package.js';
import { cliPackageRoot } from '../package-root.js';
import { DEFAULT_REPOSITORY_URL, SCAFFOLD_DEV_RANGES } from '../scaffold/dev-dependencies.js';
import { connectorNames } from '../scaffold/names.js';
import { outputPath, renderTemplate } from '../scaffold/render-template.js';

/** Options of `scaffoldConnector` (`cf new`): the API's name and where and how to create its package. */
export interface ScaffoldOptions {
  /** The API's name: lower-case words joined by "-" (`acme-crm`). */
  name: string;
  /** Where to create the package. @default `packages/connector-<name>` under `cwd` */
  dir?: string | undefined;
  /** @default process.cwd() */
  cwd?: string | undefined;
  /** The API's name as written (`GitHub`): the class keeps its casing (`GitHubConnector`). */
  displayName?: string | undefined;
  /** The npm scope of the package (`@acme`). @default '@cf' */
  scope?: string | undefined;
  /** The whole package name (`@acme/github-client`). @default `<scope>/connector-<name>` */
  packageName?: string | undefined;
  /** The git URL for package.json's `repository`. @default the monorepo's (with `directory`) inside it */
  repository?: string | undefined;
  /** The API's base URL with its path prefix. @default `https://api.<name>.example/v1` */
  baseUrl?: string | undefined;
  /** The API's documentation URL, for the README and metadata. @default `https://docs.<name>.example/` */
  docsUrl?: string | undefined;
}

/** What `scaffoldConnector` created. */
export interface ScaffoldResult {
  /** The new package's directory. */
  dir: string;
  /** Paths written, relative to `dir` (a changeset relative to the repository root is listed as `../../.changeset/...`). */
  files: string[];
  /** `repo`: inside this monorepo (extends its tsconfig, depends on `@cf/core` with `workspace:^`); `standalone` elsewhere. */
  layout: 'repo' | 'standalone';
}

/** The root package.json's `repository` URL, if it has one. */
function rootRepositoryUrl(repoRoot: string): string | undefined {
  try {
    const { repository } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
    return typeof repository === 'string' ? repository : repository?.url;
  } catch {
    return undefined;
  }
}

/**
 * package.json's `repository`, as JSON: `--repository`; else inside a monorepo its root's URL (or this one's) with
 * the package's `directory`; else `github.com/<scope>/<package>` to correct before publishing.
 */
function repositoryField(url: string | undefined, fallback: string, directory: string | undefined): string {
  if (url !== undefined && !/^((git\+)?(https?|ssh|git):\/\/\S+|(github|gitlab|bitbucket):\S+)$/.test(url)) {
    throw usageError(`--repository must be a git URL (git+https://github.com/acme/connectors.git), got "${url}".`);
  }
  const field = { type: 'git', url: url ?? fallback, ...(directory !== undefined ? { directory } : {}) };
  return JSON.stringify(field, null, 2).replace(/\n/g, '\n  ');
}

function templateFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? templateFiles(root, join(dir, entry.name)) : entry.name.endsWith('.tpl') ? [join(dir, entry.name)] : []))
    .sort();
}

/**
 * `cf new <name>`: a connector package in the standard layout, wired to core, that builds and passes its tests
 * untouched: a client, one example resource (`items`) with its schema, mocks, a conformance test, README,
 * AGENTS.md and metadata record.
 */
export function scaffoldConnector(options: ScaffoldOptions): ScaffoldResult {
  const names = connectorNames(options.name, { displayName: options.displayName, scope: options.scope, packageName: options.packageName });
  const dir = resolve(options.cwd ?? process.cwd(), options.dir ?? join('packages', `connector-${names.name}`));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw usageError(`${dir} exists and is not empty; choose another --dir.`);
  const repoRoot = resolve(dir, '..', '..');
  const layout = existsSync(join(repoRoot, 'tsconfig.base.json')) ? 'repo' : 'standalone';
  const inWorkspace = layout === 'repo' && existsSync(join(repoRoot, 'packages', 'core', 'package.json'));
  const core = corePackage();
  const [scope, base] = names.packageName.startsWith('@') ? names.packageName.slice(1).split('/') : [undefined, names.packageName];
  const guessedRepository = `git+https://github.com/${scope ?? 'OWNER'}/${base ?? names.packageName}.git`;
  // Inside a monorepo: its root's URL (this repository's for a package next to packages/core), with the directory.
  const monorepoUrl = layout === 'repo' ? (rootRepositoryUrl(repoRoot) ?? (inWorkspace ? DEFAULT_REPOSITORY_URL : undefined)) : undefined;
  const vars: Record<string, string> = {
    ...names,
    baseUrl: options.baseUrl ?? `https://api.${names.name}.example/v1`,
    docsUrl: options.docsUrl ?? `https://docs.${names.name}.example/`,
    // A standalone package depends on the core this CLI runs with; zod (for its schemas' types) in core's range.
    coreRange: inWorkspace ? 'workspace:^' : `^${core.version}`,
    zodRange: core.zodRange,
    camelName: names.pascalName.charAt(0).toLowerCase() + names.pascalName.slice(1),
    typesNodeRange: SCAFFOLD_DEV_RANGES['@types/node'],
    tsupRange: SCAFFOLD_DEV_RANGES.tsup,
    tsxRange: SCAFFOLD_DEV_RANGES.tsx,
    typescriptRange: SCAFFOLD_DEV_RANGES.typescript,
    repository: repositoryField(options.repository, monorepoUrl ?? guessedRepository, monorepoUrl !== undefined && options.repository === undefined ? relative(repoRoot, dir).split(sep).join('/') : undefined),
  };
  for (const [key, url] of [['baseUrl', vars.baseUrl], ['docsUrl', vars.docsUrl]] as const) {
    if (!URL.canParse(url ?? '')) throw usageError(`--${key === 'baseUrl' ? 'base-url' : 'docs-url'} must be an absolute URL, got "${url}".`);
  }

  const templates = join(cliPackageRoot(), 'templates', 'connector');
  const files: string[] = [];
  for (const template of templateFiles(templates)) {
    const variant = outputPath(template, layout);
    if (variant === undefined) continue;
    const out = renderTemplate(variant, vars, template);
    const target = join(dir, out);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, renderTemplate(readFileSync(join(templates, template), 'utf8'), vars, template));
    files.push(out.split(sep).join('/'));
  }

  const changesets = join(repoRoot, '.changeset');
  const changeset = join(changesets, `${names.name}-initial.md`);
  if (inWorkspace && existsSync(changesets) && !existsSync(changeset)) {
    writeFileSync(changeset, `---\n'${names.packageName}': minor\n---\n\nInitial release: typed ${names.displayName} client with items, generated by \`cf new\`.\n`);
    files.push(relative(dir, changeset).split(sep).join('/'));
  }
  return { dir, files, layout };
}
