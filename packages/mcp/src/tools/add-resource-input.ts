import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { addResourceOptionsSchema } from '@cf/cli';

/** The connector a tool works on: a path inside the workspace, or a name meaning packages/connector-<name>. */
export const connectorInput = z
  .string()
  .min(1)
  .max(300)
  .describe('The connector package: a path relative to the workspace root ("packages/connector-acme"), or its name ("acme") for packages/connector-<name>.');

/** A JSON body as every client's JSON Schema understands it: an object or an array. */
const jsonBody = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
const described = (key: 'sample' | 'samples' | 'requestSample'): string => addResourceOptionsSchema.shape[key].description ?? '';

/**
 * The CLI's own options schema (its descriptions included), minus where it runs: the server decides that. The
 * bodies are declared as objects or arrays, a JSON Schema every client understands; `sample` may also be the JSON
 * text of one (agents often send it serialized): `parseSample` reads the text, and the CLI checks the result is JSON.
 * `add_resource` also takes `samples` and `requestSample` as JSON text (`addResourceFields`).
 */
export const resourceFields = addResourceOptionsSchema.omit({ dir: true, cwd: true }).extend({
  sample: z.union([jsonBody, z.string()]).optional().describe(`${described('sample')} An object or array, or its JSON text.`),
  samples: z.array(jsonBody).min(1).optional().describe(`${described('samples')} An array of objects or arrays.`),
  requestSample: jsonBody.optional().describe(`${described('requestSample')} An object or array.`),
});

/** `add_resource`'s resource fields: `samples` and `requestSample` as JSON text too. */
export const addResourceFields = resourceFields.extend({
  samples: z
    .union([z.array(z.union([jsonBody, z.string()])).min(1), z.string()])
    .optional()
    .describe(`${described('samples')} An array of objects or arrays (or of their JSON texts), or the JSON text of that array.`),
  requestSample: z.union([jsonBody, z.string()]).optional().describe(`${described('requestSample')} An object or array, or its JSON text.`),
});

/** A value given as JSON text, parsed; anything else as it came. Text that is not JSON is InvalidParams naming `field`. */
export function parseJsonText(field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new McpError(ErrorCode.InvalidParams, `${field} is a string but not JSON (${error instanceof Error ? error.message : String(error)}): pass the body as an object or array, or its JSON text.`);
  }
}

/** A sample given as JSON text, parsed; an object or array as it came. Text that is not JSON is InvalidParams saying so. */
export function parseSample(sample: unknown): unknown {
  if (typeof sample !== 'string') return sample;
  try {
    return JSON.parse(sample) as unknown;
  } catch (error) {
    throw new McpError(ErrorCode.InvalidParams, `sample is a string but not JSON (${error instanceof Error ? error.message : String(error)}): pass the response body as an object or array, or its JSON text.`);
  }
}

/** `samples` as an array, or the JSON text of one, its elements objects, arrays or JSON texts: each parsed. */
export function parseSamples(samples: unknown): unknown[] | undefined {
  if (samples === undefined) return undefined;
  const all = parseJsonText('samples', samples);
  if (!Array.isArray(all)) throw new McpError(ErrorCode.InvalidParams, 'samples must be an array of response bodies (or the JSON text of one); give a single response as `sample`.');
  return all.map((value: unknown, i) => parseJsonText(`samples[${i}]`, value));
}
