import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddResourceOptions } from './add-resource-options.js';
import { renderMock } from './render-mock.js';
import { renderResource } from './render-resource.js';
import { renderTest } from './render-test.js';
import { planResource } from './resource-plan.js';
import { wireClient, wireIndex, wireConformance, wireMetadata, wireMocks } from './wire-resource.js';

export interface AddResourceResult {
  /** The connector package directory. */
  dir: string;
  /** Files written, relative to `dir`. */
  created: string[];
  /** Files changed to wire the resource in, relative to `dir`. */
  updated: string[];
  /** The client property and method: `client.orders.list(...)`. */
  property: string;
  method: string;
  /** The inferred schema of one record (or of the response), as written. */
  schema: string;
  /** What is left for a person (or an agent) to do. */
  nextSteps: string[];
}

/**
 * Adds a resource to a connector package made by `cf new`: `src/resources/<name>.ts` with a zod schema inferred
 * from a sample response and one method on core's pagination strategy for the chosen style, a mock handler
 * serving the sample (`src/mocks/<name>.ts`), a test asserting the outgoing requests and the typed result
 * (`test/<name>.test.ts`), wired into the client, the exports, the mocks and the metadata record.
 * Everything is worked out before anything is written: a failure leaves the package untouched.
 */
export function addResource(options: AddResourceOptions): AddResourceResult {
  const plan = planResource(options);
  const { dir } = plan.connector;
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
  const resource = renderResource(plan);
  const writes: Array<[string, string]> = [
    [`src/resources/${plan.names.name}.ts`, resource],
    [`src/mocks/${plan.names.name}.ts`, renderMock(plan)],
    [`test/${plan.names.name}.test.ts`, renderTest(plan)],
  ];
  const updates: Array<[string, string]> = [
    [plan.connector.entry, wireClient(read(plan.connector.entry), plan)],
    ['src/index.ts', wireIndex(read('src/index.ts'), plan)],
    ['src/mocks/index.ts', wireMocks(read('src/mocks/index.ts'), plan)],
    ['src/metadata.ts', wireMetadata(read('src/metadata.ts'), plan)],
    ['test/conformance.test.ts', wireConformance(read('test/conformance.test.ts'), plan)],
  ];
  for (const [file, text] of [...writes, ...updates]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const schema = /export const \w+Schema = z\.lazySchema\(\(\) => ([\s\S]*?)\);\nexport type/.exec(resource)?.[1] ?? '';
  return {
    dir,
    created: writes.map(([file]) => file),
    updated: updates.map(([file]) => file),
    property: plan.names.camel,
    method: plan.method,
    schema,
    nextSteps: [
      `Check the inferred schemas in src/resources/${plan.names.name}.ts against the API's reference: mark what may be null or missing, narrow ids and enums.`,
      `Replace the sample in src/mocks/${plan.names.name}.ts with documented examples, and mock the endpoint's error responses.`,
      `Describe ${plan.names.name} in README.md; run the package's tests and \`cf check\` (100 % is done).`,
    ],
  };
}
