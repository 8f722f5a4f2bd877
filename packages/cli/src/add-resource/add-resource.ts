import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddResourceOptions } from './add-resource-options.js';
import { addMethodToMock, renderMock } from './render-mock.js';
import { addMethodToResource, renderResource } from './render-resource.js';
import { addMethodToTest, renderTest } from './render-test.js';
import { planResource } from './resource-plan.js';
import { documentedMethods, wireReadme } from './wire-readme.js';
import { wireClient, wireIndex, wireConformance, wireMetadata, wireMocks } from './wire-resource.js';

/** What `addResource` wrote: the files, the method's name, the schemas as written, and what is left to do. */
export interface AddResourceResult {
  /** The connector package directory. */
  dir: string;
  /** Files written, relative to `dir`. */
  created: string[];
  /** Files changed to wire the resource in, relative to `dir`. */
  updated: string[];
  /** The client property and method: `client.orders.list(...)`. */
  property: string;
  /** The method's name on that property: `list`, `get`, `create`… */
  method: string;
  /** The inferred schema of one record (or of the response), as written; empty for a write that answers nothing. */
  schema: string;
  /** The inferred schema of the request body of a write, as written; empty without a request sample. */
  inputSchema: string;
  /** True when the method was added to a resource that existed (its files were extended, not created). */
  addedToExisting: boolean;
  /** What is left for a person (or an agent) to do. */
  nextSteps: string[];
}

/** The methods the package's resource files document with an endpoint, as README rows (for a new Methods table). */
function documentedResources(dir: string): string[][] {
  const resources = join(dir, 'src', 'resources');
  if (!existsSync(resources)) return [];
  return readdirSync(resources)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .flatMap((f) => {
      const property = f.slice(0, -3).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      return documentedMethods(readFileSync(join(resources, f), 'utf8'), property);
    });
}

/**
 * Adds a resource to a connector package made by `cf new`, or a method to a resource it added before:
 * `src/resources/<name>.ts` with zod schemas inferred from sample responses (several samples: a field missing from
 * some is optional, null in some nullable) and one method on core's request funnel or pagination strategy (GET, or a
 * write: POST, PUT, PATCH, DELETE with a request body schema and core's idempotency rules), a mock handler serving
 * the sample (`src/mocks/<name>.ts`), a test asserting the outgoing requests, the typed result and the error cases
 * (`test/<name>.test.ts`), wired into the client, the exports, the mocks, the metadata record and the README.
 * Everything is worked out before anything is written: a failure (an `AddResourceError` saying which rule) leaves
 * the package untouched.
 */
export function addResource(options: AddResourceOptions): AddResourceResult {
  const plan = planResource(options);
  const { dir } = plan.connector;
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  const { name } = plan.names;
  const files = { resource: `src/resources/${name}.ts`, mock: `src/mocks/${name}.ts`, test: `test/${name}.test.ts` };
  const existing = plan.existing;
  const resource = existing ? addMethodToResource(existing.resource, plan) : renderResource(plan);
  const written: Array<[string, string]> = [
    [files.resource, resource],
    [files.mock, existing ? addMethodToMock(existing.mock, plan) : renderMock(plan)],
    [files.test, existing ? addMethodToTest(existing.test, plan) : renderTest(plan)],
  ];
  const updates: Array<[string, string]> = [
    [plan.connector.entry, wireClient(read(plan.connector.entry), plan)],
    ['src/index.ts', wireIndex(read('src/index.ts'), plan)],
    ['src/mocks/index.ts', wireMocks(read('src/mocks/index.ts'), plan)],
    ['src/metadata.ts', wireMetadata(read('src/metadata.ts'), plan)],
    ['test/conformance.test.ts', wireConformance(read('test/conformance.test.ts'), plan)],
    ...(existsSync(join(dir, 'README.md')) ? [['README.md', wireReadme(read('README.md'), plan, documentedResources(dir))] satisfies [string, string]] : []),
  ];
  for (const [file, text] of [...written, ...updates]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const declared = (id: string): string => new RegExp(`export const ${id} = z\\.lazySchema\\(\\(\\) => ([\\s\\S]*?)\\);\\nexport type`).exec(resource)?.[1] ?? '';
  const what = `${plan.names.camel}.${plan.method}()`;
  return {
    dir,
    created: existing ? [] : written.map(([file]) => file),
    updated: [...(existing ? written.map(([file]) => file) : []), ...updates.map(([file]) => file)],
    property: plan.names.camel,
    method: plan.method,
    schema: plan.sample === undefined ? '' : declared(plan.ids.itemSchema),
    inputSchema: plan.requestShape ? declared(plan.ids.inputSchema) : '',
    addedToExisting: existing !== undefined,
    nextSteps: [
      `Check the inferred schemas of ${what} in ${files.resource} against the API's reference: mark what may be null or missing, narrow ids and enums${plan.samples.length > 1 ? '' : ' (more samples, with `samples`, show more of that)'}.`,
      `Replace the samples in ${files.mock} with documented examples, and mock the endpoint's error responses.`,
      ...(plan.isWrite && !plan.idempotent && !plan.acceptsIdempotencyKey ? [`If the API honours an Idempotency-Key header on ${plan.httpMethod} ${plan.endpoint}, remove the idempotencyKey refusal from ${what} (core then takes a call with a key as safe to retry), and say so in its JSDoc.`] : []),
      `Describe ${what} in README.md (its row in the Methods table is a start); run the package's tests and \`cf check\` (100 % is done).`,
    ],
  };
}
