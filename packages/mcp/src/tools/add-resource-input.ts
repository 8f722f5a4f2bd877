import { z } from 'zod';
import { addResourceOptionsSchema } from '@cf/cli';

/** The connector a tool works on: a path inside the workspace, or a name meaning packages/connector-<name>. */
export const connectorInput = z
  .string()
  .min(1)
  .max(300)
  .describe('The connector package: a path relative to the workspace root ("packages/connector-acme"), or its name ("acme") for packages/connector-<name>.');

/**
 * The CLI's own options schema (its descriptions included), minus where it runs: the server decides that. The
 * sample is declared as an object or array, a JSON Schema every client understands; the CLI checks it is JSON.
 */
export const resourceFields = addResourceOptionsSchema.omit({ dir: true, cwd: true }).extend({
  sample: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).describe(addResourceOptionsSchema.shape.sample.description ?? ''),
});
