import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { defaultTransport, isConnectorError } from '@cf/core';
import { adapters } from '../adapters/index.js';
import { readConnectorPackage } from '../add-resource/connector-package.js';
import { CliError, exitCodeOf, usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { BASE_URL_ENV, checkBaseUrl, readConfigFile } from '../extract/connector-config.js';
import { connectorClassName, loadConnectorClass } from '../record/load-connector.js';
import { checkOperationName, operationArgs, resolveOperation, runOperation } from '../record/operation.js';
import { isSecretKey, recordRedactor } from '../record/redact-recording.js';
import { recordingTransport } from '../record/recording-transport.js';
import { RECORD_DEFAULTS } from '../record/record-defaults.js';
import { fixtureFile, RECORDED_DIR, renderRecordedIndex, renderRecordedTest, testFile, type RecordingFile } from '../record/render-recorded.js';

/** What `recordOperation` (`cf record`) takes: the package, the operation and its arguments, bounds and redaction. */
export interface RecordOptions {
  /** The connector package directory (made by `cf new`): where the connector is loaded from and the files go. */
  target: string;
  /** The method path on the client: `items.list`, `items.get`. */
  operation: string;
  /** `--args '<json>'`: an array is the positional arguments, anything else the one argument. */
  args?: string | undefined;
  /** `--arg key=value`: gathered into one object argument (values parsed as JSON when they parse). */
  arg?: Record<string, string> | undefined;
  /** At most this many records of a paginated operation. @default 50 */
  limit?: number | undefined;
  /** At most this many pages of a paginated operation. @default 3 */
  maxPages?: number | undefined;
  /** A JSON file with the connector's configuration (credentials, core options). */
  config?: string | undefined;
  /** The API's base URL; wins over `config`'s, which wins over `CF_BASE_URL`, which wins over the package's default. */
  baseUrl?: string | undefined;
  /** `--redact-field a.b`: blanked in every fixture (PII), wherever the key path ends so. */
  redactFields?: readonly string[] | undefined;
  /** Where credentials are read from. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
  /** @default process.cwd() */
  cwd?: string | undefined;
  /** Where notices go (exchanges with other hosts that were not recorded); never a credential. @default nowhere */
  stderr?: Writable | undefined;
}

/** What one `cf record` run wrote, and how much it recorded. */
export interface RecordResult {
  /** The connector package directory (absolute). */
  dir: string;
  /** The method path that was recorded: `items.list`. */
  operation: string;
  /** `paginated` when the method returned core's `Paginated` (read page by page), `value` when it returned once. */
  kind: 'paginated' | 'value';
  /** Exchanges written to the fixture. */
  exchanges: number;
  /** Records the operation returned (paginated), within `limit`. */
  records: number;
  /** Pages read (paginated), within `maxPages`; 0 for a value. */
  pages: number;
  /** Files written, relative to `dir`. */
  written: string[];
}

export { RECORD_DEFAULTS } from '../record/record-defaults.js';

/** What `cf record` reads from the package's source without running it. */
interface PackageFacts {
  envVars: string[];
  declared: string[];
  defaultBaseUrl: string | undefined;
}

function packageFacts(dir: string): PackageFacts {
  const metadata = readFileSync(join(dir, 'src', 'metadata.ts'), 'utf8');
  const envVars = [...(/envVars: \[([^\]]*)\]/.exec(metadata)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  const declared = [...metadata.matchAll(/\{ name: '([\w$.]+)', kind: /g)].map((m) => m[1] ?? '');
  const configFile = join(dir, 'src', 'config.ts');
  // `cf new` packages name it in src/config.ts; others write it in the registry record.
  const defaultBaseUrl = (existsSync(configFile) ? /DEFAULT_BASE_URL = '([^']+)'/.exec(readFileSync(configFile, 'utf8'))?.[1] : undefined) ?? /\bbaseUrl: '([^']+)'/.exec(metadata)?.[1];
  return { envVars, declared, defaultBaseUrl };
}

/** `ACME_CRM_TOKEN` → `token`, `ACME_API_KEY` → `apiKey`: the configuration field a `cf new` package reads it into. */
function fieldOf(envVar: string, source: string): string {
  const prefix = `${source.toUpperCase().replace(/-/g, '_')}_`;
  const rest = envVar.startsWith(prefix) ? envVar.slice(prefix.length) : envVar;
  return rest.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** String values under secret-looking keys of the configuration, at any depth: redacted wherever they reappear. */
function configSecrets(value: unknown, into: Set<string>, secretParent = false): void {
  if (typeof value === 'string') {
    if (secretParent) into.add(value);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) configSecrets(v, into, secretParent || isSecretKey(key) || /^(auth|oauth|credentials?)$/i.test(key));
}

/** Configuration fields from the environment that locate the account rather than authenticate it. */
const NOT_SECRET_FIELD = /^(shop|shopDomain|domain|subdomain|host|region|site|account|accountId|tenant|baseUrl|url|apiVersion)$/i;

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw usageError(`${name} must be a positive integer.`);
  return value;
}

/**
 * A connector the CLI knows, by name: its package's directory when that is source (this monorepo's
 * `packages/connector-<name>`, linked into node_modules), never an installed copy (no tests, and not yours to edit).
 */
function sourcePackageOf(name: string, cwd: string): string | undefined {
  const packageName = adapters[name]?.metadata.packageName;
  if (packageName === undefined) return undefined;
  for (const from of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      const dir = realpathSync(dirname(createRequire(from).resolve(`${packageName}/package.json`)));
      if (!dir.split(sep).includes('node_modules') && existsSync(join(dir, 'src', 'index.ts')) && existsSync(join(dir, 'test'))) return dir;
    } catch {
      // Not resolvable from there.
    }
  }
  return undefined;
}

function packageDir(options: RecordOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, options.target);
  if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  const known = sourcePackageOf(options.target, cwd);
  if (known !== undefined) return known;
  const builtIn = adapters[options.target] !== undefined;
  throw usageError(
    `${options.target} is not a connector package directory${builtIn ? ` (${options.target} is a connector the CLI knows, but its package source is not here: record it from a checkout of the monorepo, or from your own package)` : ''}. ` +
      'cf record writes fixtures, handlers and a test into a connector package (made by `cf new`).',
  );
}

/**
 * `cf record <package> <operation>`: runs one operation of a connector package against the live API (opt-in: it
 * needs the credentials), through a recording transport, within `limit` records and `maxPages` pages; then writes
 * the redacted exchanges as a fixture (`src/mocks/recorded/<operation>.json`), regenerates the MSW handlers module
 * serving every recorded operation (`src/mocks/recorded/index.ts`, exported from the package's mocks) and writes
 * a test replaying the operation over core's loopback mock server (`test/recorded-<operation>.test.ts`).
 * Credentials never reach a file, a log line or an error: every written text is checked for them before writing.
 */
export async function recordOperation(options: RecordOptions): Promise<RecordResult> {
  const dir = packageDir(options);
  const pkg = readConnectorPackage(dir);
  // The generated test replays through the package's `useMockApi().make()`, as every `cf new` test does.
  if (!/export function useMockApi\b/.test(readFileSync(join(dir, 'test', 'helpers.ts'), 'utf8'))) {
    throw usageError(`${dir}/test/helpers.ts has no \`useMockApi()\` (with \`make()\` and \`server\`, as \`cf new\` writes it): the generated test replays the operation through it.`);
  }
  const facts = packageFacts(dir);
  checkOperationName(options.operation, facts.declared);
  const args = operationArgs(options);
  const limit = positive('--limit', options.limit, RECORD_DEFAULTS.limit);
  const maxPages = positive('--max-pages', options.maxPages, RECORD_DEFAULTS.maxPages);
  const env = options.env ?? process.env;

  // Configuration: the package's environment variables, then --config, then the base URL's own precedence.
  const fromEnv: Record<string, unknown> = {};
  for (const name of facts.envVars) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[fieldOf(name, pkg.source)] = value;
  }
  const fromFile = options.config !== undefined ? readConfigFile(options.config) : {};
  if (facts.envVars.length > 0 && Object.keys(fromEnv).length === 0 && options.config === undefined) {
    throw new CliError(
      `cf record calls the live ${pkg.source} API and needs its credentials: set ${facts.envVars.join(', ')}, or pass --config file.json with them (see ${pkg.packageName}'s README).`,
      EXIT.auth,
    );
  }
  const envBase = env[BASE_URL_ENV];
  const baseUrl =
    options.baseUrl !== undefined
      ? checkBaseUrl(options.baseUrl, '--base-url')
      : typeof fromFile.baseUrl === 'string'
        ? checkBaseUrl(fromFile.baseUrl, `baseUrl in --config ${options.config ?? ''}`)
        : envBase !== undefined && envBase !== ''
          ? checkBaseUrl(envBase, BASE_URL_ENV)
          : checkBaseUrl(facts.defaultBaseUrl ?? '', `${pkg.packageName}'s DEFAULT_BASE_URL (src/config.ts), or --base-url,`);
  const config = { ...fromEnv, ...fromFile, baseUrl };

  const secrets = new Set<string>();
  configSecrets(config, secrets);
  // The package's environment variables carry credentials, whatever their field is called (`ACME_PAT`), except
  // those naming where the account lives (`SHOPIFY_SHOP`), which responses repeat harmlessly.
  for (const [field, value] of Object.entries(fromEnv)) if (typeof value === 'string' && !NOT_SECRET_FIELD.test(field)) secrets.add(value);
  const transport = recordingTransport(defaultTransport({ connections: 2 }));
  const redact = recordRedactor({ secrets: () => [...secrets, ...transport.secrets], fields: options.redactFields });

  const Connector = await loadConnectorClass(dir, connectorClassName(dir, pkg.entry));
  let client: object;
  try {
    client = new Connector({ ...config, transport });
  } catch (error) {
    throw new CliError(`${pkg.source}: ${redact.text((error as Error).message)}`, exitCodeOf(error));
  }
  const call = resolveOperation(client, options.operation, facts.declared);
  let outcome: Awaited<ReturnType<typeof runOperation>>;
  try {
    outcome = await runOperation(call, args, { limit, maxPages });
  } catch (error) {
    // Core's errors are redacted already; the message is checked again, as is anything the connector threw itself.
    const code = isConnectorError(error) ? `${error.code}: ` : '';
    throw new CliError(`${pkg.source} ${options.operation} failed, nothing was recorded: ${code}${redact.text((error as Error).message ?? String(error))}`, exitCodeOf(error));
  } finally {
    await (client as { disconnect?: () => Promise<void> }).disconnect?.();
  }

  const base = new URL(baseUrl);
  const sameOrigin = transport.exchanges.filter((e) => e.url.origin === base.origin);
  const skipped = transport.exchanges.length - sameOrigin.length;
  const records = redact.value(outcome.records);
  const recording: RecordingFile = {
    operation: options.operation,
    args: redact.value(args),
    kind: outcome.kind,
    limit,
    maxPages,
    exchanges: sameOrigin.map((e) => redact.exchange(e, base)),
    result:
      outcome.kind === 'paginated'
        ? { count: records.length, ...(records.length > 0 ? { first: records[0], last: records.at(-1) } : {}) }
        : { count: 0, value: redact.value(outcome.value) ?? null },
  };

  const recordedDir = join(dir, RECORDED_DIR);
  const existing = existsSync(recordedDir) ? readdirSync(recordedDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)) : [];
  const operations = [...new Set([...existing, options.operation])];
  const writes: Array<[string, string]> = [
    [`${RECORDED_DIR}/${fixtureFile(options.operation)}`, `${JSON.stringify(recording, null, 2)}\n`],
    [`${RECORDED_DIR}/index.ts`, renderRecordedIndex(operations)],
    [testFile(options.operation), renderRecordedTest(recording, dir)],
  ];
  const mocksIndex = readFileSync(join(dir, 'src', 'mocks', 'index.ts'), 'utf8');
  if (!mocksIndex.includes("from './recorded/index.js'")) {
    const line = "export { recordedHandlers, recordings, type RecordedExchange, type RecordedOperation, type Recording } from './recorded/index.js';";
    writes.push(['src/mocks/index.ts', `${mocksIndex.replace(/\n*$/, '')}\n\n// Live responses saved by \`cf record\` (redacted), replayed by test/recorded-*.test.ts.\n${line}\n`]);
  }

  // The last line of defence: no credential value, in any form core knows, reaches a written file.
  for (const [file, text] of writes) {
    for (const secret of [...secrets, ...transport.secrets]) {
      if (secret.length >= 6 && (text.includes(secret) || text.includes(encodeURIComponent(secret)))) {
        throw new CliError(`cf record: a credential would have been written to ${file}; nothing was written. Report this as a bug, with the operation.`, EXIT.failure);
      }
    }
  }
  for (const [file, text] of writes) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const stderr = options.stderr;
  if (skipped > 0) stderr?.write(`cf record: ${skipped} exchange(s) with other hosts than ${base.origin} (token endpoints...) were not recorded.\n`);
  return {
    dir,
    operation: options.operation,
    kind: outcome.kind,
    exchanges: recording.exchanges.length,
    records: records.length,
    pages: outcome.pages,
    written: writes.map(([file]) => file),
  };
}
