import type { Writable } from 'node:stream';
import { isConnectorError } from '@cf/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, exitCodeOf } from './cli-error.js';
import { defineAddResourceCommand } from './commands/add-resource-command.js';
import { RECORD_DEFAULTS } from './record/record-defaults.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { CLI_VERSION } from './version.js';

/** Where `main` reads and writes: the process's streams and environment, or a test's. */
export interface CliIo {
  /** Results (tables, JSON, records): what a pipe receives. */
  stdout: Writable;
  /** Errors and progress; a live status line when it is a terminal (`isTTY`). */
  stderr: Writable & { isTTY?: boolean };
  /** Credentials and `CF_BASE_URL` are read from here. */
  env: NodeJS.ProcessEnv;
  /** Relative paths (`--dir`, `--state`, `--out`) resolve against it. */
  cwd: string;
  /** Ctrl-C: aborting it stops `cf extract` cleanly, with its state saved. */
  signal?: AbortSignal | undefined;
}

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer.');
  return n;
};

const keyValue = (value: string, previous: Record<string, string> = {}): Record<string, string> => {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('must be key=value.');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};

async function describeError(error: unknown): Promise<string> {
  if (isConnectorError(error)) {
    const id = error.requestId ? ` (request id ${error.requestId})` : '';
    return `${error.code}: ${error.message}${id}`;
  }
  if (error instanceof CliError) return error.message;
  // @cf/load (and the database drivers behind it) loads only when a command needs it, or to name its error.
  if (error instanceof Error && 'code' in error) {
    const { LoadError } = await import('@cf/load');
    if (error instanceof LoadError) return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Builds the `cf` program: argument parsing only; every command's logic is a function in `src/commands/`, imported
 * when the command runs (so `cf --help` loads no connector, database driver or mock server).
 */
export function createProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const program = new Command('cf')
    .description('Connector Factory: production-grade API connectors, as packages or as source you own.')
    .version(CLI_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('list')
    .description('the registry: connector, package version, API version, auth, resources, compliance')
    .option('--json', 'print the registry entries as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { formatConnectorList, listConnectors } = await import('./commands/list.js');
      const entries = listConnectors();
      print(opts.json ? JSON.stringify(entries, null, 2) : formatConnectorList(entries));
    });

  program
    .command('extract')
    .description('stream a resource as JSON Lines, resumable with --state')
    .argument('<connector>', 'a connector from cf list')
    .argument('<resource>', 'a resource of that connector (cf list --json shows "extract")')
    .option('--since <value>', 'where to start, for resources that take one (a date or datetime)')
    .option('--state <file>', 'checkpoint file: rewritten after every page, read to resume')
    .option('--out <file>', 'JSON Lines output file, or - for stdout', '-')
    .option('--limit <n>', 'stop after n records', positiveInteger)
    .option('--sandbox', "run against the connector's own mocks on loopback (no credentials, no network)")
    .option('--config <file>', 'JSON file with the connector configuration (credentials, core options)')
    .option('--base-url <url>', "the API's base URL with its path prefix (a proxy, a regional host); default from CF_BASE_URL")
    .option('-p, --param <key=value>', 'a resource parameter, repeatable', keyValue)
    .addOption(new Option('--progress <mode>', 'progress on stderr').choices(['auto', 'plain', 'none']).default('auto'))
    .action(async (connector: string, resource: string, opts: ExtractFlags) => {
      const { extract } = await import('./commands/extract.js');
      const result = await extract({
        connector,
        resource,
        since: opts.since,
        state: opts.state,
        out: opts.out === '-' ? '-' : opts.out,
        limit: opts.limit,
        sandbox: opts.sandbox,
        config: opts.config,
        baseUrl: opts.baseUrl,
        params: opts.param,
        env: io.env,
        signal: io.signal,
        stdout: io.stdout,
        stderr: io.stderr,
        progress: opts.progress,
      });
      if (result.interrupted) setExit(EXIT.interrupted);
    });

  program
    .command('sync')
    .description('land streams in a database (DuckDB by default), incrementally and exactly once; state kept there')
    .argument('<connector>', 'a connector from cf list')
    .argument('[streams...]', 'streams to sync (cf discover <connector>); default: all')
    .option('--to <destination>', 'duckdb:./cf.duckdb | postgres://user:pass@host:5432/db | clickhouse://user:pass@host:8123/db', 'duckdb:./cf.duckdb')
    .option('--full-refresh', 'read every stream from the beginning (its saved state is forgotten; rows are upserted)')
    .option('--fail-fast', 'stop at the first record that fails validation instead of sending it to _cf_rejects')
    .option('--sandbox', "run against the connector's own mocks on loopback (no credentials, no network)")
    .option('--config <file>', 'JSON file with the connector configuration (credentials, core options)')
    .option('--base-url <url>', "the API's base URL with its path prefix; default from CF_BASE_URL")
    .option('-p, --param <key=value>', 'a stream parameter, repeatable', keyValue)
    .option('--batch-rows <n>', 'commit every n records (each commit carries its checkpoint)', positiveInteger)
    .option('--sample <n>', 'afterwards, print the first n rows of each table', positiveInteger)
    .addOption(new Option('--progress <mode>', 'progress on stderr').choices(['plain', 'none']).default('plain'))
    .action(async (connector: string, streams: string[], opts: SyncFlags) => {
      const { syncCommand } = await import('./commands/sync.js');
      const summary = await syncCommand({
        connector,
        streams,
        to: opts.to,
        fullRefresh: opts.fullRefresh,
        failFast: opts.failFast,
        sandbox: opts.sandbox,
        config: opts.config,
        baseUrl: opts.baseUrl,
        params: opts.param,
        batchRows: opts.batchRows,
        sample: opts.sample,
        env: io.env,
        signal: io.signal,
        stdout: io.stdout,
        stderr: io.stderr,
        progress: opts.progress,
      });
      if (summary.interrupted) setExit(EXIT.interrupted);
    });

  program
    .command('discover')
    .description("print a connector's catalog as JSON: streams, primary key, cursor, sync mode, params, JSON Schema")
    .argument('<connector>', 'a connector from cf list')
    .action(async (connector: string) => {
      const { discoverCommand } = await import('./commands/discover.js');
      print(JSON.stringify(await discoverCommand({ connector }), null, 2));
    });

  program
    .command('new')
    .description('scaffold packages/connector-<name>: client, example resource, mocks, conformance test, README, metadata')
    .argument('<name>', "the API's name, lower-case words joined by - (acme-crm)")
    .option('--dir <dir>', 'where to create the package (default packages/connector-<name>)')
    .option('--display-name <name>', "the API's name as written (default from <name>); the class keeps its casing: GitHub gives GitHubConnector")
    .option('--scope <scope>', 'the npm scope of the package (default @cf)')
    .option('--name <package>', 'the whole package name (default <scope>/connector-<name>)')
    .option('--repository <url>', "package.json's repository URL (default: the monorepo's, with the package's directory)")
    .option('--base-url <url>', "the API's base URL with its path prefix")
    .option('--docs-url <url>', "the API's documentation")
    .action(async (name: string, opts: { dir?: string; displayName?: string; scope?: string; name?: string; repository?: string; baseUrl?: string; docsUrl?: string }) => {
      const { scaffoldConnector } = await import('./commands/new.js');
      const { name: packageName, ...rest } = opts;
      const result = scaffoldConnector({ ...rest, name, packageName, cwd: io.cwd });
      print(`created ${result.dir} (${result.layout} layout):\n  ${result.files.join('\n  ')}`);
      const install = result.layout === 'repo' ? 'pnpm install (at the repository root)' : `cd ${result.dir} && npm install`;
      print(`next: ${install}, then \`npm test\` and \`npm run build\` in it; done means \`cf check ${result.dir}\` at 100%.`);
    });

  // Arguments, flags and action in src/commands/add-resource.ts.
  defineAddResourceCommand(program.command('add-resource'), { cwd: io.cwd, print });

  program
    .command('add')
    .description("copy a connector's source into your project (pinned to this CLI's version, with a manifest)")
    .argument('<connector>', 'a connector from cf list')
    .option('--dir <dir>', 'the directory connectors are copied into', 'src/connectors')
    .action(async (connector: string, opts: { dir: string }) => {
      const { addConnector } = await import('./commands/add.js');
      const result = addConnector({ connector, dir: opts.dir, cwd: io.cwd });
      const what = result.previousVersion === undefined ? 'added' : `updated from ${result.previousVersion}`;
      print(`${connector} ${result.version} ${what} in ${result.dir}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed.`);
      for (const warning of result.warnings) io.stderr.write(`warning: ${warning}, outside the copied source: adjust it in your copy.\n`);
      const needs = result.dependencies.map((d) => `${d.name}${d.range === undefined ? '' : ` ${d.range}`}${d.mocksOnly ? ' (for its mocks)' : ''}`);
      print(`it needs ${needs.join(', ')} in your dependencies; \`cf diff ${connector}\` shows your changes and upstream's.`);
    });

  program
    .command('diff')
    .description('for a copied-in connector: what you changed, and what changed upstream')
    .argument('<connector>', 'a connector installed with cf add')
    .option('--dir <dir>', 'the directory connectors were copied into', 'src/connectors')
    .option('--stat', 'list the files only, without patches')
    .action(async (connector: string, opts: { dir: string; stat?: boolean }) => {
      const { diffConnector, formatDiff } = await import('./commands/diff.js');
      print(formatDiff(diffConnector({ connector, dir: opts.dir, cwd: io.cwd }), { patches: !opts.stat }));
    });

  program
    .command('update')
    .description("bring a copied-in connector to this CLI's version: a three-way merge with your edits, conflicts marked as git marks them")
    .argument('<connector>', 'a connector installed with cf add')
    .option('--dir <dir>', 'the directory connectors were copied into', 'src/connectors')
    .option('--dry-run', 'print the unified diff of what would change, and write nothing')
    .addOption(new Option('--conflict-style <style>', 'conflict markers with the base (diff3) or without (merge)').choices(['diff3', 'merge']).default('diff3'))
    .action(async (connector: string, opts: { dir: string; dryRun?: boolean; conflictStyle: 'diff3' | 'merge' }) => {
      const { formatUpdate, updateConnector } = await import('./commands/update.js');
      const result = updateConnector({ connector, dir: opts.dir, cwd: io.cwd, dryRun: opts.dryRun, conflictStyle: opts.conflictStyle });
      print(formatUpdate(result));
      // 1 when conflict markers were (or would be) written, or a file needs your decision, as git merge exits.
      if (result.needsAttention > 0) setExit(EXIT.failure);
    });

  program
    .command('check')
    .description('run the conformance suite against a connector package and print its compliance')
    .argument('[path]', 'a connector package directory, or a connector name', '.')
    .option('--json', 'print the reports as JSON')
    .action(async (path: string, opts: { json?: boolean }) => {
      const { checkConnector, formatCheck } = await import('./commands/check.js');
      const result = await checkConnector({ target: path, cwd: io.cwd, signal: io.signal });
      print(opts.json ? JSON.stringify(result, null, 2) : formatCheck(result));
      if (result.compliance < 100) setExit(EXIT.failure);
    });

  program
    .command('record')
    .description("opt-in, live: run one operation of a connector package against the API, save the redacted responses as fixtures, and generate MSW handlers and a test from them")
    .argument('<package>', 'a connector package directory (made by cf new)')
    .argument('<operation>', 'a method path on the client: items.list, items.get')
    .option('--arg <key=value>', "an argument field, repeatable: gathered into one object argument (values parsed as JSON: pageSize=2)", keyValue)
    .option('--args <json>', "the arguments as JSON: an array for positional arguments ('[\"item_001\"]'), anything else for one argument")
    .option('--limit <n>', `stop after n records (default ${RECORD_DEFAULTS.limit})`, positiveInteger)
    .option('--max-pages <n>', `stop after n pages (default ${RECORD_DEFAULTS.maxPages})`, positiveInteger)
    .option('--config <file>', 'JSON file with the connector configuration (credentials, core options)')
    .option('--base-url <url>', "the API's base URL with its path prefix; default from CF_BASE_URL, else the package's")
    .option('--redact-field <path>', 'a field to blank in the fixtures (PII), such as customer.email; repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .action(async (target: string, operation: string, opts: RecordFlags) => {
      const { recordOperation } = await import('./commands/record.js');
      const result = await recordOperation({
        target,
        operation,
        args: opts.args,
        arg: opts.arg,
        limit: opts.limit,
        maxPages: opts.maxPages,
        config: opts.config,
        baseUrl: opts.baseUrl,
        redactFields: opts.redactField,
        env: io.env,
        cwd: io.cwd,
        stderr: io.stderr,
      });
      const what = result.kind === 'paginated' ? `${result.records} records from ${result.pages} page(s)` : 'its result';
      print(`recorded ${result.operation}: ${what}, ${result.exchanges} exchange(s), redacted. Wrote in ${result.dir}:\n  ${result.written.join('\n  ')}`);
      print(`next: review the fixture, then run the package's tests (\`npx vitest run ${result.written[2] ?? ''}\`).`);
    });

  return program;
}

interface RecordFlags {
  arg?: Record<string, string>;
  args?: string;
  limit?: number;
  maxPages?: number;
  config?: string;
  baseUrl?: string;
  redactField?: string[];
}

interface SyncFlags {
  to: string;
  fullRefresh?: boolean;
  failFast?: boolean;
  sandbox?: boolean;
  config?: string;
  baseUrl?: string;
  param?: Record<string, string>;
  batchRows?: number;
  sample?: number;
  progress: 'plain' | 'none';
}

interface ExtractFlags {
  since?: string;
  state?: string;
  out: string;
  limit?: number;
  sandbox?: boolean;
  config?: string;
  baseUrl?: string;
  param?: Record<string, string>;
  progress: 'auto' | 'plain' | 'none';
}

/** Runs `cf` with the user's arguments; resolves to the exit code (never throws). */
export async function main(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with a "success" CommanderError; anything else is a usage error, already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(`cf: ${await describeError(error)}\n`);
    return exitCodeOf(error);
  }
}
