import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addResourceError } from './add-resource-error.js';

/** What the generated files need to know about the connector package they join. */
export interface ConnectorPackage {
  dir: string;
  /** The connector class's file, relative to `dir`: `src/<name>-connector.ts` (`src/client.ts` in older scaffolds). */
  entry: string;
  /** `@cf/connector-acme` */
  packageName: string;
  /** The connector's registry name, its errors' `source`: `acme`. */
  source: string;
  /** The client authenticates with `bearerAuth(...)`: the generated test asserts the Authorization header. */
  bearer: boolean;
  /** The path prefix the package's tests put after the mock server's URL (`/v1` in a `cf new` package). */
  testPathPrefix: string;
}

const REQUIRED = ['package.json', 'src/index.ts', 'src/metadata.ts', 'src/mocks/index.ts', 'test/helpers.ts', 'test/conformance.test.ts'];

/** The file declaring the connector class: `src/client.ts` (older scaffolds), else the one `src/*-connector.ts` extending BaseConnector. */
function findEntry(dir: string): string | undefined {
  if (existsSync(join(dir, 'src', 'client.ts'))) return 'src/client.ts';
  const candidates = existsSync(join(dir, 'src'))
    ? readdirSync(join(dir, 'src'))
        .filter((f) => f.endsWith('-connector.ts'))
        .filter((f) => /extends BaseConnector\b/.test(readFileSync(join(dir, 'src', f), 'utf8')))
    : [];
  return candidates.length === 1 ? `src/${candidates[0]}` : undefined;
}

export function readConnectorPackage(dir: string): ConnectorPackage {
  const entry = findEntry(dir);
  const missing = [...REQUIRED.filter((file) => !existsSync(join(dir, file))), ...(entry === undefined ? ['src/<name>-connector.ts (one class extending BaseConnector)'] : [])];
  if (missing.length > 0 || entry === undefined) throw addResourceError('NOT_A_CONNECTOR', `${dir} is not a connector package in the \`cf new\` layout (missing ${missing.join(', ')}).`);
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
  if (typeof name !== 'string' || name.length === 0) throw addResourceError('NOT_A_CONNECTOR', `${dir}/package.json has no name.`);
  const client = readFileSync(join(dir, entry), 'utf8');
  const helpers = readFileSync(join(dir, 'test', 'helpers.ts'), 'utf8');
  return {
    dir,
    entry,
    packageName: name,
    source: /readonly name = '([^']+)'/.exec(client)?.[1] ?? name.replace(/^@[^/]+\/(connector-)?/, ''),
    bearer: /\bbearerAuth\(/.test(client),
    // `baseUrl: \`${ctx.server.baseUrl}/v1\`` in the scaffold's helpers.
    testPathPrefix: /\$\{ctx\.server\.baseUrl\}([^`]*)`/.exec(helpers)?.[1] ?? '',
  };
}
