import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
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
 * sample is declared as an object or array, a JSON Schema every client understands, or the JSON text of one (agents
 * often send it serialized); `parseSample` reads the text, and the CLI checks the result is JSON.
 */
export const resourceFields = addResourceOptionsSchema.omit({ dir: true, cwd: true }).extend({
  sample: z
    .union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()])
    .describe(`${addResourceOptionsSchema.shape.sample.description ?? ''} An object or array, or its JSON text.`),
});

/** A sample given as JSON text, parsed; an object or array as it came. Text that is not JSON is InvalidParams saying so. */
export function parseSample(sample: unknown): unknown {
  if (typeof sample !== 'string') return sample;
  try {
    return JSON.parse(sample) as unknown;
  } catch (error) {
    throw new McpError(ErrorCode.InvalidParams, `sample is a string but not JSON (${error instanceof Error ? error.message : String(error)}): pass the response body as an object or array, or its JSON text.`);
  }
}
