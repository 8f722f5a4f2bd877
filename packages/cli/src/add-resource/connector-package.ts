import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../cli-error.js';

/** What the generated files need to know about the connector package they join. */
export interface ConnectorPackage {
  dir: string;
  /** `@cf/connector-acme` */
  packageName: string;
  /** The connector's registry name, its errors' `source`: `acme`. */
  source: string;
  /** The client authenticates with `bearerAuth(...)`: the generated test asserts the Authorization header. */
  bearer: boolean;
  /** The path prefix the package's tests put after the mock server's URL (`/v1` in a `cf new` package). */
  testPathPrefix: string;
}

const REQUIRED = ['package.json', 'src/client.ts', 'src/index.ts', 'src/metadata.ts', 'src/mocks/index.ts', 'test/helpers.ts', 'test/conformance.test.ts'];

export function readConnectorPackage(dir: string): ConnectorPackage {
  const missing = REQUIRED.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) throw usageError(`${dir} is not a connector package in the \`cf new\` layout (missing ${missing.join(', ')}).`);
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
  if (typeof name !== 'string' || name.length === 0) throw usageError(`${dir}/package.json has no name.`);
  const client = readFileSync(join(dir, 'src', 'client.ts'), 'utf8');
  const helpers = readFileSync(join(dir, 'test', 'helpers.ts'), 'utf8');
  return {
    dir,
    packageName: name,
    source: /readonly name = '([^']+)'/.exec(client)?.[1] ?? name.replace(/^@[^/]+\/(connector-)?/, ''),
    bearer: /\bbearerAuth\(/.test(client),
    // `baseUrl: \`${ctx.server.baseUrl}/v1\`` in the scaffold's helpers.
    testPathPrefix: /\$\{ctx\.server\.baseUrl\}([^`]*)`/.exec(helpers)?.[1] ?? '',
  };
}
