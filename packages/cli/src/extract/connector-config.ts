import { readFileSync } from 'node:fs';
import type { ConnectorAdapter } from '../adapters/adapter.js';
import { CliError, usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';

/** Reads `--config file.json`: the connector's configuration (credentials and any core option such as `timeoutMs`). */
export function readConfigFile(path: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw usageError(`Cannot read --config ${path}: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw usageError(`--config ${path} must hold a JSON object.`);
  return raw as Record<string, unknown>;
}

/** The environment variable that gives any connector its base URL (a proxy, a regional host, a mock server). */
export const BASE_URL_ENV = 'CF_BASE_URL';

/** A base URL from the command line or the environment: an absolute http(s) URL (its value is not echoed). */
export function checkBaseUrl(value: string, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw usageError(`${source} must be an absolute http(s) URL with the API's path prefix, such as https://proxy.example.com/v1.`);
  }
  return value;
}

/**
 * The configuration to build a connector with: the environment variables its README names (credentials, and
 * `CF_BASE_URL`), overridden by `--config`, overridden by `--base-url`. Missing credentials are an auth failure
 * (exit 3) that says which variables to set.
 */
export function connectorConfig(
  adapter: ConnectorAdapter,
  options: { env: NodeJS.ProcessEnv; configPath?: string | undefined; baseUrl?: string | undefined },
): Record<string, unknown> {
  const fromEnv: Record<string, unknown> = {};
  for (const v of adapter.env) {
    const value = options.env[v.name];
    if (value !== undefined && value !== '') fromEnv[v.field] = value;
  }
  const envBaseUrl = options.env[BASE_URL_ENV];
  if (envBaseUrl !== undefined && envBaseUrl !== '') fromEnv.baseUrl = checkBaseUrl(envBaseUrl, BASE_URL_ENV);
  const config = {
    ...fromEnv,
    ...(options.configPath !== undefined ? readConfigFile(options.configPath) : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: checkBaseUrl(options.baseUrl, '--base-url') } : {}),
  };
  const has = adapter.hasCredentials ?? ((c: Record<string, unknown>) => adapter.env.every((v) => !v.required || c[v.field] !== undefined));
  if (!has(config)) {
    const vars = adapter.env.filter((v) => v.required).map((v) => v.name);
    throw new CliError(
      `${adapter.metadata.name} needs credentials: set ${vars.join(', ') || 'its credentials'} (see the ${adapter.metadata.packageName} README), ` +
        `pass --config file.json with ${adapter.env.map((v) => `"${v.field}"`).join(', ') || 'them'}, or try --sandbox.`,
      EXIT.auth,
    );
  }
  return config;
}
